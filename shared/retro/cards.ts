import { randomBytes } from '@noble/hashes/utils.js'
import { z } from 'zod'
import { FIELD_LIMITS } from '../text/limits.ts'
import { personName } from '../members/personName.ts'
import { IsoDate } from '../time/dates.ts'
import { type Phase, isRevealed } from './phases.ts'

/**
 * Cards of a retrospective board: one record per card (`cards` collection, id → fields).
 *
 * ## Anonymous cards
 * On an anonymous board a card is created WITHOUT `authorId`: the field is absent from the record,
 * not blank, not hashed. The device that wrote it keeps the id in a local-only list (`myCardIds`),
 * which is how its author can still edit and delete it. Card ids are random, never derived from a
 * member. Every Yjs change carries its writer's client id, which presence ties to a person, so
 * the app writes and deletes anonymous cards through a throwaway Yjs client
 * (`anonymously` in renderer/src/core/collections), never its own.
 *
 * Nor may WHEN a card was written name its author. So an anonymous card never carries its
 * author's clock: its `createdAt` is its board's own instant (`anonymousCreatedAt`), the same for
 * every anonymous card of the board (cards then sort by their random ids); a device's anonymous
 * drafts go into the document at reveal in one batch, in an order drawn at random
 * (`revealBatch`), never the order they were written in; and nobody's presence says that they are
 * writing an anonymous card (presence.ts `typingToShare`), so no indicator clears as a card arrives.
 *
 * ## Private until reveal
 * During write, a member's new cards are drafts on their own device only; when the board reaches
 * reveal, each device publishes its drafts (`draftsToPublish`, `revealBatch`). A device that is
 * offline at reveal publishes when it comes back. `visibleCards` additionally hides others' cards
 * while the board is in write, should any be in the document (e.g. a stale flow won a concurrent
 * write).
 *
 * ## Opportunities from daily sync-ups
 * They appear on the board on their own: every peer imports the sprint's opportunities, and the
 * card id is derived from the opportunity id (`syncup:<id>`) with every field derived from the
 * opportunity, so two peers importing the same one write the same record — one card, no conflict.
 * They were logged in the open, so they are visible during write too. Since import is automatic,
 * an imported card is never deleted (the next import would bring it back): it is `dismissed`.
 * Each record is its own root-level map (`cards::<id>`, renderer/src/core/collections), so two
 * peers creating the same derived id offline merge field by field: a grouping or a dismissal
 * patched into either copy before they met survives (test/unit/retro/yjs.test.ts shows the merge).
 */

const Id = z.string().min(1).max(FIELD_LIMITS.id)
const Millis = z.number().int().nonnegative()

export const CardSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('syncup'),
    opportunityId: Id,
    /**
     * Who logged it, as the importing device wrote it, when the board is not anonymous: for older
     * apps only. Anyone may write a card's source, so this app names the logger from the
     * opportunity's sealed record instead (`withLoggers`). Logging one does not make you
     * responsible for it.
     */
    authorName: z.string().min(1).max(FIELD_LIMITS.name).optional(),
    date: IsoDate
  }),
  z.object({ kind: z.literal('previous-retro'), sprint: z.number().int().positive(), cardId: Id })
])
export type CardSource = z.infer<typeof CardSource>

/** The card was taken to the org's sprint retrospective. */
export const Escalation = z.object({ orgSpaceId: Id, at: Millis })
export type Escalation = z.infer<typeof Escalation>

export const CARD_TEXT_MAX = 2000

export const CardFields = z.object({
  columnId: Id,
  text: z.string().trim().min(1, 'A card needs some text.').max(CARD_TEXT_MAX, `A card has at most ${CARD_TEXT_MAX} characters.`),
  /** Absent on anonymous cards. */
  authorId: Id.optional(),
  createdAt: Millis,
  groupId: Id.optional(),
  source: CardSource.optional(),
  escalated: Escalation.optional(),
  dismissed: z.boolean().optional()
})
export const Card = CardFields.extend({ id: Id })
export type Card = z.infer<typeof Card>

