import { z } from 'zod'

/**
 * Planning poker in the team scrum: every voter picks a card from the deck, hidden; the cards are
 * turned over together (someone reveals, or they turn by themselves once every voter has voted);
 * the team sees the spread, discusses, and either plays a new round or accepts an estimate.
 *
 * What is shared and when (the store keeps to it): while a round is open, a vote stays on the
 * voter's device; the shared document holds only a "voted" marker without the value. At reveal
 * each voter's device publishes its vote. Observers (people of other teams who follow the team)
 * never count as voters: their markers and votes are ignored.
 */
export const SCALE_IDS = ['fibonacci', 'modified-fibonacci', 'tshirt', 'powers-of-two', 'custom'] as const
export const ScaleId = z.enum(SCALE_IDS)
export type ScaleId = z.infer<typeof ScaleId>

export const SCALES: Record<Exclude<ScaleId, 'custom'>, { label: string; values: readonly string[] }> = {
  fibonacci: { label: 'Fibonacci', values: ['0', '1', '2', '3', '5', '8', '13', '21', '34', '55', '89'] },
  'modified-fibonacci': { label: 'Modified Fibonacci', values: ['0', '½', '1', '2', '3', '5', '8', '13', '20', '40', '100'] },
  tshirt: { label: 'T-shirt sizes', values: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] },
  'powers-of-two': { label: 'Powers of two', values: ['0', '1', '2', '4', '8', '16', '32', '64'] }
}
export const SCALE_LABELS: Record<ScaleId, string> = {
  fibonacci: 'Fibonacci',
  'modified-fibonacci': 'Modified Fibonacci',
  tshirt: 'T-shirt sizes',
  'powers-of-two': 'Powers of two',
  custom: 'Custom'
}

/** "I don't know" and "I need a break / I pass": in every deck, never an estimate. */
export const UNSURE = '?'
export const PASS = 'coffee'
export const SPECIAL_CARDS = [UNSURE, PASS] as const
export const CARD_LABELS: Record<string, string> = { [UNSURE]: '?', [PASS]: '☕' }
export const cardLabel = (value: string): string => CARD_LABELS[value] ?? value
export const cardName = (value: string): string => (value === PASS ? 'coffee / pass' : value === UNSURE ? 'not sure (?)' : value)

export const CUSTOM_LIMITS = { values: 20, length: 12 } as const
export const CardValue = z.string().min(1).max(CUSTOM_LIMITS.length * 2)

/** The team's deck setting (scrum document, `pokerSettings` record 'deck'). */
export const DeckSetting = z.object({
  scale: ScaleId.catch('fibonacci'),
  custom: z.array(CardValue).max(CUSTOM_LIMITS.values).catch([])
})
export type DeckSetting = z.infer<typeof DeckSetting>

/** The estimate cards of a deck (without ? and coffee). A custom deck without values falls back to Fibonacci. */
export function scaleValues(deck: DeckSetting): readonly string[] {
  if (deck.scale === 'custom') return deck.custom.length ? deck.custom : SCALES.fibonacci.values
  return SCALES[deck.scale].values
}

/** Every card one can play: the scale's values, then ? and coffee. */
export function deckCards(deck: DeckSetting): readonly string[] {
  return [...scaleValues(deck), ...SPECIAL_CARDS]
}

/** A custom scale as typed ("1, 2, 3, 5" or "S M L"): its values, or what is wrong. */
export function parseCustomScale(text: string): { ok: true; values: string[] } | { ok: false; error: string } {
  const values: string[] = []
  for (const raw of text.split(/[,;\s]+/)) {
    const v = raw.trim()
    if (!v) continue
    if (v === UNSURE || v.toLowerCase() === PASS || v === '☕') continue
    if (v.length > CUSTOM_LIMITS.length) return { ok: false, error: `“${v.slice(0, 20)}” is longer than ${CUSTOM_LIMITS.length} characters.` }
    if (!values.includes(v)) values.push(v)
  }
  if (values.length < 2) return { ok: false, error: 'A scale needs at least two values.' }
  if (values.length > CUSTOM_LIMITS.values) return { ok: false, error: `A scale has at most ${CUSTOM_LIMITS.values} values.` }
  return { ok: true, values }
}

