// The end-to-end suite drives Debian's Chromium (Playwright's own browser download is not used).
// Make sure it is there: CHROMIUM_PATH, /usr/bin/chromium, or install it with apt-get when we can.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

const canApt = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0
if (!process.env.CHROMIUM_PATH && canApt) {
  console.log('Chromium is missing: installing Debian\'s chromium with apt-get…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env })
  if (install && install.status === 0 && existsSync(path)) process.exit(0)
}
console.error(`No Chromium at ${path}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`)
process.exit(1)
