import { spawn } from 'node:child_process'
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { mimeTypeFor, resolveAppPath } from '../electron/main/appProtocol.ts'
import { CONTENT_SECURITY_POLICY } from '../electron/main/security.ts'
import { startSignalingServer, type SignalingServer } from '../electron/signaling/server.ts'
import { createRelay, type Relay } from '../electron/relay/server.ts'
import { createEmbeddedStore } from '../electron/relay/embeddedStore.ts'
import os from 'node:os'

/**
 * The web mode of `npm start` (build/start.mjs runs it where Electron cannot): builds the web app
 * when it is missing or older than its sources, serves it on 127.0.0.1 and starts the server
 * program of `npm run server` next to it — the signaling server and, on the same port under
 * /relay, the end-to-end-encrypted relay with its mailbox (rooms kept in `relayData`), so a space
 * can name it as its relay. The served page learns that server from /tandem-config.js, a script
 * that sets `window.TANDEM_CONFIG = { signaling: [...] }` (the hook web mode reads its default
 * signaling URLs from, renderer/src/core/platform/web.ts) and that index.html loads before the app.
 */
export const WEB_DEFAULTS = {
  /** the app's port: the browser keeps Tandem's data per address, so it never moves by itself */
  port: 4310,
  /** the signaling port the desktop app and `npm run signal` use too; another one if taken */
  signalPort: 4444,
  /** where the relay keeps its rooms (sealed updates only) */
  relayData: path.join(os.homedir(), '.tandem', 'relay')
} as const

const HOST = '127.0.0.1'
const CONFIG_SCRIPT = 'tandem-config.js'
const ROOT = path.resolve(import.meta.dirname, '..')

export interface WebModeOptions {
  /** the app's port (0: any free port) */
  port?: number
  /** the signaling server's port (0: any free port); when not given, 4444 or else any free one */
  signalPort?: number
  /** the relay's data directory (default ~/.tandem/relay) */
  relayData?: string
  log?: (line: string) => void
}

export interface WebMode {
  /** the page, e.g. http://127.0.0.1:4310/ */
  url: string
  /** the signaling server the page uses, e.g. ws://127.0.0.1:4444 */
  signalingUrl: string
  /** the relay a space can name, e.g. ws://127.0.0.1:4444 (its endpoint is under /relay) */
  relayUrl: string
  /** where the relay keeps its rooms */
  relayData: string
  /** what was built, or null when the existing build was current */
  built: string | null
  close(): Promise<void>
}

export async function startWebMode(options: WebModeOptions = {}): Promise<WebMode> {
  const log = options.log ?? ((line: string) => console.log(line))
  const { outDir, built } = await ensureWebBuild(log)
  let signal: SignalingServer
  const signalLog = (line: string) => {
    if (!line.startsWith('listening on')) log(`[signal] ${line}`)
  }
  const relayData = options.relayData ?? WEB_DEFAULTS.relayData
  // the program of `npm run server` (electron/relay/cli.ts): signaling, and the relay on its port
  const relay = (): Relay => createRelay({ store: createEmbeddedStore({ dir: relayData, log: (l) => log(`[relay] ${l}`) }), log: (l) => log(`[relay] ${l}`) })
  const serve = async (port: number) => {
    const r = relay()
    try {
      return await startSignalingServer({ host: HOST, port, log: signalLog, relay: r })
    } catch (err) {
      await r.close()
      throw err
    }
  }
  if (options.signalPort !== undefined) {
    signal = await serve(options.signalPort)
  } else {
    try {
      signal = await serve(WEB_DEFAULTS.signalPort)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err
      signal = await serve(0)
      log(`Port ${WEB_DEFAULTS.signalPort} is taken, so the signaling server uses ${signal.port}.`)
    }
  }
  const signalingUrl = `ws://${HOST}:${signal.port}`
  let app: http.Server
  try {
    app = await listen(createAppServer(outDir, signalingUrl), options.port ?? WEB_DEFAULTS.port)
  } catch (err) {
    await signal.close()
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const port = options.port ?? WEB_DEFAULTS.port
      throw new Error(
        `port ${port} is in use (is Tandem already running?). Your browser keeps Tandem's data for ` +
          `http://${HOST}:${port}, so it does not move to another port by itself: stop the other ` +
          'program, or choose one with --port N (data kept under the old address stays there).',
        { cause: err }
      )
    }
    throw err
  }
  const { port } = app.address() as AddressInfo
  return {
    url: `http://${HOST}:${port}/`,
    signalingUrl,
    relayUrl: signalingUrl,
    relayData,
    built,
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => {
          app.closeAllConnections()
          app.close(() => resolve())
        }),
        signal.close()
      ])
    }
  }
}

/** The web build's folder (as renderer/vite.config.ts sets it), built first if needed. */
async function ensureWebBuild(log: (line: string) => void): Promise<{ outDir: string; built: string | null }> {
  const vite = await import('vite')
  const configFile = path.join(ROOT, 'renderer/vite.config.ts')
  const config = await vite.resolveConfig({ configFile, logLevel: 'warn' }, 'build', 'production', 'production')
  const outDir = path.resolve(config.root, config.build.outDir)
  const reason = staleReason(outDir)
  if (!reason) return { outDir, built: null }
  log(`Building the web app (${reason})…`)
  const started = Date.now()
  await vite.build({ configFile, logLevel: 'warn' })
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  return { outDir, built: reason }
}

