// `npm start`: build the desktop app and run it in Electron. Electron 45+ downloads its binary on
// first run; where that cannot happen (an offline or locked-down machine) say so plainly and point
// to the web mode, which runs the very same renderer in a browser.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

let electronPath
try {
  electronPath = require('electron')
} catch (err) {
  console.error(`
Tandem could not start Electron: its binary is not on this machine and could not be downloaded.
  (${String(err?.message ?? err).split('\n')[0]})

Run the same app in your browser instead:
  npm run web
and, for peers to find each other, a signaling server:
  npm run signal
`)
  process.exit(1)
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const child = spawn(electronPath, ['.'], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
