import type { BrowserContext, Page } from '@playwright/test'

/**
 * In-page timing helpers, installed once per page. Kept as plain JavaScript source: tsx compiles
 * with esbuild's keepNames, which wraps named inner functions in `__name(...)`, a helper that
 * does not exist in the page, so functions with named inner functions cannot be passed to
 * page.evaluate as they are.
 *
 * __benchWatch(token, timeoutMs) starts watching the space description textarea and returns at
 * once; __benchSeen(token) resolves when its value equals token with
 *   seenAt:  wall-clock time (performance.timeOrigin + performance.now()) at which the DOM holds
 *            the value: a MutationObserver fires right after React's commit (React also writes
 *            the textarea's defaultValue, i.e. its text content); a requestAnimationFrame poll
 *            backs it up ('frame');
 *   frameAt: the next animation frame after that (the frame that paints it);
 * or with null after timeoutMs.
 */
const WATCHER_SRC = `(() => {
  if (window.__benchWatch) return
  const now = () => performance.timeOrigin + performance.now()
  const pending = {}
  window.__benchWatch = (token, timeoutMs) => {
    pending[token] = new Promise((resolve) => {
      let done = false
      let observer = null
      let timer = 0
      const check = (via) => {
        if (done) return
        const el = document.querySelector('textarea[aria-label="Space description"]')
        if (!el || el.value !== token) return
        const seenAt = now()
        done = true
        observer.disconnect()
        clearTimeout(timer)
        requestAnimationFrame(() => resolve({ seenAt, frameAt: now(), via }))
      }
      observer = new MutationObserver(() => check('mutation'))
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
      const poll = () => {
        if (done) return
        check('frame')
        requestAnimationFrame(poll)
      }
      requestAnimationFrame(poll)
      timer = setTimeout(() => {
        if (done) return
        done = true
        observer.disconnect()
        resolve(null)
      }, timeoutMs)
    })
  }
  window.__benchSeen = async (token) => {
    const result = await pending[token]
    delete pending[token]
    return result ?? null
  }
})()`

/**
 * Where an edit's time goes, per peer: installed before the page's own scripts (an init script),
 * it notes the time of every data-channel message this page sends (RTCDataChannel.send) and
 * receives (the `onmessage` handler simple-peer sets is wrapped: time noted, then the page's
 * handler runs as before), keeping a copy of the small ones (< 4 KiB; an edit's update is far
 * smaller) in a ring of the last 600 each way. __benchWire(token) answers, for an edit whose value
 * is `token`, when this page first sent and first received a message carrying it. Both stacks get
 * the same probe, so its cost (a copy per small message) is in both.
 */
const WIRE_SRC = `(() => {
  if (window.__benchWire) return
  const now = () => performance.timeOrigin + performance.now()
  const RING = 600
  const sent = []
  const got = []
  const keep = (ring, data) => {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null
    if (!bytes || bytes.length >= 4096) return
    ring.push({ at: now(), bytes: bytes.slice() })
    if (ring.length > RING) ring.splice(0, ring.length - RING)
  }
  const send = RTCDataChannel.prototype.send
  RTCDataChannel.prototype.send = function (data) {
    keep(sent, data)
    return send.call(this, data)
  }
  const od = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage')
  if (od && od.get && od.set) {
    Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
      configurable: true,
      enumerable: od.enumerable,
      get() { return od.get.call(this) },
      set(handler) {
        if (typeof handler !== 'function') return od.set.call(this, handler)
        od.set.call(this, function (ev) {
          keep(got, ev.data)
          return handler.call(this, ev)
        })
      }
    })
  }
  const first = (ring, needle) => {
    for (const m of ring) {
      const b = m.bytes
      for (let i = 0; i + needle.length <= b.length; i++) {
        let j = 0
        while (j < needle.length && b[i + j] === needle[j]) j++
        if (j === needle.length) return m.at
      }
    }
    return null
  }
  window.__benchWire = (token) => {
    const needle = new TextEncoder().encode(token)
    return { sentAt: first(sent, needle), gotAt: first(got, needle) }
  }
})()`

/** When this page first sent and first received a data-channel message carrying `token` (null: none seen). */
export interface WireStamps {
  sentAt: number | null
  gotAt: number | null
}

/** Installs the wire probe in every page of this context, before the page's own scripts run. */
export async function installWireProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(WIRE_SRC)
}

export async function wireStamps(page: Page, token: string): Promise<WireStamps> {
  return page.evaluate((t) => (window as unknown as { __benchWire(t: string): WireStamps }).__benchWire(t), token)
}

export interface Seen {
  seenAt: number
  frameAt: number
  via: 'mutation' | 'frame'
}

interface BenchWindow {
  __benchWatch(token: string, timeoutMs: number): void
  __benchSeen(token: string): Promise<Seen | null>
}

export async function installWatcher(page: Page): Promise<void> {
  await page.evaluate(WATCHER_SRC)
}

export async function watchFor(page: Page, token: string, timeoutMs: number): Promise<void> {
  await page.evaluate(([t, ms]) => (window as unknown as BenchWindow).__benchWatch(t, ms), [token, timeoutMs] as const)
}

export async function seen(page: Page, token: string): Promise<Seen | null> {
  return page.evaluate((t) => (window as unknown as BenchWindow).__benchSeen(t), token)
}

/** This page's wall clock, as used for every timestamp above. */
export async function pageClock(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin + performance.now())
}