/** One round of one ticket (scrum document, `pokerRounds`, id `${ticketId}#${round}`). */
export const PokerRound = z.object({
  ticketId: z.string().min(1).max(256),
  round: z.number().int().min(1).max(1000),
  /** the deck of the round, fixed when it starts (a change of the team's deck applies to the next) */
  scale: ScaleId.catch('fibonacci'),
  custom: z.array(CardValue).max(CUSTOM_LIMITS.values).catch([]),
  startedAt: z.number().catch(0),
  revealed: z.boolean().catch(false),
  revealedAt: z.number().nullable().catch(null),
  /** who turned the cards (null: they turned by themselves when everyone had voted) */
  revealedBy: z.string().max(256).nullable().catch(null)
})
export type PokerRound = z.infer<typeof PokerRound>

/** "I have voted" without the value (`pokerMarks`, id `${ticketId}#${round}|${memberId}`). */
export const VoteMarker = z.object({
  ticketId: z.string().min(1).max(256),
  round: z.number().int().min(1).max(1000),
  memberId: z.string().min(1).max(256),
  at: z.number().catch(0)
})
export type VoteMarker = z.infer<typeof VoteMarker>

/** A vote as published at reveal (`pokerVotes`, same id as its marker). */
export const PublishedVote = z.object({
  ticketId: z.string().min(1).max(256),
  round: z.number().int().min(1).max(1000),
  memberId: z.string().min(1).max(256),
  value: CardValue
})
export type PublishedVote = z.infer<typeof PublishedVote>

export const roundId = (ticketId: string, round: number): string => `${ticketId}#${round}`
export const voteId = (ticketId: string, round: number, memberId: string): string => `${roundId(ticketId, round)}|${memberId}`

export const deckOfRound = (round: Pick<PokerRound, 'scale' | 'custom'>): DeckSetting => ({ scale: round.scale, custom: round.custom })

/** The latest round of a ticket (null: none played yet). */
export function currentRound<R extends Pick<PokerRound, 'ticketId' | 'round'>>(rounds: readonly R[], ticketId: string): R | null {
  let latest: R | null = null
  for (const r of rounds) if (r.ticketId === ticketId && (!latest || r.round > latest.round)) latest = r
  return latest
}

export const nextRoundNumber = (current: Pick<PokerRound, 'round'> | null): number => (current ? current.round + 1 : 1)

export interface TeamPersonLike {
  id: string
  observer: boolean
}

/** Who may vote: members of the team who are not observers. */
export function eligibleVoters(people: readonly TeamPersonLike[]): Set<string> {
  return new Set(people.filter((p) => !p.observer).map((p) => p.id))
}

/** Who is expected to vote now: the eligible members who are at the meeting (present). */
export function expectedVoters(people: readonly TeamPersonLike[], presentIds: Iterable<string>): string[] {
  const eligible = eligibleVoters(people)
  return [...new Set(presentIds)].filter((id) => eligible.has(id)).sort()
}

export interface RoundProgress {
  /** eligible members with a marker in this round (present or not) */
  voted: string[]
  /** present voters without a marker yet */
  waiting: string[]
  /** someone has voted and every present voter has */
  everyoneVoted: boolean
}

export function roundProgress(
  round: Pick<PokerRound, 'ticketId' | 'round'>,
  markers: readonly Pick<VoteMarker, 'ticketId' | 'round' | 'memberId'>[],
  people: readonly TeamPersonLike[],
  presentIds: Iterable<string>
): RoundProgress {
  const eligible = eligibleVoters(people)
  const voted = [...new Set(markers.filter((m) => m.ticketId === round.ticketId && m.round === round.round && eligible.has(m.memberId)).map((m) => m.memberId))].sort()
  const waiting = expectedVoters(people, presentIds).filter((id) => !voted.includes(id))
  return { voted, waiting, everyoneVoted: voted.length > 0 && waiting.length === 0 }
}

/**
 * The cards turn by themselves once every present voter has voted, when at least two voters are
 * at the meeting (alone, or offline, one's own vote would reveal at once: then someone reveals by
 * hand). Any device may write it: idempotent.
 */
