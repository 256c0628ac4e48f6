import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath, member, type Peer } from '../test/e2e/harness.ts'

/**
 * Peers for the bench: the same setup as the e2e harness (one Chromium process per peer, the
 * signaling URL injected as TANDEM_CONFIG), but on the bench's own static server, and with
 * explicit time bounds on every step instead of test-runner expectations.
 */

export const STEP_TIMEOUT_MS = 30_000

export async function launchBenchPeer(name: string, baseUrl: string, signalingUrl: string, prepare?: (context: BrowserContext) => Promise<void>): Promise<Peer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 60_000 })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 } })
    await context.addInitScript((url) => {
      ;(window as unknown as { TANDEM_CONFIG: unknown }).TANDEM_CONFIG = { signaling: [url] }
    }, signalingUrl)
    await prepare?.(context)
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`))
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /uncaught|unhandled/i.test(msg.text())) errors.push(`${name}: ${msg.text()}`)
    })
    await page.goto(baseUrl)
    return { name, browser, context, page, errors, close: () => browser.close() }
  } catch (err) {
    await browser.close().catch(() => {})
    throw err
  }
}

/** Polls `check` until it returns true, at most `timeoutMs`; throws `what` otherwise. */
export async function until(what: string, timeoutMs: number, check: () => Promise<boolean>, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check().catch(() => false)) return
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export async function firstRun(peer: Peer): Promise<void> {
  const { page } = peer
  await page.getByRole('heading', { name: 'Welcome to Tandem' }).waitFor()
  await page.getByLabel('Your name').fill(peer.name)
  await page.getByRole('button', { name: 'Get started' }).click()
  await page.getByRole('navigation', { name: 'Spaces' }).waitFor()
}

export async function createTeamSpace(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'New space' }).click()
  const dialog = page.getByRole('dialog', { name: 'New space' })
  await dialog.getByRole('radio', { name: /Team/ }).check()
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Create space' }).click()
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

export async function inviteCode(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite people' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invite people' })
  const field = dialog.getByLabel('Invite code')
  let code = ''
  await until('the invite code to appear', STEP_TIMEOUT_MS, async () => {
    code = await field.inputValue()
    return /^tandem\d+\./.test(code)
  })
  await dialog.getByRole('button', { name: 'Close' }).click()
  return code
}

export async function join(page: Page, code: string, spaceName: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Join', exact: true }).click()
  await page.getByLabel('Invite code or link').fill(code)
  await page.getByRole('button', { name: /^Join / }).click()
  await page.getByRole('heading', { level: 1, name: spaceName }).waitFor()
}

/** Names of the other peers that this peer does not (yet) show as 'online now'. */
export async function notOnline(peer: Peer, all: readonly Peer[]): Promise<string[]> {
  const missing: string[] = []
  for (const other of all) {
    if (other === peer) continue
    const item = member(peer.page, other.name)
    const text = (await item.count()) > 0 ? await item.first().textContent({ timeout: 2_000 }) : null
    if (!text?.includes('online now')) missing.push(other.name)
  }
  return missing
}

/** Waits until every peer shows every other peer online, or throws naming who sees whom missing. */
export async function waitAllOnline(peers: readonly Peer[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const missing = await Promise.all(peers.map((p) => notOnline(p, peers).catch((e: Error) => [`(error: ${e.message})`])))
    if (missing.every((m) => m.length === 0)) return
    if (Date.now() >= deadline) {
      const report = peers
        .map((p, i) => (missing[i]!.length ? `${p.name} does not see ${missing[i]!.join(', ')}` : ''))
        .filter(Boolean)
        .join('; ')
      throw new Error(`not every peer saw all ${peers.length - 1} others 'online now' within ${timeoutMs / 1000} s: ${report}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** Runs `f` over `items` with at most `limit` at a time (launching 10 Chromiums at once on 2 cores is slow). */
export async function inBatches<T, R>(items: readonly T[], limit: number, f: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  let stop = false
  const worker = async () => {
    while (next < items.length && !stop) {
      const i = next++
      try {
        out[i] = await f(items[i]!, i)
      } catch (err) {
        stop = true
        throw err
      }
    }
  }
  // settle every worker before failing, so nothing is still launching when the caller cleans up
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker))
  const failed = settled.find((s) => s.status === 'rejected')
  if (failed) throw (failed as PromiseRejectedResult).reason
  return out
}
