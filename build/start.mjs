// `npm start`: Tandem in Electron where its binary is here or can be downloaded; otherwise (an
// offline or locked-down machine, or no display) the same app in your browser: the web build served
// on 127.0.0.1 with the server of `npm run server` next to it — signaling and the relay on one
// port (build/webMode.ts). Ctrl-C stops it.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `Usage: npm start [-- options]
  (none)             the desktop app, if Electron's binary is here or can be downloaded;
                     otherwise the web mode
  --web              the web mode: the app on http://127.0.0.1:4310/ in your browser, with a
                     signaling server on ws://127.0.0.1:4444 (both on this computer only)
  --port N           web mode: the app's port (your browser keeps Tandem's data per address)
  --signal-port N    web mode: the signaling server's port (default 4444, or a free one if taken)
  --relay-data DIR   web mode: where the relay (on the signaling server's port, as
                     \`npm run server\`) keeps its rooms (default ~/.tandem/relay)
  --no-open          web mode: print the address, do not open a browser
`

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '..')

let args
try {
  args = parseArgs({
    options: {
      web: { type: 'boolean' },
      port: { type: 'string' },
      'signal-port': { type: 'string' },
      'relay-data': { type: 'string' },
      'no-open': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    }
  }).values
} catch (err) {
  console.error(`${err.message}\n\n${USAGE}`)
  process.exit(2)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}

const port = (value, name) => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+$/.test(value) || n > 65535) {
    console.error(`--${name} must be a port number (0 for any free port), got "${value}"`)
    process.exit(2)
  }
  return n
}
const webOptions = {
  port: port(args.port, 'port'),
  signalPort: port(args['signal-port'], 'signal-port'),
  relayData: args['relay-data'] ? path.resolve(args['relay-data']) : undefined,
  open: !args['no-open']
}

const electron = args.web ? { path: null, why: null } : findElectron()
if (electron.path) runDesktop(electron.path)
else {
  if (electron.why) console.log(`${electron.why}\nRunning Tandem in your browser instead (web mode).\n`)
  // the web mode and the signaling server are TypeScript: load them through tsx, in this process
  const { register } = await import('tsx/esm/api')
  register()
  const { runWebMode } = await import('./webMode.ts')
  await runWebMode(webOptions)
}

/** Electron's binary, downloading it first if it is missing; or why the desktop app cannot run. */
function findElectron() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { path: null, why: 'There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set).' }
  }
  let dir
  try {
    dir = path.dirname(require.resolve('electron/package.json'))
  } catch {
    return { path: null, why: 'Electron is not installed (run npm install).' }
  }
  const pathFile = path.join(dir, 'path.txt')
  const present =
    !!process.env.ELECTRON_OVERRIDE_DIST_PATH ||
    (existsSync(pathFile) && existsSync(path.join(dir, 'dist', readFileSync(pathFile, 'utf8'))))
  if (!present) {
    // the package's own index.js would download too, but prints a stack trace when it cannot
    console.log("Downloading Electron's binary (first run)…")
    const install = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
      timeout: 15 * 60_000
    })
    if (install.status !== 0) {
      const lines = (install.stderr ?? '').split('\n').map((l) => l.trim()).filter(Boolean)
      const reason = lines.find((l) => /error/i.test(l) && !l.startsWith('at ')) ?? lines[0] ?? install.error?.message
      return { path: null, why: `Electron's binary is not on this machine and could not be downloaded${reason ? `:\n  ${reason}` : '.'}` }
    }
  }
  try {
    return { path: require('electron'), why: null }
  } catch (err) {
    return { path: null, why: `Electron could not start: ${String(err?.message ?? err).split('\n')[0]}` }
  }
}

/** The desktop app: build it, run it, and pass Ctrl-C or SIGTERM on to it. */
function runDesktop(electronPath) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit'
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const child = spawn(electronPath, ['.'], { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
