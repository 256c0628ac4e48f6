import type { SignalingServer, SignalingOptions } from '../signaling/server.ts'

/** Hosts the bundled signaling server for the LAN from the desktop app, on request. */
export interface SignalingHostDeps {
  start(options: SignalingOptions): Promise<SignalingServer>
  /** IPv4 addresses of this machine's non-internal interfaces */
  lanAddresses(): string[]
}

export class SignalingHost {
  private server: SignalingServer | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: SignalingHostDeps) {}

  /** Calls run one at a time, so two quick clicks never start two servers. */
  set(enabled: boolean, port = 4444): Promise<{ running: boolean; urls: string[]; error?: string }> {
    const next = this.queue.then(() => this.apply(enabled, port))
    this.queue = next.catch(() => {})
    return next
  }

  private async apply(enabled: boolean, port: number): Promise<{ running: boolean; urls: string[]; error?: string }> {
    if (!enabled) {
      await this.dispose()
      return { running: false, urls: [] }
    }
    if (this.server && this.server.port !== port) await this.dispose()
    if (!this.server) {
      try {
        this.server = await this.deps.start({ host: '0.0.0.0', port })
      } catch (err) {
        const message = (err as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? `Port ${port} is already in use on this computer; choose another port.`
          : `The signaling server could not start: ${(err as Error).message}`
        return { running: false, urls: [], error: message }
      }
    }
    const urls = this.deps.lanAddresses().map((ip) => `ws://${ip}:${this.server!.port}`)
    return { running: true, urls: [`ws://localhost:${this.server.port}`, ...urls] }
  }

  async dispose(): Promise<void> {
    const server = this.server
    this.server = null
    await server?.close()
  }
}
