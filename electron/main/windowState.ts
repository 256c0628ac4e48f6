/**
 * The main window's size and position, remembered across launches and restored only where a
 * screen still shows it (a monitor unplugged since, a smaller resolution): otherwise the size is
 * kept within the largest screen and Electron centres the window. Pure rules plus a keeper that
 * follows a window through a small interface, so both are tested in node.
 */
export interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowPlacement {
  bounds: Bounds | null
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1200, height: 800 }
export const MIN_SIZE = { width: 720, height: 520 }
/** how much of the title bar must be on a screen for a saved position to be used */
const GRIP = { width: 120, height: 32 }

function finite(b: unknown): b is Bounds {
  if (!b || typeof b !== 'object') return false
  const { x, y, width, height } = b as Record<string, unknown>
  return [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 100_000)
}

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

/** Where to open the window: saved bounds that a screen shows, else a size that fits (no position: centred). */
export function restoreBounds(saved: unknown, workAreas: readonly Bounds[]): { x?: number; y?: number; width: number; height: number } {
  const largest = workAreas.reduce<{ width: number; height: number } | null>(
    (max, a) => (max === null ? { width: a.width, height: a.height } : { width: Math.max(max.width, a.width), height: Math.max(max.height, a.height) }),
    null
  )
  const fit = (width: number, height: number) => ({
    width: Math.round(Math.max(MIN_SIZE.width, Math.min(width, largest?.width ?? width))),
    height: Math.round(Math.max(MIN_SIZE.height, Math.min(height, largest?.height ?? height)))
  })
  if (!finite(saved)) return fit(DEFAULT_SIZE.width, DEFAULT_SIZE.height)
  const size = fit(saved.width, saved.height)
  const titleBar = { x: saved.x, y: saved.y, width: size.width, height: GRIP.height }
  const shown = workAreas.some((area) => {
    const o = overlap(titleBar, area)
    return o.width >= Math.min(GRIP.width, size.width) && o.height >= GRIP.height
  })
  return shown ? { x: Math.round(saved.x), y: Math.round(saved.y), ...size } : size
}

/** The part of a BrowserWindow the keeper reads. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): void
  getNormalBounds(): Bounds
  isMaximized(): boolean
  isMinimized(): boolean
}

export interface KeeperDeps {
  save(placement: WindowPlacement): void
  setTimer(f: () => void, ms: number): () => void
  settleMs?: number
}

/** Saves the window's placement once it settles after a move or resize, and when it closes. */
export function keepWindowPlacement(window: TrackedWindow, deps: KeeperDeps): void {
  let cancel: (() => void) | null = null
  const read = (): WindowPlacement | null => {
    if (window.isMinimized()) return null
    const bounds = window.getNormalBounds()
    return finite(bounds) ? { bounds, maximized: window.isMaximized() } : null
  }
  const saveNow = () => {
    cancel?.()
    cancel = null
    const placement = read()
    if (placement) deps.save(placement)
  }
  const later = () => {
    cancel?.()
    cancel = deps.setTimer(saveNow, deps.settleMs ?? 500)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later)
  window.on('close', saveNow)
}
