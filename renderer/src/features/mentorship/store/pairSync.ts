import { liveQuery } from 'dexie'
import { db } from '@core/database/db.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { journalOf, PAIR_DOC_KEY } from './docs.ts'
import { followPairStatus } from './pairStatus.ts'
import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { getIdentity } from '@core/device/identity.ts'
import { convergeStartedPairs, setStartClashNotices } from './pairMerge.ts'
import { PAIR_STARTS } from './pairStarts.ts'
import { collection } from '@core/collections/index.ts'

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
      converge.soon()
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
  // the org's records say when a pair was accepted twice at once (pairMerge.ts): look again when its acceptances change
  const orgs = new Map<string, { doc: Y.Doc; stop: () => void }>()
  liveQuery(() => db().spaces.where('kind').equals('org').toArray()).subscribe({
    next: (rows) => {
      const here = new Set(rows.map((r) => r.id))
      for (const row of rows) {
        if (orgs.has(row.id)) continue
        const doc = row.doc
        const provider = DexieYProvider.load(doc)
        const changed = () => converge.soon()
        // only the acceptances matter here (not every edit of the org)
        const unsubscribe = collection(doc, PAIR_STARTS).subscribe(changed)
        void provider.whenLoaded.then(changed)
        orgs.set(row.id, {
          doc,
          stop: () => {
            unsubscribe()
            DexieYProvider.release(doc)
          }
        })
      }
      for (const [id, held] of orgs) {
        if (here.has(id)) continue
        held.stop()
        orgs.delete(id)
      }
    },
    error: (err) => console.error('mentorship: could not follow org spaces', err)
  })
}

/**
 * Runs the convergence of pairs started twice at most once at a time, a second after the last
 * reason to (an org's records or this device's pair spaces changed), and again if asked meanwhile.
 */
const converge = (() => {
  let timer: ReturnType<typeof setTimeout> | null = null
  let running = false
  let again = false
  const run = async () => {
    timer = null
    if (running) {
      again = true
      return
    }
    running = true
    try {
      const me = await getIdentity()
      if (me) setStartClashNotices(await convergeStartedPairs(me))
    } catch (err) {
      console.error('mentorship: could not bring a pair started twice into one space', err)
    } finally {
      running = false
      if (again) {
        again = false
        soon()
      }
    }
  }
  const soon = () => {
    timer ??= setTimeout(() => void run(), 1000)
  }
  return { soon }
})()
