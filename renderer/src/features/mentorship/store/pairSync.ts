import { liveQuery } from 'dexie'
import { db } from '@core/database/db.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { journalOf, PAIR_DOC_KEY } from './docs.ts'
import { followPairStatus } from './pairStatus.ts'

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
  const following = new Map<string, () => void>()
  liveQuery(() => db().spaces.where('kind').equals('pair').toArray()).subscribe({
    next: (rows) => {
      const active = new Set(rows.filter((r) => r.status === 'active').map((r) => r.id))
      for (const id of active) {
        if (held.has(id)) continue
        held.set(
          id,
          syncManager
            .retain(id, PAIR_DOC_KEY)
            .then((link) => {
              // the org's record of the pair follows its dates (never its content)
              if (held.has(id) && !following.has(id)) following.set(id, followPairStatus(journalOf(link, id), id))
            })
            .catch(() => held.delete(id))
        )
      }
      for (const [id, retained] of held) {
        if (active.has(id)) continue
        held.delete(id)
        following.get(id)?.()
        following.delete(id)
        void retained.then(() => syncManager.release(id, PAIR_DOC_KEY))
      }
    },
    error: (err) => console.error('mentorship: could not follow pair spaces', err)
  })
}
