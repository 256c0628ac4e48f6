import type * as Y from 'yjs'
import { retroBoardId } from '@shared/retro/board.ts'
import { importOpportunities } from '@shared/retro/cards.ts'
import { collection, ForeignRecordError } from '@core/collections/index.ts'
import { readRetroInbox } from '@features/sprint/index.ts'
import { BOARDS, CARDS } from './collections.ts'

/**
 * The sprint's sync-up opportunities (the retro inbox, data/sprint/retroInbox.ts, in the same
 * sprint document as the board) land on the board on their own (services.ts): same opportunity →
 * same card id and fields, so devices importing at once write one card, and a card already there
 * (dismissed ones included) is not written again. Returns how many cards it wrote.
 */
export function importInbox(doc: Y.Doc, teamSpaceId: string, sprint: number): number {
  const board = collection(doc, BOARDS).get(retroBoardId(teamSpaceId, sprint))
  if (!board) return 0
  const inbox = readRetroInbox(doc)
  if (inbox.length === 0) return 0
  const cards = collection(doc, CARDS)
  const tried = attempted(doc)
  // a card id is tried once per document here: a record that does not read back (malformed by a
  // peer, or removed) is not written again and again
  const fresh = importOpportunities(inbox, cards.list(), board.layout.inboxColumnId, { anonymous: board.settings.anonymous }).filter((c) => !tried.has(c.id))
  if (fresh.length === 0) return 0
  doc.transact(() => {
    for (const { id, ...fields } of fresh) {
      tried.add(id)
      try {
        cards.patch(id, fields)
      } catch (e) {
        // a card under this id that names another author (planted by a peer): left as it is
        if (!(e instanceof ForeignRecordError)) throw e
      }
    }
  })
  return fresh.length
}

const attemptedByDoc = new WeakMap<Y.Doc, Set<string>>()
function attempted(doc: Y.Doc): Set<string> {
  let set = attemptedByDoc.get(doc)
  if (!set) attemptedByDoc.set(doc, (set = new Set()))
  return set
}
