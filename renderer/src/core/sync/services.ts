import type * as Y from 'yjs'
import type { SpaceKind } from '@shared/spaces/space.ts'
import { syncManager } from './syncManager.ts'

/**
 * Replication as services: work that copies data between documents or spaces (the org's cadence
 * into its teams, late tickets shared with the org, opportunities into a retro, drafts published
 * at reveal) runs here for every active space of the kinds it serves, whether or not a screen is
 * open. Features declare services; main.tsx starts them; this layer knows no feature. A service
 * must be idempotent: several devices of a space run it at once and must write the same result.
 */
export interface ServiceContext {
  readonly space: { readonly id: string; readonly kind: SpaceKind }
  /** the space's root document, loaded for as long as the service runs */
  readonly root: Y.Doc
  /** another active space's root document on this device, or null */
  rootOf(spaceId: string): Y.Doc | null
  /** one of this space's other documents ("sprint/12"), kept loaded and synced until released or stopped */
  retain(key: string): Promise<Y.Doc>
  release(key: string): void
  /** called when spaces become active or stop being active on this device */
  onSpacesChanged(f: () => void): () => void
  /**
   * Runs `f` now and again shortly after any of `docs` changes (changes in a burst run it once).
   * Returns the function that stops it.
   */
  whenChanged(docs: readonly Y.Doc[], f: () => void, settleMs?: number): () => void
}

export interface Service {
  readonly name: string
  readonly kinds: readonly SpaceKind[]
  /** starts the service for one space; returns how to stop it */
  start(ctx: ServiceContext): () => void
}

const DEFAULT_SETTLE_MS = 200

function whenChanged(docs: readonly Y.Doc[], f: () => void, settleMs = DEFAULT_SETTLE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const run = () => {
    timer = null
    try {
      f()
    } catch (err) {
      console.error('service: a run failed', err)
    }
  }
  const schedule = () => {
    if (!timer) timer = setTimeout(run, settleMs)
  }
  run()
  for (const d of docs) d.on('update', schedule)
  return () => {
    for (const d of docs) d.off('update', schedule)
    // a change still waiting is written now rather than never
    if (timer) {
      clearTimeout(timer)
      run()
    }
  }
}

interface Running {
  stop: () => void
  retained: Set<string>
}

/** Starts every service for every active space it serves, now and as spaces come and go. */
export function startServices(services: readonly Service[]): () => void {
  const running = new Map<string, Running>()
  const reconcile = () => {
    const active = syncManager.activeSpaces()
    const wanted = new Set<string>()
    for (const space of active) {
      for (const service of services) {
        if (!service.kinds.includes(space.kind)) continue
        const id = `${service.name}@${space.id}`
        wanted.add(id)
        if (running.has(id)) continue
        const retained = new Set<string>()
        const ctx: ServiceContext = {
          space: { id: space.id, kind: space.kind },
          root: space.root,
          rootOf: (spaceId) => syncManager.rootDoc(spaceId),
          retain: async (key) => {
            const link = await syncManager.retain(space.id, key)
            if (retained.has(key)) syncManager.release(space.id, key)
            retained.add(key)
            return link.doc
          },
          release: (key) => {
            if (retained.delete(key)) syncManager.release(space.id, key)
          },
          onSpacesChanged: (f) => syncManager.onSpacesChanged(f),
          whenChanged
        }
        try {
          const stop = service.start(ctx)
          running.set(id, { stop, retained })
        } catch (err) {
          console.error(`service ${id} could not start`, err)
        }
      }
    }
    for (const [id, r] of running) {
      if (wanted.has(id)) continue
      running.delete(id)
      try {
        r.stop()
      } catch (err) {
        console.error(`service ${id} could not stop cleanly`, err)
      }
      const spaceId = id.slice(id.indexOf('@') + 1)
      for (const key of r.retained) syncManager.release(spaceId, key)
    }
  }
  const unsubscribe = syncManager.onSpacesChanged(reconcile)
  reconcile()
  return () => {
    unsubscribe()
    for (const [id, r] of running) {
      r.stop()
      const spaceId = id.slice(id.indexOf('@') + 1)
      for (const key of r.retained) syncManager.release(spaceId, key)
    }
    running.clear()
  }
}
