import { liveQuery } from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import { db, type PokerVoteRow } from '@core/database/db.ts'

/**
 * Planning-poker votes on this device only (the local `pokerVotes` table): while a round is open
 * the value is here and nowhere else — the scrum document holds a 'voted' marker without it —
 * until the round is revealed and the `sprint.publishVotes` service (services.ts) publishes it,
 * also when this device was offline at the reveal and comes back later.
 */
export const localVoteId = (docId: string, ticketId: string, round: number): string => `${docId}|${ticketId}#${round}`

export function useMyVotes(docId: string | null): PokerVoteRow[] {
  return useLiveQuery(async () => (docId ? db().pokerVotes.where('docId').equals(docId).toArray() : NO_VOTES), [docId]) ?? NO_VOTES
}
const NO_VOTES: PokerVoteRow[] = []

export async function keepVote(row: PokerVoteRow): Promise<void> {
  await db().pokerVotes.put(row)
}

/** Where the votes that wait for a reveal come from (the local table; tests give their own). */
export interface VoteSource {
  /** Calls `f` now and whenever the space's waiting votes change. */
  watch(spaceId: string, f: (rows: readonly PokerVoteRow[]) => void): () => void
  /** Forgets votes that are published (or whose round is over). */
  remove(ids: readonly string[]): Promise<void>
  meId(): Promise<string | null>
}

export const localVotes: VoteSource = {
  watch(spaceId, f) {
    const sub = liveQuery(() => db().pokerVotes.where('spaceId').equals(spaceId).toArray()).subscribe({
      next: (rows) => f(rows),
      error: (err) => console.error('scrum: could not read the waiting votes', err)
    })
    return () => sub.unsubscribe()
  },
  async remove(ids) {
    await db().pokerVotes.bulkDelete([...ids])
  },
  async meId() {
    return (await db().identity.get('me'))?.deviceId ?? null
  }
}
