import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import path from 'node:path'
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server.ts'

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`
export const SCREENSHOTS = path.resolve('test-results/screenshots')
const A11Y = path.resolve('test-results/a11y')

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

/** One person on one computer: their own browser process, so peers meet only over WebRTC. */
export interface Peer {
  name: string
  browser: Browser
  context: BrowserContext
  page: Page
  /** uncaught exceptions and unhandled rejections seen on the page */
  errors: string[]
  close(): Promise<void>
}

export async function launchPeer(name: string, signalingUrl: string): Promise<Peer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } })
  await context.addInitScript((url) => {
    ;(window as unknown as { TANDEM_CONFIG: unknown }).TANDEM_CONFIG = { signaling: [url] }
  }, signalingUrl)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`${name}: ${err.message}${process.env.E2E_STACKS ? `\n${err.stack}` : ''}`))
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /uncaught|unhandled/i.test(msg.text())) errors.push(`${name}: ${msg.text()}`)
  })
  await page.goto(BASE_URL)
  return { name, browser, context, page, errors, close: () => browser.close() }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
  await expectAccessible(page, name)
}

/**
 * axe-core over the screen as it is (every screen the suite photographs): no serious or critical
 * violation of WCAG 2.1 A/AA. The full report of each screen is written to test-results/a11y/;
 * A11Y_SURVEY=1 writes the reports without failing (to see every problem of a run at once).
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  mkdirSync(A11Y, { recursive: true })
  writeFileSync(path.join(A11Y, `${name}.json`), JSON.stringify(results.violations, null, 2))
  const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
  if (!process.env.A11Y_SURVEY) expect(summary, `accessibility of "${name}"`).toEqual([])
}

/** First run: choose a display name and go. */
export async function firstRun(peer: Peer, shot?: string): Promise<void> {
  const { page } = peer
  await expect(page.getByRole('heading', { name: 'Welcome to Tandem' })).toBeVisible()
  await page.getByLabel('Your name').fill(peer.name)
  if (shot) await screenshot(page, shot)
  await page.getByRole('button', { name: 'Get started' }).click()
  await expect(page.getByRole('navigation', { name: 'Spaces' })).toBeVisible()
}

export async function createSpace(page: Page, name: string, kind: 'Team' | 'Mentoring pair' | 'Organization'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'New space' }).click()
  const dialog = page.getByRole('dialog', { name: 'New space' })
  await dialog.getByRole('radio', { name: new RegExp(kind) }).check()
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Create space' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

export async function inviteCode(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite people' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invite people' })
  await expect(dialog.getByLabel('Invite code')).toHaveValue(/^tandem2\./)
  const code = await dialog.getByLabel('Invite code').inputValue()
  await dialog.getByRole('button', { name: 'Close' }).click()
  return code
}

export async function join(page: Page, codeOrLink: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Join', exact: true }).click()
  await page.getByLabel('Invite code or link').fill(codeOrLink)
  await page.getByRole('button', { name: /^Join / }).click()
}

export function member(page: Page, name: string) {
  return page.getByRole('list', { name: 'Members' }).getByRole('listitem', { name: new RegExp(`^${name}\\b`) })
}

export async function setOnline(page: Page, online: boolean): Promise<void> {
  const toggle = page.getByRole('switch')
  if ((await toggle.getAttribute('aria-checked')) !== String(online)) await toggle.click()
  await expect(toggle).toHaveAttribute('aria-checked', String(online))
}

/**
 * A spec's own signaling server on 127.0.0.1 (started before its tests) and its peers, each its own
 * browser process, closed after each test — which fails if any page had an uncaught error.
 * Returns the function that launches a peer.
 */
export function peersOnOwnSignaling(): (name: string) => Promise<Peer> {
  let signal: SignalingServer
  const peers: Peer[] = []
  test.beforeAll(async () => {
    signal = await startSignalingServer({ host: '127.0.0.1', port: 0, log: () => {} })
  })
  test.afterAll(async () => {
    await signal.close()
  })
  test.afterEach(async () => {
    const errors = peers.flatMap((p) => p.errors)
    await Promise.all(peers.splice(0).map((p) => p.close()))
    expect(errors, 'no uncaught errors on any page').toEqual([])
  })
  return async (name) => {
    const p = await launchPeer(name, signal.url)
    peers.push(p)
    return p
  }
}

/** The space id in the page's route (#/space/<id>/…). */
export function spaceIdOf(page: Page): string {
  const match = /#\/space\/([^/]+)/.exec(page.url())
  if (!match?.[1]) throw new Error(`not on a space page: ${page.url()}`)
  return match[1]
}

/**
 * Whether this browser's stored data (every IndexedDB database: the shared documents' Yjs
 * updates, the local tables) holds `needle`, as UTF-8 bytes or inside a string. Returns where.
 */
export async function storedAnywhere(page: Page, needle: string): Promise<string | null> {
  return page.evaluate(async (needle) => {
    const bytes = new TextEncoder().encode(needle)
    const inBytes = (hay: Uint8Array) => {
      outer: for (let i = 0; i + bytes.length <= hay.length; i++) {
        for (let j = 0; j < bytes.length; j++) if (hay[i + j] !== bytes[j]) continue outer
        return true
      }
      return false
    }
    const holds = (value: unknown, depth = 0): boolean => {
      if (depth > 8 || value === null || value === undefined) return false
      if (typeof value === 'string') return value.includes(needle)
      if (value instanceof Uint8Array) return inBytes(value)
      if (value instanceof ArrayBuffer) return inBytes(new Uint8Array(value))
      if (ArrayBuffer.isView(value)) return inBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
      if (typeof value === 'object') return Object.values(value as Record<string, unknown>).some((v) => holds(v, depth + 1))
      return false
    }
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!)
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      try {
        for (const store of Array.from(db.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const req = db.transaction(store, 'readonly').objectStore(store).getAll()
            req.onsuccess = () => resolve(req.result)
            req.onerror = () => reject(req.error)
          })
          if (rows.some((r) => holds(r))) return `${info.name}/${store}`
        }
      } finally {
        db.close()
      }
    }
    return null
  }, needle)
}

/** The signaling server a peer was launched with. */
export async function signalingUrlOf(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { TANDEM_CONFIG: { signaling: string[] } }).TANDEM_CONFIG.signaling[0]!)
}

/**
 * From now on, remembers in the page whether `text` ever appears in it, however briefly (until the
 * page is reloaded). Returns the question to ask at the end.
 */
export async function watchForText(page: Page, text: string): Promise<() => Promise<boolean>> {
  const id = await page.evaluate((text) => {
    const w = window as unknown as { tandemSeen?: Record<string, boolean> }
    const seen = (w.tandemSeen ??= {})
    const id = String(Object.keys(seen).length)
    seen[id] = false
    const check = () => {
      if (document.body.textContent?.includes(text)) seen[id] = true
    }
    check()
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true })
    return id
  }, text)
  return () => page.evaluate((id) => (window as unknown as { tandemSeen?: Record<string, boolean> }).tandemSeen?.[id] === true, id)
}

export interface Stranger {
  /** messages published so far */
  sent(): number
  stop(): Promise<void>
}

/**
 * Someone who knows only a room's name (neither the space's id nor its key): it talks to the
 * signaling server directly and keeps publishing well-formed y-webrtc announces into the room,
 * sealed exactly as y-webrtc seals them (PBKDF2 → AES-GCM, lib0 encoding) but with a key of its
 * own, one every `everyMs`, and also one at once for every message it sees in the room (so it
 * speaks before any member can answer a newcomer), at most `max` in all (or until stopped).
 * Nobody in the room can open them.
 */
export async function strangerInRoom(signalingUrl: string, roomName: string, { everyMs = 250, max = 800 } = {}): Promise<Stranger> {
  const { WebSocket } = await import('ws')
  const encoding = await import('lib0/encoding')
  const { randomUUID } = await import('node:crypto')
  const subtle = globalThis.crypto.subtle
  const utf8 = (s: string) => new TextEncoder().encode(s)
  const material = await subtle.importKey('raw', utf8(`not this space's key ${randomUUID()}`), 'PBKDF2', false, ['deriveKey'])
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', salt: utf8(roomName), iterations: 100_000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt']
  )
  const seal = async (data: Record<string, string>) => {
    const plain = encoding.createEncoder()
    encoding.writeAny(plain, data)
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(12))
    const cipher = await subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(plain))
    const out = encoding.createEncoder()
    encoding.writeVarString(out, 'AES-GCM')
    encoding.writeVarUint8Array(out, iv)
    encoding.writeVarUint8Array(out, new Uint8Array(cipher))
    return Buffer.from(encoding.toUint8Array(out)).toString('base64')
  }
  const socket = new WebSocket(signalingUrl)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  socket.on('error', () => {})
  socket.send(JSON.stringify({ type: 'subscribe', topics: [roomName] }))
  const from = `stranger-${randomUUID()}`
  let sent = 0
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | null = null
  const mine = new Set<string>()
  const publish = async () => {
    if (stopped || sent >= max || socket.readyState !== WebSocket.OPEN) return
    const data = await seal({ type: 'announce', from })
    mine.add(data)
    sent++
    socket.send(JSON.stringify({ type: 'publish', topic: roomName, data }))
  }
  socket.on('message', (raw) => {
    let m: { type?: unknown; topic?: unknown; data?: unknown }
    try {
      m = JSON.parse(String(raw)) as typeof m
    } catch {
      return
    }
    if (m.type !== 'publish' || m.topic !== roomName || typeof m.data !== 'string') return
    // the server sends our own messages back too
    if (mine.delete(m.data)) return
    void publish()
  })
  const tick = async () => {
    await publish()
    if (!stopped && sent < max) timer = setTimeout(() => void tick(), everyMs)
  }
  void tick()
  return {
    sent: () => sent,
    stop: async () => {
      stopped = true
      if (timer) clearTimeout(timer)
      if (socket.readyState === WebSocket.CLOSED) return
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve())
        socket.close()
      })
    }
  }
}
