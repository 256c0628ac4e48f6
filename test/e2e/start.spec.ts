import { chromium, expect, test } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CHROMIUM_ARGS, chromiumPath, createSpace, firstRun, inviteCode, join, member, type Peer } from './harness.ts'

/**
 * `npm start` where Electron cannot run (forced with --web, so that a machine with Electron does
 * not open a window): it builds the web app into a folder of its own (TANDEM_WEB_OUT, so the
 * suite's build is never touched), serves it and a signaling server on free ports, and two
 * browser processes pointed at the printed address — with no signaling configured by the test —
 * sync a space through it; the relay of `npm run server` runs on the signaling server's port, and
 * a space that names the printed relay address syncs through it. Ctrl-C (SIGINT to the whole process group, as a terminal sends it)
 * stops everything: npm, its shell, node, and both servers.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const STARTUP_MS = 150_000
const MAX_OUTPUT = 64 * 1024

test('npm start serves the app, a signaling server and a relay; two browsers sync, also through the relay; Ctrl-C stops both', async () => {
  test.setTimeout(300_000)
  const outDir = mkdtempSync(path.join(tmpdir(), 'tandem-start-'))
  const relayData = mkdtempSync(path.join(tmpdir(), 'tandem-start-relay-'))
  const child = spawn('npm', ['start', '--', '--web', '--port', '0', '--signal-port', '0', '--relay-data', relayData, '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, TANDEM_WEB_OUT: outDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const peers: Peer[] = []
  try {
    const output = collect(child)
    const started = await waitFor(
      output,
      child,
      /Tandem is running at (http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*signaling server: (ws:\/\/127\.0\.0\.1:\d+)[\s\S]*relay: (ws:\/\/127\.0\.0\.1:\d+) /
    )
    const [, url, signalingUrl, relayUrl] = started as [string, string, string, string]
    expect(relayUrl, 'the relay is the server program of npm run server: on the signaling port').toBe(signalingUrl)
    expect(output.text).toContain(`rooms kept in ${relayData}`)
    expect(output.text).toContain('Building the web app')

    // the page, its config pointing at the signaling server, and the server itself answer
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await page.text()
    expect(html).toContain('<div id="root">')
    expect(html.indexOf('tandem-config.js')).toBeLessThan(html.indexOf('type="module"'))
    const config = await (await fetch(new URL('tandem-config.js', url))).text()
    expect(config).toContain(JSON.stringify({ signaling: [signalingUrl] }))
    const health = signalingUrl.replace(/^ws:/, 'http:') + '/health'
    expect(await (await fetch(health)).json()).toMatchObject({ ok: true, relay: { store: 'embedded', rooms: 0 } })

    // two people, each their own browser process, nothing configured but the address
    const a = await openPeer('Ada', url)
    const b = await openPeer('Bruce', url)
    peers.push(a, b)
    await firstRun(a)
    await firstRun(b)
    expect(await a.page.evaluate(() => (window as unknown as { TANDEM_CONFIG: unknown }).TANDEM_CONFIG)).toEqual({
      signaling: [signalingUrl]
    })
    await createSpace(a.page, 'Started team', 'Team')
    await join(b.page, await inviteCode(a.page))
    await expect(b.page.getByRole('heading', { level: 1, name: 'Started team' })).toBeVisible()
    await expect(member(a.page, 'Bruce')).toContainText('online now')
    await expect(member(b.page, 'Ada')).toContainText('online now')
    await a.page.getByLabel('Space description').fill('Synced through npm start.')
    await a.page.getByLabel('Space description').blur()
    await expect(b.page.getByLabel('Space description')).toHaveValue('Synced through npm start.')
    const { connections } = (await (await fetch(health)).json()) as { connections: number }
    expect(connections, 'both pages are connected to the started signaling server').toBeGreaterThanOrEqual(2)

    // the space names the printed relay: both devices sync through it too, and it keeps the rooms in --relay-data
    const relaySection = a.page.getByRole('region', { name: 'Relay' })
    await relaySection.getByLabel('Relay addresses, one per line').fill(relayUrl)
    await relaySection.getByRole('button', { name: 'Save relay' }).click()
    for (const p of [a, b]) {
      await expect(p.page.getByRole('region', { name: 'Relay' }).locator('[data-relay-state]')).toHaveAttribute('data-relay-state', 'synced')
    }
    await a.page.getByLabel('Space description').fill('Synced through the started relay too.')
    await a.page.getByLabel('Space description').blur()
    await expect(b.page.getByLabel('Space description')).toHaveValue('Synced through the started relay too.')
    const relayHealth = (await (await fetch(health)).json()) as { relay: { rooms: number; accepted: number } }
    expect(relayHealth.relay.rooms).toBeGreaterThanOrEqual(1)
    expect(relayHealth.relay.accepted).toBeGreaterThanOrEqual(1)
    expect(readdirSync(relayData).filter((f) => f.endsWith('.log')).length).toBeGreaterThanOrEqual(1)
    expect(peers.flatMap((p) => p.errors), 'no uncaught errors and no CSP violations').toEqual([])
    await Promise.all(peers.splice(0).map((p) => p.close()))

    // Ctrl-C: every process of the group ends, cleanly, and both ports are closed
    process.kill(-child.pid!, 'SIGINT')
    const end = await exited(child, 20_000)
    // npm ends the way its script's shell would: by the same signal, once the script has ended
    expect([0, 'SIGINT'], output.text).toContain(end.code ?? end.signal)
    expect(output.text).toContain('Tandem stopped.')
    expect(output.text).not.toMatch(/npm (error|ERR!)/)
    await expect.poll(() => groupAlive(child.pid!), { timeout: 10_000 }).toBe(false)
    await expect(fetch(url)).rejects.toThrow()
    await expect(fetch(health)).rejects.toThrow()
  } finally {
    await Promise.all(peers.map((p) => p.close()))
    if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL')
    rmSync(outDir, { recursive: true, force: true })
    rmSync(relayData, { recursive: true, force: true })
  }
})

/** A peer like the harness's launchPeer, but without its TANDEM_CONFIG: the served page must say it. */
async function openPeer(name: string, url: string): Promise<Peer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`))
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /uncaught|unhandled|Content Security Policy/i.test(msg.text())) {
      errors.push(`${name}: ${msg.text()}`)
    }
  })
  await page.goto(url)
  return { name, browser, context, page, errors, close: () => browser.close() }
}

interface Output {
  text: string
  changed: Set<() => void>
}

/** stdout and stderr together, at most MAX_OUTPUT characters. */
function collect(child: ChildProcess): Output {
  const output: Output = { text: '', changed: new Set() }
  const add = (chunk: Buffer) => {
    if (output.text.length < MAX_OUTPUT) output.text += chunk.toString('utf8').slice(0, MAX_OUTPUT - output.text.length)
    for (const notify of output.changed) notify()
  }
  child.stdout!.on('data', add)
  child.stderr!.on('data', add)
  return output
}

/** Resolves with the first match of `pattern` in the output; fails when the process ends first or after STARTUP_MS. */
function waitFor(output: Output, child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const done = (fn: () => void) => {
      clearTimeout(timer)
      output.changed.delete(check)
      child.off('exit', onExit)
      fn()
    }
    const check = () => {
      const match = pattern.exec(output.text)
      if (match) done(() => resolve(match))
      else if (output.text.length >= MAX_OUTPUT) done(() => reject(new Error(`no address in ${MAX_OUTPUT} characters of output`)))
    }
    const onExit = (code: number | null) => done(() => reject(new Error(`npm start ended (${code}) before printing its address:\n${output.text}`)))
    const timer = setTimeout(() => done(() => reject(new Error(`no address within ${STARTUP_MS} ms:\n${output.text}`))), STARTUP_MS)
    output.changed.add(check)
    child.on('exit', onExit)
    check()
  })
}

function exited(child: ChildProcess, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start still running ${timeoutMs} ms after SIGINT`)), timeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal })
    })
  })
}

/** Whether any process of the group led by pid is still there. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}