export interface NewCardInput {
  id: string
  columnId: string
  text: string
  authorId: string
  createdAt: number
}

/**
 * A card typed by a member. On an anonymous board the author is dropped here, before anything is
 * stored, and so is the moment it was written (the author's clock): it gets the board's instant
 * (`anonymousCreatedAt`) instead.
 */
export function newCard(input: NewCardInput, settings: { anonymous: boolean }, board?: { createdAt: number }): Card {
  const { authorId, ...rest } = input
  if (!settings.anonymous) return Card.parse({ ...rest, authorId })
  return Card.parse(board ? { ...rest, createdAt: anonymousCreatedAt(board) } : rest)
}

/**
 * The `createdAt` of every anonymous card of a board: the board's own creation instant (in its
 * creator's clock), whoever wrote the card and whenever. A time in the author's clock would tell
 * when they wrote it, and their clock's offset (which presence beacons reveal) who they are.
 */
export const anonymousCreatedAt = (board: { createdAt: number }): number => board.createdAt

/** A uniformly random number in [0, 1) from a cryptographic source (32 bits). */
export function secureRandom(): number {
  const [a, b, c, d] = randomBytes(4)
  return (((a! << 24) >>> 0) + (b! << 16) + (c! << 8) + d!) / 2 ** 32
}

/**
 * The cards a device publishes at reveal, in the order to write them (one batch): anonymous cards
 * get the board's instant as `createdAt` (their draft's time is the author's clock), and the order
 * is a random shuffle of the cards sorted by id, so it depends on the set of cards and the draw,
 * never on the order or the moments they were written in. Named cards keep their time.
 */
export function revealBatch<C extends Card>(cards: readonly C[], board: { createdAt: number }, random: () => number = secureRandom): C[] {
  const out = [...cards]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => (c.authorId === undefined && c.source === undefined ? { ...c, createdAt: anonymousCreatedAt(board) } : c))
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/**
 * A problem or opportunity for improvement logged at the end of a daily sync-up: the record of
 * shared/sprint/sprintRecords.ts `Opportunity` with its id (extra fields such as `authorId` are
 * ignored — logging one does not make you its author on the board).
 */
export const SyncupOpportunity = z.object({
  id: Id,
  text: z.string().trim().min(1, 'An opportunity needs some text.').max(CARD_TEXT_MAX),
  /** The sync-up it was logged at. */
  date: IsoDate,
  /** Empty reads as unknown. */
  authorName: z.string().max(FIELD_LIMITS.name).optional(),
  /** When it was logged (ms since epoch), if known; else midnight UTC of `date`. */
  createdAt: z.number().nonnegative().optional()
})
export type SyncupOpportunity = z.input<typeof SyncupOpportunity>

export const opportunityCardId = (opportunityId: string): string => `syncup:${opportunityId}`

/** The card for a sync-up opportunity: same opportunity → same record on every peer. */
export function cardFromOpportunity(opportunity: SyncupOpportunity, columnId: string, settings: { anonymous: boolean } = { anonymous: false }): Card {
  const opp = SyncupOpportunity.parse(opportunity)
  const source: CardSource = { kind: 'syncup', opportunityId: opp.id, date: opp.date }
  if (opp.authorName?.trim() && !settings.anonymous) source.authorName = opp.authorName.trim()
  return Card.parse({
    id: opportunityCardId(opp.id),
    columnId,
    text: opp.text,
    createdAt: Math.round(opp.createdAt ?? Date.parse(`${opp.date}T00:00:00Z`)),
    source
  })
}

/** The cards to add for the sprint's opportunities: those not on the board yet (dismissed ones count as there). */
export function importOpportunities(
  opportunities: readonly SyncupOpportunity[],
  existing: readonly Pick<Card, 'id'>[],
  columnId: string,
  settings: { anonymous: boolean }
): Card[] {
  const have = new Set(existing.map((c) => c.id))
  const out: Card[] = []
  for (const opp of opportunities) {
    const card = cardFromOpportunity(opp, columnId, settings)
    if (!have.has(card.id)) out.push(card)
    have.add(card.id)
  }
  return out
}

