// What the tests need from the machine, beyond npm: Debian's Chromium for the end-to-end suite
// (Playwright's own browser download is not used), redis-server for the relay's scale-out tests and
// coturn's turnserver for the TURN tests; the tests start their own servers on 127.0.0.1.
// Make sure they are there (CHROMIUM_PATH for another Chromium), installing the missing ones with
// apt-get when we can (root on Debian); otherwise say what to install.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const tools = [
  { what: 'Chromium', path: chromium, packages: process.env.CHROMIUM_PATH ? [] : ['chromium', 'fonts-dejavu-core'], hint: 'apt-get install chromium, or set CHROMIUM_PATH to a Chromium binary' },
  { what: 'redis-server', path: '/usr/bin/redis-server', packages: ['redis-server'], hint: 'apt-get install redis-server' },
  { what: 'turnserver (coturn)', path: '/usr/bin/turnserver', packages: ['coturn'], hint: 'apt-get install coturn' }
]

let missing = tools.filter((t) => !existsSync(t.path))
if (missing.length === 0) process.exit(0)

const packages = missing.flatMap((t) => t.packages)
const canApt = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0
if (canApt && packages.length > 0) {
  console.log(`Missing ${missing.map((t) => t.what).join(', ')}: installing ${packages.join(' ')} with apt-get…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  if (update.status === 0) spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env })
  missing = missing.filter((t) => !existsSync(t.path))
}
for (const t of missing) console.error(`No ${t.what} at ${t.path}: ${t.hint}.`)
process.exit(missing.length === 0 ? 0 : 1)