export function shouldAutoReveal(
  round: Pick<PokerRound, 'ticketId' | 'round' | 'revealed'>,
  markers: readonly Pick<VoteMarker, 'ticketId' | 'round' | 'memberId'>[],
  people: readonly TeamPersonLike[],
  presentIds: Iterable<string>
): boolean {
  const present = [...presentIds]
  return !round.revealed && expectedVoters(people, present).length >= 2 && roundProgress(round, markers, people, present).everyoneVoted
}

/** Someone may turn the cards by hand once at least one voter has voted. */
export function canReveal(
  round: Pick<PokerRound, 'ticketId' | 'round' | 'revealed'>,
  markers: readonly Pick<VoteMarker, 'ticketId' | 'round' | 'memberId'>[],
  people: readonly TeamPersonLike[]
): boolean {
  return !round.revealed && roundProgress(round, markers, people, []).voted.length > 0
}

/** A vote may be published only once its round is revealed (what the device keeps waits until then). */
export function mayPublish(round: Pick<PokerRound, 'revealed'> | null): boolean {
  return !!round?.revealed
}

export interface VoteSummary {
  /** votes counted (eligible voters), in deck order, each value with who played it */
  tally: { value: string; count: number; memberIds: string[] }[]
  /** estimates only (without ? and coffee) */
  estimates: number
  unsure: number
  passes: number
  /** every estimate is the same card (and there is at least one) */
  consensus: boolean
  /** the lowest and highest estimate and how many cards of the scale lie between them */
  low: string | null
  high: string | null
  spread: number
  /** what to accept: the consensus, else the most played estimate (a tie: the higher card) */
  suggestion: string | null
  /** the average of numeric estimates (null for T-shirt sizes and the like) */
  average: number | null
  /** who played the lowest and the highest card when they differ: they explain first */
  explainFirst: string[]
}

export function cardNumber(value: string): number | null {
  if (value === '½') return 0.5
  return /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : null
}

/** The spread of a revealed round, counting only eligible voters' cards that are in the round's deck. */
export function summarizeVotes(
  votes: readonly Pick<PublishedVote, 'memberId' | 'value'>[],
  deck: DeckSetting,
  people: readonly TeamPersonLike[]
): VoteSummary {
  const eligible = eligibleVoters(people)
  const cards = deckCards(deck)
  const scale = scaleValues(deck)
  const byMember = new Map<string, string>()
  for (const v of votes) if (eligible.has(v.memberId) && cards.includes(v.value)) byMember.set(v.memberId, v.value)
  const tally = cards
    .map((value) => {
      const memberIds = [...byMember].filter(([, v]) => v === value).map(([m]) => m).sort()
      return { value, count: memberIds.length, memberIds }
    })
    .filter((t) => t.count > 0)
  const estimateTally = tally.filter((t) => scale.includes(t.value))
  const estimates = estimateTally.reduce((n, t) => n + t.count, 0)
  const lowT = estimateTally[0] ?? null
  const highT = estimateTally[estimateTally.length - 1] ?? null
  const spread = lowT && highT ? scale.indexOf(highT.value) - scale.indexOf(lowT.value) : 0
  let suggestion: string | null = null
  for (const t of estimateTally) if (!suggestion || t.count >= estimateTally.find((x) => x.value === suggestion)!.count) suggestion = t.value
  const numbers = [...byMember.values()].filter((v) => scale.includes(v)).map(cardNumber)
  const average = numbers.length && numbers.every((n) => n !== null) ? numbers.reduce((a, b) => a! + b!, 0)! / numbers.length : null
  return {
    tally,
    estimates,
    unsure: tally.find((t) => t.value === UNSURE)?.count ?? 0,
    passes: tally.find((t) => t.value === PASS)?.count ?? 0,
    consensus: estimateTally.length === 1,
    low: lowT?.value ?? null,
    high: highT?.value ?? null,
    spread,
    suggestion,
    average,
    explainFirst: spread > 0 && lowT && highT ? [...lowT.memberIds, ...highT.memberIds] : []
  }
}

/** An estimate may be accepted from a revealed round only, and only as a card of its scale. */
export function canAccept(round: Pick<PokerRound, 'revealed' | 'scale' | 'custom'> | null, value: string): boolean {
  return !!round?.revealed && scaleValues(deckOfRound(round)).includes(value)
}
