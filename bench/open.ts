import type { BrowserContext, Page } from '@playwright/test'

/**
 * Open → interactive, measured in the page. Installed as an init script (so it is there from
 * the first moment of every document, and sees every long task since navigation start):
 *
 *   t0           warm open: the moment the page's route changes (location.hash is set, which is
 *                what the app's links do); cold open: navigation start of a reload (time 0)
 *   visibleAt    every part of the screen's spec is in the DOM with a box (MutationObserver,
 *                backed by a frame poll)
 *   interactiveAt  the end of the last long task (PerformanceObserver 'longtask', ≥ 50 ms) before
 *                the main thread stayed free of long tasks for QUIET ms, or visibleAt if later —
 *                Lighthouse's time-to-interactive rule with a shorter quiet window
 *   idleAt       the first requestIdleCallback after that quiet window (a check that the thread
 *                really had idle time; not used as the figure)
 * plus how many long tasks ran between t0 and interactiveAt and their total length.
 *
 * Kept as plain JavaScript source (see watch.ts for why).
 */
export interface OpenSpec {
  /** every selector must match at least `min` elements, the first of which has a box */
  parts: { selector: string; min: number }[]
}

export interface OpenResult {
  t0: number
  visibleAt: number | null
  interactiveAt: number | null
  idleAt: number | null
  longTasks: number
  longTaskMs: number
  /** the screen did not show within the timeout, or never went quiet */
  timedOut: 'visible' | 'quiet' | null
  /** how many elements each part of the spec matched when the measurement ended */
  counts: number[]
}

export const QUIET_MS = 500

const OPEN_SRC = `(() => {
  if (window.__open) return
  const now = () => performance.now()
  const longTasks = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch (e) {}
  const shows = (spec) => spec.parts.every((p) => {
    const els = document.querySelectorAll(p.selector)
    if (els.length < p.min) return false
    const box = els[0].getBoundingClientRect()
    return box.width > 0 || box.height > 0
  })
  const watch = (spec, t0, quietMs, timeoutMs) => new Promise((resolve) => {
    let visibleAt = null
    let finished = false
    const deadline = t0 + timeoutMs
    const finish = (timedOut, interactiveAt, idleAt) => {
      if (finished) return
      finished = true
      observer.disconnect()
      const end = interactiveAt ?? now()
      const tasks = longTasks.filter((t) => t.end > t0 && t.start < end)
      resolve({ t0, visibleAt, interactiveAt, idleAt, longTasks: tasks.length,
        longTaskMs: Math.round(tasks.reduce((s, t) => s + Math.min(t.end, end) - Math.max(t.start, t0), 0)), timedOut,
        counts: spec.parts.map((p) => document.querySelectorAll(p.selector).length) })
    }
    const quiet = () => {
      if (finished) return
      const t = now()
      const lastEnd = longTasks.reduce((m, x) => (x.end > t0 && x.start < t ? Math.max(m, x.end) : m), t0)
      const from = Math.max(visibleAt, lastEnd)
      if (t - from >= quietMs) {
        requestIdleCallback(() => finish(null, from, now()), { timeout: 2000 })
        return
      }
      if (t > deadline) return finish('quiet', null, null)
      setTimeout(quiet, 50)
    }
    const check = () => {
      if (finished || visibleAt !== null) return
      if (shows(spec)) {
        visibleAt = now()
        observer.disconnect()
        setTimeout(quiet, 50)
      } else if (now() > deadline) finish('visible', null, null)
    }
    const observer = new MutationObserver(check)
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
    const poll = () => {
      if (finished || visibleAt !== null) return
      check()
      setTimeout(poll, 16)
    }
    poll()
  })
  window.__open = {
    watch,
    /** a warm open: change the route now and measure */
    go(hash, spec, quietMs, timeoutMs) {
      const t0 = now()
      const result = watch(spec, t0, quietMs, timeoutMs)
      location.hash = hash
      return result
    },
    /** waits until no long task for quietMs (bounded): lets the previous screen settle */
    settle(quietMs, timeoutMs) {
      const start = now()
      return new Promise((resolve) => {
        const tick = () => {
          const t = now()
          const lastEnd = longTasks.reduce((m, x) => Math.max(m, x.end), 0)
          if (t - Math.max(lastEnd, start) >= quietMs) return resolve(Math.round(t - start))
          if (t - start > timeoutMs) return resolve(-1)
          setTimeout(tick, 50)
        }
        tick()
      })
    }
  }
  // a cold open: the bench stored the spec before reloading; measure from navigation start
  const armed = sessionStorage.getItem('__openSpec')
  if (armed) {
    sessionStorage.removeItem('__openSpec')
    const a = JSON.parse(armed)
    window.__openCold = watch(a.spec, 0, a.quietMs, a.timeoutMs)
  }
})()`

interface OpenWindow {
  __open: {
    go(hash: string, spec: OpenSpec, quietMs: number, timeoutMs: number): Promise<OpenResult>
    settle(quietMs: number, timeoutMs: number): Promise<number>
  }
  __openCold?: Promise<OpenResult>
}

export async function installOpenTimer(context: BrowserContext): Promise<void> {
  await context.addInitScript(OPEN_SRC)
}

/** Waits until the page has had no long task for `quietMs` (at most `timeoutMs`); returns the wait, −1 on timeout. */
export async function settle(page: Page, quietMs: number, timeoutMs: number): Promise<number> {
  return page.evaluate(([q, t]) => (window as unknown as OpenWindow).__open.settle(q, t), [quietMs, timeoutMs] as const)
}

/** A warm open: route change inside the running app. */
export async function openWarm(page: Page, hash: string, spec: OpenSpec, timeoutMs: number): Promise<OpenResult> {
  return page.evaluate(([h, s, q, t]) => (window as unknown as OpenWindow).__open.go(h, s, q, t), [hash, spec, QUIET_MS, timeoutMs] as const)
}

/**
 * A cold open, measured from navigation start: the page reloads at `target.hash`, or loads
 * `target.url` (another page of the same origin: the armed spec waits in sessionStorage).
 */
export async function openCold(page: Page, target: { hash: string } | { url: string }, spec: OpenSpec, timeoutMs: number): Promise<OpenResult> {
  const armed = JSON.stringify({ spec, quietMs: QUIET_MS, timeoutMs })
  await page.evaluate(
    ([a, h]) => {
      sessionStorage.setItem('__openSpec', a)
      if (h !== null) history.replaceState(null, '', h)
    },
    [armed, 'hash' in target ? target.hash : null] as const
  )
  if ('url' in target) await page.goto(target.url, { waitUntil: 'domcontentloaded', timeout: timeoutMs })
  else await page.reload({ waitUntil: 'domcontentloaded', timeout: timeoutMs })
  return page.evaluate(() => {
    const w = window as unknown as OpenWindow
    return w.__openCold ?? Promise.reject(new Error('the page was not armed for a cold open'))
  })
}
