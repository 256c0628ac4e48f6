import { liveQuery } from 'dexie'
import { db } from '@core/database/db.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { PAIR_DOC_KEY } from './docs.ts'

let started = false

/**
 * Keeps the journal document of every active pair space loaded and in its room while the app
 * runs, as the sync manager does for root documents: the two people of a pair then exchange
 * what they wrote whenever both apps are open, not only while both look at the pair.
 */
export function keepPairJournalsSynced(): void {
  if (started) return
  started = true
  const held = new Map<string, Promise<unknown>>()
  liveQuery(() => db().spaces.where('kind').equals('pair').toArray()).subscribe({
    next: (rows) => {
      const active = new Set(rows.filter((r) => r.status === 'active').map((r) => r.id))
      for (const id of active) {
        if (!held.has(id)) held.set(id, syncManager.retain(id, PAIR_DOC_KEY).catch(() => held.delete(id)))
      }
      for (const [id, retained] of held) {
        if (active.has(id)) continue
        held.delete(id)
        void retained.then(() => syncManager.release(id, PAIR_DOC_KEY))
      }
    },
    error: (err) => console.error('mentorship: could not follow pair spaces', err)
  })
}
