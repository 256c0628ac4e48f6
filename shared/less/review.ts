import { z } from 'zod'
import { personName } from '../members/personName.ts'
import { LESS_LIMITS } from './tickets.ts'

/**
 * The sprint retrospective & demo (whole org, at the very end of sprint n): the org discusses
 * what teams escalated from their retrospectives (notes and follow-ups per item), people give
 * shout-outs, and each team demos what it accomplished in sprint n and its goals for sprint n+1,
 * one team at a time with a shared timer.
 *
 * Where: the org's document `review/<n>` holds the notes, follow-ups, demo items and the
 * presenter; shout-outs and their reactions are in the org's root document (every sprint's, so the
 * past ones can be shown).
 */
const id = z.string().min(1).max(LESS_LIMITS.id)
const name = z.string().max(LESS_LIMITS.name).catch('')
const sprintNumber = z.number().int().min(1).max(1_000_000)

export const SHOUT_OUT_MAX = 1_000
export const SHOUT_OUT_RECIPIENTS_MAX = 20

export const Recipient = z.object({ id, name: z.string().min(1).max(LESS_LIMITS.name) })
export type Recipient = z.infer<typeof Recipient>

/**
 * A shout-out to one or more people (org root document, `shoutOuts`), sealed whole by its author.
 * It reads only with an author (one without would carry no seal). Its author is named by their
 * member entry (`withAuthorNames`): records written before that also hold an `authorName`, which
 * their seal still covers but nothing reads — the writer chose it freely.
 */
export const ShoutOut = z.object({
  sprint: sprintNumber,
  text: z.string().trim().min(1).max(SHOUT_OUT_MAX),
  to: z.array(Recipient).min(1).max(SHOUT_OUT_RECIPIENTS_MAX),
  authorId: id,
  createdAt: z.number().catch(0)
})
export type ShoutOut = z.infer<typeof ShoutOut>

/**
 * Shout-outs with the names to show (`names`: id → name of every member entry, former members
 * too): the author's from their entry ("someone" without one), and each recipient's from theirs
 * (the name the author wrote only for someone without an entry).
 */
export function withAuthorNames<T extends Pick<ShoutOut, 'authorId' | 'to'>>(
  shoutOuts: readonly T[],
  names: Readonly<Record<string, string>>
): (T & { author: string; toNames: string[] })[] {
  return shoutOuts.map((s) => ({ ...s, author: personName(s.authorId, names, 'someone'), toNames: s.to.map((t) => personName(t.id, names, t.name)) }))
}

export const REACTIONS = ['👏', '🎉', '❤️', '🙌', '🚀'] as const
export const REACTION_NAMES: Record<(typeof REACTIONS)[number], string> = { '👏': 'applause', '🎉': 'party', '❤️': 'love', '🙌': 'raised hands', '🚀': 'rocket' }
export const Reaction = z.enum(REACTIONS)
export type Reaction = z.infer<typeof Reaction>

/** One person's reaction (`shoutReactions`, id `${shoutOutId}|${memberId}|${emoji}`: a toggle). */
export const ShoutReaction = z.object({ shoutOutId: id, memberId: id, emoji: Reaction, at: z.number().catch(0) })
export type ShoutReaction = z.infer<typeof ShoutReaction>

export const reactionId = (shoutOutId: string, memberId: string, emoji: Reaction): string => `${shoutOutId}|${memberId}|${emoji}`

export interface ReactionCount {
  emoji: Reaction
  count: number
  mine: boolean
  names: string[]
}

/** The reactions to one shout-out, in the order of REACTIONS (only those given). */
export function reactionCounts(
  reactions: readonly Pick<ShoutReaction, 'shoutOutId' | 'memberId' | 'emoji'>[],
  shoutOutId: string,
  meId: string,
  nameOf: (memberId: string) => string
): ReactionCount[] {
  return REACTIONS.map((emoji) => {
    const who = [...new Set(reactions.filter((r) => r.shoutOutId === shoutOutId && r.emoji === emoji).map((r) => r.memberId))]
    return { emoji, count: who.length, mine: who.includes(meId), names: who.map(nameOf).sort() }
  }).filter((r) => r.count > 0)
}

