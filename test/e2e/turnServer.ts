import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * A real TURN server for the end-to-end tests: Debian's coturn (`turnserver`, installed by
 * .ci/run), on 127.0.0.1 only, a free port, one static long-term user. Started by a spec, stopped
 * by it (`stop` kills exactly the process it started).
 */
export interface TurnServerHandle {
  /** turn:127.0.0.1:<port>?transport=udp */
  url: string
  port: number
  username: string
  credential: string
  /** what coturn logged so far */
  log(): string
  stop(): Promise<void>
}

export function turnserverPath(): string | null {
  for (const p of ['/usr/bin/turnserver', '/usr/local/bin/turnserver']) {
    if (spawnSync(p, ['--help'], { stdio: 'ignore' }).error === undefined) return p
  }
  return null
}

/** A port free for both TCP and UDP on 127.0.0.1 (coturn listens on both). */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer()
      srv.once('error', reject)
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port
        srv.close(() => resolve(p))
      })
    })
    const udpFree = await new Promise<boolean>((resolve) => {
      const sock = createSocket('udp4')
      sock.once('error', () => resolve(false))
      sock.bind(port, '127.0.0.1', () => sock.close(() => resolve(true)))
    })
    if (udpFree) return port
  }
  throw new Error('no free port for the TURN server')
}

async function acceptsTcp(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1')
    sock.once('connect', () => {
      sock.destroy()
      resolve(true)
    })
    sock.once('error', () => resolve(false))
  })
}

export async function startTurnServer(username = 'tandem', credential = 'turn-secret'): Promise<TurnServerHandle> {
  const bin = turnserverPath()
  if (!bin) throw new Error('turnserver (Debian package coturn) is not installed: apt-get install -y coturn')
  const port = await freePort()
  const dir = mkdtempSync(path.join(tmpdir(), 'tandem-turn-'))
  const logFile = path.join(dir, 'turn.log')
  // relay ports: a range of 200 above a random base (coturn takes the free ones within it)
  const minPort = 50_000 + Math.floor(Math.random() * 70) * 200
  const args = [
    '-n',
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--listening-port=${port}`,
    `--min-port=${minPort}`,
    `--max-port=${minPort + 199}`,
    `--user=${username}:${credential}`,
    '--realm=tandem',
    '--lt-cred-mech',
    '--fingerprint',
    '--no-cli',
    '--no-tls',
    '--no-dtls',
    '--no-rfc5780',
    '--allow-loopback-peers',
    `--userdb=${path.join(dir, 'turndb')}`,
    `--pidfile=${path.join(dir, 'turn.pid')}`,
    `--log-file=${logFile}`,
    '--simple-log',
    '--no-stdout-log',
    '--verbose'
  ]
  const child: ChildProcess = spawn(bin, args, { stdio: 'ignore' })
  let exited = false
  child.once('exit', () => (exited = true))
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8')
    } catch {
      return ''
    }
  }
  // ready when it accepts TCP on its port (it opens UDP first); bounded: 100 tries, 100 ms apart
  let ready = false
  for (let i = 0; i < 100 && !exited && !ready; i++) {
    ready = await acceptsTcp(port)
    if (!ready) await new Promise((r) => setTimeout(r, 100))
  }
  const stop = async () => {
    if (!exited) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
      await gone
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  if (!ready) {
    const text = log()
    await stop()
    throw new Error(`turnserver did not start on 127.0.0.1:${port}:\n${text.slice(-2000)}`)
  }
  return { url: `turn:127.0.0.1:${port}?transport=udp`, port, username, credential, log, stop }
}
