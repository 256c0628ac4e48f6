import { spawn, type ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { cleanup, freePort, peer, tmpDir, until, withTimeout } from './helpers.ts'

// The real server program (`npm run server`), killed with SIGKILL in the middle of a run and
// started again on the same directory: every update it acknowledged is still there.
const children: ChildProcess[] = []
afterEach(async () => {
  await cleanup()
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
})

async function startServer(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/relay/cli.ts', '--port', String(port), '--data', dir, '--no-fsync'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.push(child)
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  await until(() => out.includes('relay on') || child.exitCode !== null, 'the server to start', 30_000)
  if (child.exitCode !== null) throw new Error(`the server did not start: ${out}`)
  return child
}

describe('relay process killed (SIGKILL) and started again', () => {
  it('loses no acknowledged update', async () => {
    const port = await freePort()
    const dir = tmpDir('relay-kill')
    const first = await startServer(port, dir)
    const url = `ws://127.0.0.1:${port}`
    const a = peer([url])
    await withTimeout(a.provider.whenSynced(), 'A synced')
    const t = a.doc.getText('t')
    for (let i = 0; i < 100; i++) t.insert(t.length, `${i};`)
    await until(() => a.provider.unacknowledged === 0, 'A acknowledged')
    const acknowledged = t.toString()
    // more edits in flight when it dies: they may or may not have landed, A sends them again
    for (let i = 100; i < 120; i++) t.insert(t.length, `${i};`)
    const exited = new Promise((r) => first.once('exit', r))
    first.kill('SIGKILL')
    await withTimeout(exited, 'the kill')

    await startServer(port, dir)
    const b = peer([url], { doc: new Y.Doc() })
    await until(() => b.text().startsWith(acknowledged), 'B to get every acknowledged update', 20_000)
    await until(() => b.text() === t.toString(), 'A’s edits in flight to arrive too (A reconnected)', 20_000)
    expect(b.text()).toBe(a.text())
  }, 90_000)
})