/**
 * The cards one member sees: before reveal, their own cards (`myCardIds`, kept on their device) and
 * the imported ones; from reveal on, every card. Dismissed cards never.
 */
export function visibleCards<C extends Card>(cards: readonly C[], phase: Phase, myCardIds: ReadonlySet<string>): C[] {
  const revealed = isRevealed(phase)
  return cards.filter((c) => !c.dismissed && (revealed || myCardIds.has(c.id) || c.source !== undefined))
}

/** From reveal on, the local drafts that still have to go into the shared document. */
export function draftsToPublish<C extends Pick<Card, 'id'>>(phase: Phase, drafts: readonly C[], shared: readonly Pick<Card, 'id'>[]): C[] {
  if (!isRevealed(phase)) return []
  const have = new Set(shared.map((c) => c.id))
  return drafts.filter((d) => !have.has(d.id))
}

/** May this member edit or delete the card? Their own (by author id or by this device's list). */
export function isOwnCard(card: Pick<Card, 'id' | 'authorId'>, memberId: string, myCardIds: ReadonlySet<string>): boolean {
  return myCardIds.has(card.id) || (card.authorId !== undefined && card.authorId === memberId)
}

/**
 * A card as a board shows it. A sync-up card also says who logged its opportunity (`loggedBy`,
 * their member id), read from the opportunity's record — sealed by them — by `withLoggers`;
 * never from the card itself (a schema read drops the key: anyone may write a card's source).
 */
export type ShownCard = Card & { loggedBy?: string }

const loggedCache = new WeakMap<Card, { by: string | undefined; card: ShownCard }>()

/**
 * Sync-up cards with who logged them (`loggerOf`: opportunity id → its sealed author's id; none on
 * an anonymous board). Other cards, and a card whose logger did not change, stay the same objects.
 */
export function withLoggers<C extends Card>(cards: readonly C[], loggerOf: ReadonlyMap<string, string>, anonymous: boolean): (C & ShownCard)[] {
  return cards.map((c) => {
    const by = c.source?.kind === 'syncup' && !c.authorId && !anonymous ? loggerOf.get(c.source.opportunityId) : undefined
    const cached = loggedCache.get(c)
    if (cached && cached.by === by) return cached.card as C & ShownCard
    const card: C & ShownCard = by === undefined ? c : { ...c, loggedBy: by }
    loggedCache.set(c, { by, card })
    return card
  })
}

/** The author to show: a name, "Anonymous", or where an imported card came from. */
export function cardAuthorLabel(card: ShownCard, names: Readonly<Record<string, string>>): string {
  // a card with an author is theirs (their seal covers author and text); a sync-up card names whoever
  // logged it (their sealed opportunity, `withLoggers`) only when nobody signed the card
  if (card.source?.kind === 'syncup' && !card.authorId) return card.loggedBy ? `${personName(card.loggedBy, names, 'A former member')} (daily sync-up)` : 'Daily sync-up'
  if (!card.authorId) return 'Anonymous'
  // named by their member entry; an id from before signatures says "(not verified)" (personName)
  return personName(card.authorId, names, 'A former member')
}

/** What the org's sprint retrospective shows for an escalated card, linked back to its board. */
export interface EscalatedItem {
  id: string
  text: string
  teamId: string
  teamName: string
  sprint: number
  boardId: string
  cardId: string
  escalatedAt: number
}

/**
 * Escalating writes `escalated` on the card and this record into the org space. The id is derived
 * from board and card, so escalating twice (or from two peers) yields one item. No author: the
 * item is the team's.
 */
export function escalate(card: Card, board: { id: string; teamId: string; teamName: string; sprint: number }, orgSpaceId: string, at: number): { card: Card; item: EscalatedItem } {
  return {
    card: { ...card, escalated: { orgSpaceId, at } },
    item: {
      id: `esc:${board.id}:${card.id}`,
      text: card.text,
      teamId: board.teamId,
      teamName: board.teamName,
      sprint: board.sprint,
      boardId: board.id,
      cardId: card.id,
      escalatedAt: at
    }
  }
}