/** Why the build in outDir must be made again, or null when it is newer than all its sources. */
export function staleReason(outDir: string, root = ROOT): string | null {
  const index = path.join(outDir, 'index.html')
  if (!existsSync(index)) return `there is none in ${path.relative(root, outDir) || outDir} yet`
  const builtAt = statSync(index).mtimeMs
  const sources = ['renderer', 'shared', 'patches', 'package-lock.json'].map((p) => path.join(root, p))
  const newer = newestFile(sources, outDir)
  if (newer && newer.mtimeMs > builtAt) return `${path.relative(root, newer.file)} changed since the last build`
  return null
}

function newestFile(paths: string[], skip: string): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null
  const visit = (p: string) => {
    if (p === skip || path.basename(p) === 'node_modules' || !existsSync(p)) return
    const stat = statSync(p)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) visit(path.join(p, entry))
    } else if (!newest || stat.mtimeMs > newest.mtimeMs) {
      newest = { file: p, mtimeMs: stat.mtimeMs }
    }
  }
  paths.forEach(visit)
  return newest
}

/**
 * The built app on 127.0.0.1, with the desktop app's Content-Security-Policy, index.html loading
 * /tandem-config.js first, and requests for another host name refused (DNS rebinding).
 */
function createAppServer(outDir: string, signalingUrl: string): http.Server {
  const config = `window.TANDEM_CONFIG = ${JSON.stringify({ signaling: [signalingUrl] })};\n`
  const server = http.createServer((req, res) => {
    const { port } = server.address() as AddressInfo
    const headers = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer'
    }
    const fail = (status: number, text: string) => {
      res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`)
    }
    if (![`${HOST}:${port}`, `localhost:${port}`].includes(req.headers.host ?? '')) return fail(421, 'Unknown host')
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'Method not allowed')
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`)
    if (url.pathname === `/${CONFIG_SCRIPT}`) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      res.end(req.method === 'HEAD' ? undefined : config)
      return
    }
    const file = resolveAppPath(outDir, url.href)
    if (!file) return fail(403, 'Forbidden')
    if (!existsSync(file) || !statSync(file).isFile()) return fail(404, 'Not found')
    const immutable = file.startsWith(path.join(outDir, 'assets') + path.sep)
    res.writeHead(200, {
      ...headers,
      'content-type': mimeTypeFor(file),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
    })
    if (req.method === 'HEAD') return void res.end()
    if (file === path.join(outDir, 'index.html')) return void res.end(withConfigScript(readFileSync(file, 'utf8')))
    createReadStream(file).pipe(res)
  })
  return server
}

/** index.html with the config script before the app's own (module scripts run after it). */
export function withConfigScript(html: string): string {
  const tag = `<script src="./${CONFIG_SCRIPT}"></script>`
  const at = html.search(/<script\b/i)
  if (at >= 0) return html.slice(0, at) + tag + '\n    ' + html.slice(at)
  const head = html.search(/<\/head>/i)
  if (head < 0) throw new Error('index.html has neither a script nor a </head>')
  return html.slice(0, head) + tag + html.slice(head)
}

function listen(server: http.Server, port: number): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      resolve(server)
    })
  })
}

/** Opens the page in the default browser where there is one; never fails. */
export function openBrowser(url: string): boolean {
  const command =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '', url]
        : (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && onPath('xdg-open')
          ? ['xdg-open', url]
          : null
  if (!command) return false
  try {
    const child = spawn(command[0]!, command.slice(1), { detached: true, stdio: 'ignore', windowsHide: true })
    child.on('error', () => {})
    child.unref()
    return true
  } catch {
    return false
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)))
}

/**
 * `npm start` in web mode: start, print where, open a browser, and stop both servers on Ctrl-C
 * (SIGINT) or SIGTERM. Repeated signals while stopping (npm forwards the one the terminal already
 * sent) are ignored; stopping takes at most 5 s.
 */
export async function runWebMode(options: WebModeOptions & { open: boolean }): Promise<void> {
  let web: WebMode
  try {
    web = await startWebMode(options)
  } catch (err) {
    console.error(`Tandem could not start in web mode: ${(err as Error).message}`)
    process.exit(1)
  }
  console.log(
    [
      '',
      `Tandem is running at ${web.url}`,
      `  signaling server: ${web.signalingUrl} (peers on this computer find each other through it)`,
      `  relay: ${web.relayUrl} (name it under Relay on a space's page: edits wait there for whoever is offline; rooms kept in ${web.relayData})`,
      `  your data stays in this browser, under ${web.url.replace(/\/$/, '')}`,
      'Press Ctrl-C to stop.',
      ''
    ].join('\n')
  )
  if (options.open && !process.env.CI) {
    console.log(openBrowser(web.url) ? 'Opening it in your browser…' : 'Open it in your browser.')
  }
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`\nStopping Tandem (${signal})…`)
    setTimeout(() => {
      console.error('Tandem did not stop within 5 s; quitting anyway.')
      process.exit(1)
    }, 5_000).unref()
    web.close().then(
      () => {
        console.log('Tandem stopped.')
        process.exit(0)
      },
      (err: unknown) => {
        console.error(`Tandem stopped with an error: ${(err as Error).message}`)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
