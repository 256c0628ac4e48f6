import { dirname } from 'node:path'
import { z } from 'zod'
import { nodeFileSystem, type FileSystem } from './reminders/store.ts'

/**
 * What the desktop app remembers about itself (not the person's data): the window's placement and
 * whether the close-to-tray notice was shown. One JSON file in userData, written like the
 * reminders file (temp file, fsync, rename); an unreadable file gives the defaults, never a crash.
 */
const Placement = z.object({
  bounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
  maximized: z.boolean()
})

export const DesktopState = z.object({
  version: z.literal(1),
  window: Placement.nullable().catch(null),
  trayNoticeShown: z.boolean().catch(false)
})
export type DesktopState = z.infer<typeof DesktopState>

export const DEFAULT_DESKTOP_STATE: DesktopState = { version: 1, window: null, trayNoticeShown: false }

export class DesktopStateFile {
  private state: DesktopState = DEFAULT_DESKTOP_STATE
  private writing: Promise<void> = Promise.resolve()
  private readonly fs: FileSystem

  constructor(
    private readonly path: string,
    private readonly log: { warn(message: string): void },
    fs?: FileSystem
  ) {
    this.fs = fs ?? nodeFileSystem
  }

  /** Reads the file once; a missing or damaged one gives the defaults. Never rejects. */
  async load(): Promise<DesktopState> {
    try {
      const parsed = DesktopState.safeParse(JSON.parse(await this.fs.readFile(this.path)))
      if (parsed.success) this.state = parsed.data
      else this.log.warn(`desktop state: ${this.path} was not as expected; using the defaults`)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn(`desktop state: ${this.path} could not be read (${(err as Error).message}); using the defaults`)
    }
    return this.state
  }

  get current(): DesktopState {
    return this.state
  }

  /** Changes and saves (one write at a time, the last state wins). Never rejects. */
  update(patch: Partial<Omit<DesktopState, 'version'>>): Promise<void> {
    this.state = { ...this.state, ...patch }
    const snapshot = JSON.stringify(this.state)
    this.writing = this.writing.then(async () => {
      try {
        const tmp = `${this.path}.tmp`
        await this.fs.writeDurably(tmp, snapshot)
        await this.fs.rename(tmp, this.path)
        await this.fs.syncDirectory(dirname(this.path)).catch(() => {})
      } catch (err) {
        this.log.warn(`desktop state: could not save: ${(err as Error).message}`)
      }
    })
    return this.writing
  }
}