/** Shout-outs of one sprint (oldest first), and the earlier sprints', newest sprint first. */
export function shoutOutsBySprint<T extends Pick<ShoutOut, 'sprint' | 'createdAt'> & { id: string }>(
  all: readonly T[],
  sprint: number
): { current: T[]; past: { sprint: number; items: T[] }[] } {
  const order = (a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const current = all.filter((s) => s.sprint === sprint).sort(order)
  const bySprint = new Map<number, T[]>()
  for (const s of all) if (s.sprint < sprint) bySprint.set(s.sprint, [...(bySprint.get(s.sprint) ?? []), s])
  const past = [...bySprint.entries()].sort(([a], [b]) => b - a).map(([n, items]) => ({ sprint: n, items: items.sort(order) }))
  return { current, past }
}

/** The org's notes on one escalated item (`reviewNotes`, id = the escalation's id). */
export const DiscussionNote = z.object({ text: z.string().max(LESS_LIMITS.notes).catch('') })
export type DiscussionNote = z.infer<typeof DiscussionNote>

/** A follow-up the org agreed on an escalated item (`followUps`). */
export const FollowUp = z.object({
  escalationId: id,
  text: z.string().trim().min(1).max(LESS_LIMITS.question),
  owner: name,
  done: z.boolean().catch(false),
  createdAt: z.number().catch(0)
})
export type FollowUp = z.infer<typeof FollowUp>

export const DEMO_SECTIONS = ['done', 'next', 'link'] as const
export const DemoSection = z.enum(DEMO_SECTIONS)
export type DemoSection = z.infer<typeof DemoSection>
export const DEMO_SECTION_LABELS: Record<DemoSection, string> = {
  done: 'What we accomplished',
  next: 'Our goals for next sprint',
  link: 'Links'
}

/** One line of a team's demo slide (`demoItems`; ordered). */
export const DemoItem = z.object({
  teamId: id,
  section: DemoSection,
  text: z.string().max(LESS_LIMITS.title).catch(''),
  url: z.string().max(LESS_LIMITS.url).catch(''),
  /** in 'done': whether it was achieved (prefilled items start unticked) */
  achieved: z.boolean().catch(false)
})
export type DemoItem = z.infer<typeof DemoItem>

/** That a team's slide was filled in from its planning (`demoPrefill`, id = team id). */
export const DemoPrefill = z.object({ at: z.number().catch(0), by: name })

export interface PlanSource {
  /** the team's goals for sprint n (team sprint planning) */
  goals: readonly { id: string; text: string }[]
  /** the team's plan for sprint n */
  tickets: readonly { id: string; key: string; title: string; url: string }[]
  /** the team's goals for sprint n+1 (set in its team scrum) */
  nextGoals: readonly { id: string; text: string }[]
}

/**
 * A team's slide as its planning fills it in. Ids are derived from the team and the source item,
 * so filling in again, or two people doing it at once, adds nothing twice.
 */
export function demoPrefill(teamId: string, source: PlanSource): (DemoItem & { id: string })[] {
  const items: (DemoItem & { id: string })[] = []
  for (const g of source.goals) if (g.text.trim()) items.push({ id: `${teamId}:goal:${g.id}`, teamId, section: 'done', text: g.text.trim().slice(0, LESS_LIMITS.title), url: '', achieved: false })
  for (const t of source.tickets) {
    const text = [t.key, t.title].filter((s) => s.trim()).join(' ').slice(0, LESS_LIMITS.title)
    if (text) items.push({ id: `${teamId}:ticket:${t.id}`, teamId, section: 'done', text, url: t.url, achieved: false })
  }
  for (const g of source.nextGoals) if (g.text.trim()) items.push({ id: `${teamId}:next:${g.id}`, teamId, section: 'next', text: g.text.trim().slice(0, LESS_LIMITS.title), url: '', achieved: false })
  return items
}

/** The presenter (`presenter`, record 'now'): which team is on, and its timer (in the starter's clock). */
export const Presenter = z.object({
  teamId: id,
  startedAt: z.number(),
  durationMs: z.number().int().min(10_000).max(60 * 60_000),
  startedBy: id,
  pausedAt: z.number().nullable().catch(null)
})
export type Presenter = z.infer<typeof Presenter>

export const DEFAULT_SLOT_MS = 5 * 60_000

/** The team after (or before) `current` in the running order; null past either end. */
export function stepTeam(order: readonly string[], current: string | null, direction: 1 | -1): string | null {
  if (order.length === 0) return null
  const at = current ? order.indexOf(current) : -1
  if (at < 0) return direction === 1 ? order[0]! : order[order.length - 1]!
  return order[at + direction] ?? null
}
