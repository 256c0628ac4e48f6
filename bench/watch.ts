import type { Page } from '@playwright/test'

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
