import * as Y from 'yjs'
import { collection, compareOrder, type CollectionDef, type Position } from '@core/collections/index.ts'
import { addAction, readTeamActions, removeAction, setActionDone, updateAction } from '@features/retro/store/actions.ts'
import { applyFlow, currentBoard, saveBoardSettings, setReady } from '@features/retro/store/board.ts'
import { addCard, deleteCard, dismissCard, editCard } from '@features/retro/store/cards.ts'
import { CARDS, GROUPS, VOTES } from '@features/retro/store/collections.ts'
import { groupOnto, moveToGroup, renameGroup } from '@features/retro/store/grouping.ts'
import { cast, retract } from '@features/retro/store/votes.ts'
import { ACTION_ITEMS, FIRST_STEPS, patchItem, PROJECT_NOTES, PROJECTS, removeItem, SESSIONS, THOUGHTS, TRACK_TICKETS, TRACKS } from '@features/mentorship/store/lists.ts'
import { addActionItem, addProject, addProjectNote, removeProject } from '@features/mentorship/store/projects.ts'
import { addSession, patchSession, removeSession, sessionNotes } from '@features/mentorship/store/sessions.ts'
import { addFirstStep, addThought, addTrack, addTrackTicket, removeTrack } from '@features/mentorship/store/tracks.ts'
import { handOverFacilitator, movePhase, type Phase, takeOverFacilitator } from '@shared/retro/phases.ts'
import { canVote } from '@shared/retro/votes.ts'
import type { Rng } from './random.ts'
import { boardTally, PEOPLE, type Peer, sid } from './world.ts'

/**
 * What people do, through the stores' public commands (never a raw write to a record): each op
 * looks at what its peer shows now, picks something there, runs the command and says what it did
 * (a line of the op log). A few check right away what the command promises on the peer that ran
 * it (a new item is last, a moved item sits where it was put, a removed direction's lists are gone).
 */
export interface OpContext {
  readonly rng: Rng
  /** a broken promise of a command on its own peer */
  fail(invariant: string, detail: string): void
  /** records this op means to remove that the peer may not see (a status of a removed action item) */
  intendRemoval(collection: string, id: string): void
}

type Op = (ctx: OpContext, peer: Peer) => Promise<string | null> | string | null

// ---------------------------------------------------------------- texts

const WORDS = ['a', 'b', 'ab', 'x', 'CI', 'deploy', 'tests', 'flaky', 'pair', 'review', 'docs', 'on-call', 'slow', 'ship it', 'é', '🙂']

function text(rng: Rng, maxWords = 4): string {
  return Array.from({ length: rng.int(1, maxWords) }, () => rng.pick(WORDS)).join(' ')
}

/**
 * An edit of `base` as a person makes one: a word or a letter typed, replaced or deleted. Letters
 * are code points (a text field never splits an emoji in two): a half of a surrogate pair in a
 * record comes from the app, never from here.
 */
function edited(rng: Rng, base: string): string {
  const words = base.split(' ')
  const letters = Array.from(base)
  let next: string
  // a short text is mostly fixed letter by letter
  switch (letters.length <= 4 && rng.chance(0.5) ? 3 : rng.int(0, 4)) {
    case 0:
      words.splice(rng.int(0, words.length), 0, rng.pick(WORDS))
      next = words.join(' ')
      break
    case 1:
      if (words.length > 1) words.splice(rng.int(0, words.length - 1), 1)
      next = words.join(' ')
      break
    case 2:
      words[rng.int(0, words.length - 1)] = rng.pick(WORDS)
      next = words.join(' ')
      break
    case 3:
      letters.splice(rng.int(0, letters.length - 1), 1)
      next = letters.join('')
      break
    default:
      letters.splice(rng.int(0, letters.length), 0, rng.pick(['a', 'b', ' ', 'z', '🙃']))
      next = letters.join('')
  }
  return next.trim() ? next : `${base} x`
}

const q = (s: string) => JSON.stringify(s)
const date = (rng: Rng) => `2026-0${rng.int(1, 9)}-1${rng.int(0, 9)}`

// ---------------------------------------------------------------- the retro board

const liveCards = (peer: Peer) => collection(peer.docs.board, CARDS).list()
const liveGroups = (peer: Peer) => collection(peer.docs.board, GROUPS).list()

const boardOps = {
  async addCard(ctx, peer) {
    const board = currentBoard(peer.session)
    if (!board) return null
    const column = ctx.rng.pick(board.layout.columns).id
    const body = text(ctx.rng)
    await addCard(peer.session, peer.person, column, body)
    return `addCard(${column}, ${q(body)})${board.settings.anonymous ? ' anonymous' : ''}`
  },

  /** opens a card's editor (the base is what it shows now), or saves the edit already open */
  async editCard(ctx, peer) {
    const cards = liveCards(peer)
    const open = [...peer.editing.keys()].filter((id) => cards.some((c) => c.id === id))
    if (open.length > 0 && ctx.rng.chance(0.6)) {
      const id = ctx.rng.pick(open)
      const card = cards.find((c) => c.id === id)!
      const base = peer.editing.get(id)!
      peer.editing.delete(id)
      const mine = edited(ctx.rng, base)
      await editCard(peer.session, card, base, mine)
      return `editCard(${sid(id)}, base ${q(base)}, mine ${q(mine)}, shown ${q(card.text)})`
    }
    if (cards.length === 0) return null
    // half of the edits go to a few hot cards, where people edit the same text at once
    const card = ctx.rng.chance(0.5) ? ctx.rng.pick([...cards].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, 2)) : ctx.rng.pick(cards)
    peer.editing.set(card.id, card.text)
    if (ctx.rng.chance(0.5)) return `openEditor(${sid(card.id)}, ${q(card.text)})`
    peer.editing.delete(card.id)
    const mine = edited(ctx.rng, card.text)
    await editCard(peer.session, card, card.text, mine)
    return `editCard(${sid(card.id)}, base ${q(card.text)}, mine ${q(mine)})`
  },

  async deleteCard(ctx, peer) {
    const cards = liveCards(peer)
    if (cards.length === 0) return null
    const card = ctx.rng.pick(cards)
    await deleteCard(peer.session, card)
    return `deleteCard(${sid(card.id)})${card.authorId === undefined ? ' anonymous' : ''}`
  },

  dismissCard(ctx, peer) {
    const cards = liveCards(peer).filter((c) => !c.dismissed)
    if (cards.length === 0) return null
    const card = ctx.rng.pick(cards)
    dismissCard(peer.session, card.id)
    return `dismissCard(${sid(card.id)})`
  },

  groupOnto(ctx, peer) {
    const cards = liveCards(peer)
    if (cards.length < 2) return null
    const [target, dragged] = ctx.rng.shuffle(cards)
    groupOnto(peer.session, target!.id, dragged!.id)
    return `groupOnto(target ${sid(target!.id)}, dragged ${sid(dragged!.id)})`
  },

  moveToGroup(ctx, peer) {
    const cards = liveCards(peer)
    if (cards.length === 0) return null
    const card = ctx.rng.pick(cards)
    const groups = liveGroups(peer)
    const group = groups.length > 0 && ctx.rng.chance(0.6) ? ctx.rng.pick(groups).id : null
    moveToGroup(peer.session, card.id, group)
    return `moveToGroup(${sid(card.id)}, ${group ? sid(group) : 'none'})`
  },

  renameGroup(ctx, peer) {
    const groups = liveGroups(peer)
    if (groups.length === 0) return null
    const group = ctx.rng.pick(groups)
    // now and then a long title, cut by the store to its 80 characters (an emoji near the cut)
    const long = () => `${'Long title '.repeat(8).slice(0, ctx.rng.int(76, 80))}${ctx.rng.pick(['🙂', 'é', ' '])}${text(ctx.rng, 2)}`
    const title = ctx.rng.chance(0.25) ? long() : text(ctx.rng, 3)
    renameGroup(peer.session, group.id, title)
    return `renameGroup(${sid(group.id)}, ${q(title)})`
  },

  /** a vote by this peer's person, or by someone else (a second device); mostly as the UI offers it */
  vote(ctx, peer) {
    const { targets, tally, options } = boardTally(peer.docs)
    const ids = Object.keys(targets).sort()
    if (ids.length === 0) return null
    const voter = ctx.rng.chance(0.6) ? peer.person : ctx.rng.pick(PEOPLE)
    // half of the votes go to a few hot topics, where budget and cap are raced
    const target = ctx.rng.chance(0.5) ? ctx.rng.pick(ids.slice(0, 2)) : ctx.rng.pick(ids)
    const allowed = canVote(tally, voter, target, options)
    if (!allowed.ok && ctx.rng.chance(0.8)) return `vote(${voter} → ${sid(target)}) not offered: ${allowed.reason}`
    cast(peer.session, voter, target)
    return `vote(${voter} → ${sid(target)})${allowed.ok ? '' : ` although ${allowed.reason}`}`
  },

  retractVote(ctx, peer) {
    const votes = collection(peer.docs.board, VOTES).list()
    if (votes.length === 0) return null
    const vote = ctx.rng.pick(votes)
    const done = retract(peer.session, vote.voterId, vote.targetId)
    return `retractVote(${vote.voterId} from ${sid(vote.targetId)})${done ? '' : ' none'}`
  },

  boardSettings(ctx, peer) {
    const settings = { anonymous: ctx.rng.chance(0.4), voting: { budget: ctx.rng.int(1, 6), cap: ctx.rng.int(1, 4) } }
    saveBoardSettings(peer.session, settings)
    return `boardSettings(anonymous ${settings.anonymous}, budget ${settings.voting.budget}, cap ${settings.voting.cap})`
  },

  /** the facilitator moves the phase (never back to write) or hands over; anyone else takes over */
  flow(ctx, peer) {
    const board = currentBoard(peer.session)
    if (!board) return null
    const me = peer.person
    const now = Date.now()
    if (board.flow.facilitatorId === me) {
      if (ctx.rng.chance(0.2)) {
        const to = ctx.rng.pick(PEOPLE.filter((p) => p !== me))
        return `handOver(${me} → ${to}) ${applyFlow(peer.session, handOverFacilitator(board.flow, me, to, now)) ?? 'ok'}`
      }
      const to = ctx.rng.pick<Phase>(['reveal', 'group', 'vote', 'discuss', 'act'])
      return `movePhase(${board.flow.phase} → ${to}) ${applyFlow(peer.session, movePhase(board.flow, me, to, now)) ?? 'ok'}`
    }
    return `takeOver(${me}) ${applyFlow(peer.session, takeOverFacilitator(board.flow, me, false, now)) ?? 'ok'}`
  },

  ready(ctx, peer) {
    const board = currentBoard(peer.session)
    if (!board) return null
    const ready = ctx.rng.chance(0.6)
    setReady(peer.session, board.flow, peer.person, ready)
    return `setReady(${peer.person}, ${ready})`
  }
} satisfies Record<string, Op>

// ---------------------------------------------------------------- the team's action items

const teamOps = {
  addAction(ctx, peer) {
    const body = text(ctx.rng)
    const owner = ctx.rng.chance(0.5) ? ctx.rng.pick(PEOPLE) : undefined
    const id = addAction(peer.docs.team, { text: body, ownerId: owner, ownerName: owner, due: ctx.rng.chance(0.3) ? date(ctx.rng) : undefined }, 7)
    return `addAction(${q(body)}, owner ${owner ?? 'none'}) = ${sid(id)}`
  },

  updateAction(ctx, peer) {
    const items = readTeamActions(peer.docs.team)
    if (items.length === 0) return null
    const item = ctx.rng.pick(items)
    const which = ctx.rng.int(0, 2)
    const patch = which === 0 ? { text: edited(ctx.rng, item.text) } : which === 1 ? { ownerName: ctx.rng.chance(0.7) ? ctx.rng.pick(PEOPLE) : undefined } : { due: ctx.rng.chance(0.7) ? date(ctx.rng) : undefined }
    updateAction(peer.docs.team, item.id, patch)
    return `updateAction(${sid(item.id)}, ${JSON.stringify(patch)})`
  },

  tickAction(ctx, peer) {
    const items = readTeamActions(peer.docs.team)
    if (items.length === 0) return null
    const item = ctx.rng.pick(items)
    const done = ctx.rng.chance(0.7)
    setActionDone(peer.docs.team, item.id, done, peer.person)
    return `setActionDone(${sid(item.id)}, ${done})`
  },

  removeAction(ctx, peer) {
    const items = readTeamActions(peer.docs.team)
    if (items.length === 0) return null
    const item = ctx.rng.pick(items)
    removeAction(peer.docs.team, item.id)
    // its done state goes too, also one this peer has not seen yet
    ctx.intendRemoval('actionStatus', item.id)
    return `removeAction(${sid(item.id)})`
  }
} satisfies Record<string, Op>

// ---------------------------------------------------------------- the pair's journal

const journalList = <T,>(peer: Peer, def: CollectionDef<T>) => collection(peer.docs.journal, def).list()

/** The siblings a record is ordered among (its parent's list, or the whole list). */
function siblings(peer: Peer, def: CollectionDef<unknown>, id: string) {
  const c = collection(peer.docs.journal, def)
  const self = c.get(id)
  const field = def.parent?.field
  if (!self || !field) return c.list()
  return c.childrenOf((self as Record<string, unknown>)[field] as string)
}

/** A new item goes to the end of its list: check it on the peer that added it. */
function checkLast(ctx: OpContext, peer: Peer, def: CollectionDef<unknown>, id: string, what: string): void {
  const list = siblings(peer, def, id)
  if (list.at(-1)?.id !== id) ctx.fail('ordering keys', `${what}: the new ${def.name} ${sid(id)} is not last in its list on p${peer.index} (${list.map((r) => sid(r.id)).join(', ')})`)
}

const ORDERED_LISTS = [SESSIONS, TRACKS, FIRST_STEPS, THOUGHTS, TRACK_TICKETS, PROJECTS, PROJECT_NOTES, ACTION_ITEMS] as CollectionDef<unknown>[]

const journalOps = {
  addSession(ctx, peer) {
    const title = text(ctx.rng, 3)
    const id = addSession(peer.docs.journal, { title, date: ctx.rng.chance(0.4) ? date(ctx.rng) : null, durationMinutes: ctx.rng.chance(0.5) ? ctx.rng.int(15, 90) : null })
    checkLast(ctx, peer, SESSIONS as CollectionDef<unknown>, id, 'addSession')
    return `addSession(${q(title)}) = ${sid(id)}`
  },

  patchSession(ctx, peer) {
    const sessions = journalList(peer, SESSIONS)
    if (sessions.length === 0) return null
    const s = ctx.rng.pick(sessions)
    const patch = ctx.rng.chance(0.5) ? { title: edited(ctx.rng, s.title || 'x') } : { date: ctx.rng.chance(0.7) ? date(ctx.rng) : null }
    patchSession(peer.docs.journal, s.id, patch)
    return `patchSession(${sid(s.id)}, ${JSON.stringify(patch)})`
  },

  removeSession(ctx, peer) {
    const sessions = journalList(peer, SESSIONS)
    if (sessions.length === 0) return null
    const s = ctx.rng.pick(sessions)
    removeSession(peer.docs.journal, s.id)
    if (sessionNotes(peer.docs.journal, s.id).length > 0) ctx.fail('removal takes what belongs', `removeSession(${sid(s.id)}) left its notes on p${peer.index}`)
    return `removeSession(${sid(s.id)})`
  },

  /** what the session editor does: a paragraph typed or deleted in the session's notes */
  editNotes(ctx, peer) {
    const sessions = journalList(peer, SESSIONS)
    if (sessions.length === 0) return null
    const s = ctx.rng.pick(sessions)
    const notes = sessionNotes(peer.docs.journal, s.id)
    if (notes.length > 0 && ctx.rng.chance(0.3)) {
      const at = ctx.rng.int(0, notes.length - 1)
      notes.delete(at, 1)
      return `notes(${sid(s.id)}) delete paragraph ${at}`
    }
    const body = text(ctx.rng)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(body)])
    const at = ctx.rng.int(0, notes.length)
    notes.insert(at, [paragraph])
    return `notes(${sid(s.id)}) insert ${q(body)} at ${at}`
  },

  addTrack(ctx, peer) {
    const topic = text(ctx.rng, 2)
    const sessions = journalList(peer, SESSIONS)
    const discussedIn = sessions.length > 0 && ctx.rng.chance(0.5) ? ctx.rng.pick(sessions).id : null
    const id = addTrack(peer.docs.journal, { mentorName: 'Daria', menteeName: 'Bruce', topic, discussedIn })
    checkLast(ctx, peer, TRACKS as CollectionDef<unknown>, id, 'addTrack')
    return `addTrack(${q(topic)}) = ${sid(id)}`
  },

  patchTrack(ctx, peer) {
    const tracks = journalList(peer, TRACKS)
    if (tracks.length === 0) return null
    const track = ctx.rng.pick(tracks)
    const topic = edited(ctx.rng, track.topic || 'x')
    patchItem(peer.docs.journal, TRACKS, track.id, { topic })
    return `patchTrack(${sid(track.id)}, ${q(topic)})`
  },

  removeTrack(ctx, peer) {
    const tracks = journalList(peer, TRACKS)
    if (tracks.length === 0) return null
    const track = ctx.rng.pick(tracks)
    removeTrack(peer.docs.journal, track.id)
    for (const def of [FIRST_STEPS, THOUGHTS, TRACK_TICKETS] as CollectionDef<unknown>[]) {
      const left = collection(peer.docs.journal, def).childrenOf(track.id)
      if (left.length > 0) ctx.fail('removal takes what belongs', `removeTrack(${sid(track.id)}) left ${left.length} ${def.name} on p${peer.index}`)
    }
    return `removeTrack(${sid(track.id)})`
  },

  addTrackChild(ctx, peer) {
    const tracks = journalList(peer, TRACKS)
    if (tracks.length === 0) return null
    const track = ctx.rng.pick(tracks).id
    const doc = peer.docs.journal
    const kind = ctx.rng.int(0, 2)
    if (kind === 0) {
      const body = text(ctx.rng)
      const id = addFirstStep(doc, track, body)
      checkLast(ctx, peer, FIRST_STEPS as CollectionDef<unknown>, id, 'addFirstStep')
      return `addFirstStep(${sid(track)}, ${q(body)}) = ${sid(id)}`
    }
    if (kind === 1) {
      const body = text(ctx.rng)
      const id = addThought(doc, track, body)
      checkLast(ctx, peer, THOUGHTS as CollectionDef<unknown>, id, 'addThought')
      return `addThought(${sid(track)}, ${q(body)}) = ${sid(id)}`
    }
    const keyText = `ENG-${ctx.rng.int(1, 999)}`
    const id = addTrackTicket(doc, track, keyText, ctx.rng.chance(0.5) ? `https://tracker.example/browse/${keyText}` : null)
    checkLast(ctx, peer, TRACK_TICKETS as CollectionDef<unknown>, id, 'addTrackTicket')
    return `addTrackTicket(${sid(track)}, ${keyText}) = ${sid(id)}`
  },

  patchFirstStep(ctx, peer) {
    const steps = journalList(peer, FIRST_STEPS)
    if (steps.length === 0) return null
    const step = ctx.rng.pick(steps)
    const patch = ctx.rng.chance(0.5) ? { done: !step.done } : { text: edited(ctx.rng, step.text || 'x') }
    patchItem(peer.docs.journal, FIRST_STEPS, step.id, patch)
    return `patchFirstStep(${sid(step.id)}, ${JSON.stringify(patch)})`
  },

  removeChild(ctx, peer) {
    const def = ctx.rng.pick([FIRST_STEPS, THOUGHTS, TRACK_TICKETS, PROJECT_NOTES, ACTION_ITEMS] as CollectionDef<unknown>[])
    const items = journalList(peer, def)
    if (items.length === 0) return null
    const item = ctx.rng.pick(items)
    removeItem(peer.docs.journal, def, item.id)
    return `removeItem(${def.name}, ${sid(item.id)})`
  },

  addProject(ctx, peer) {
    const title = text(ctx.rng, 3)
    const id = addProject(peer.docs.journal, title)
    checkLast(ctx, peer, PROJECTS as CollectionDef<unknown>, id, 'addProject')
    return `addProject(${q(title)}) = ${sid(id)}`
  },

  addProjectChild(ctx, peer) {
    const projects = journalList(peer, PROJECTS)
    if (projects.length === 0) return null
    const project = ctx.rng.pick(projects).id
    const body = text(ctx.rng)
    if (ctx.rng.chance(0.5)) {
      const id = addProjectNote(peer.docs.journal, project, body)
      checkLast(ctx, peer, PROJECT_NOTES as CollectionDef<unknown>, id, 'addProjectNote')
      return `addProjectNote(${sid(project)}, ${q(body)}) = ${sid(id)}`
    }
    const owner = ctx.rng.chance(0.5) ? ctx.rng.pick(PEOPLE) : null
    const id = addActionItem(peer.docs.journal, project, body, owner)
    checkLast(ctx, peer, ACTION_ITEMS as CollectionDef<unknown>, id, 'addActionItem')
    return `addActionItem(${sid(project)}, ${q(body)}, ${owner ?? 'no owner'}) = ${sid(id)}`
  },

  tickActionItem(ctx, peer) {
    const items = journalList(peer, ACTION_ITEMS)
    if (items.length === 0) return null
    const item = ctx.rng.pick(items)
    patchItem(peer.docs.journal, ACTION_ITEMS, item.id, { done: !item.done })
    return `patchActionItem(${sid(item.id)}, done ${!item.done})`
  },

  removeProject(ctx, peer) {
    const projects = journalList(peer, PROJECTS)
    if (projects.length === 0) return null
    const project = ctx.rng.pick(projects)
    removeProject(peer.docs.journal, project.id)
    for (const def of [PROJECT_NOTES, ACTION_ITEMS] as CollectionDef<unknown>[]) {
      const left = collection(peer.docs.journal, def).childrenOf(project.id)
      if (left.length > 0) ctx.fail('removal takes what belongs', `removeProject(${sid(project.id)}) left ${left.length} ${def.name} on p${peer.index}`)
    }
    return `removeProject(${sid(project.id)})`
  },

  /** a drag in a list (the collection API's move), to the top, the bottom, or next to another item */
  move(ctx, peer) {
    const def = ctx.rng.pick(ORDERED_LISTS)
    const items = journalList(peer, def)
    if (items.length === 0) return null
    const item = ctx.rng.pick(items)
    const others = siblings(peer, def, item.id).filter((r) => r.id !== item.id)
    const kind = others.length === 0 ? ctx.rng.pick(['first', 'last'] as const) : ctx.rng.pick(['first', 'last', 'after', 'before'] as const)
    const anchor = kind === 'after' || kind === 'before' ? ctx.rng.pick(others) : null
    const to: Position = kind === 'after' ? { after: anchor!.id } : kind === 'before' ? { before: anchor!.id } : kind
    collection(peer.docs.journal, def).move(item.id, to)
    checkMove(ctx, peer, def, item.id, kind, anchor?.id ?? null)
    return `move(${def.name} ${sid(item.id)}, ${kind}${anchor ? ` ${sid(anchor.id)}` : ''})`
  }
} satisfies Record<string, Op>

/**
 * Where a moved item must sit on its own peer: first, last, or right after (before) its anchor,
 * where only items with the anchor's very key may stand in between (equal keys, from two people
 * who added at once, are stepped over: shared/collections/order.ts).
 */
function checkMove(ctx: OpContext, peer: Peer, def: CollectionDef<unknown>, id: string, kind: 'first' | 'last' | 'after' | 'before', anchor: string | null): void {
  const list = siblings(peer, def, id) as readonly { id: string; order: string | number }[]
  // an item without a key sorts first, before any key (the per-step check reports how it lost it)
  if (list.some((r) => typeof r.order !== 'string')) return
  const at = list.findIndex((r) => r.id === id)
  const where = () => `${def.name} ${sid(id)} moved ${kind}${anchor ? ` ${sid(anchor)}` : ''} on p${peer.index}: ${list.map((r) => `${sid(r.id)}=${String(r.order)}`).join(', ')}`
  if (at < 0) return ctx.fail('ordering keys', `${where()}: gone`)
  if (kind === 'first' && at !== 0) return ctx.fail('ordering keys', `${where()}: not first`)
  if (kind === 'last' && at !== list.length - 1) return ctx.fail('ordering keys', `${where()}: not last`)
  if (anchor === null) return
  const a = list.findIndex((r) => r.id === anchor)
  const anchorKey = list[a]?.order
  const [from, to] = kind === 'after' ? [a + 1, at] : [at + 1, a]
  const between = list.slice(from, to)
  const misplaced = kind === 'after' ? at <= a : at >= a
  if (misplaced || between.some((r) => r.order !== anchorKey)) ctx.fail('ordering keys', `${where()}: not next to its anchor`)
  for (let i = 1; i < list.length; i++) if (compareOrder(list[i - 1]!, list[i]!) > 0) return ctx.fail('ordering keys', `${where()}: list out of order`)
}

export const APP_OPS: Record<keyof typeof boardOps | keyof typeof teamOps | keyof typeof journalOps, Op> = { ...boardOps, ...teamOps, ...journalOps }
export type AppOpName = keyof typeof APP_OPS

/** How often each op is drawn. */
export const APP_WEIGHTS: Record<AppOpName, number> = {
  addCard: 10,
  editCard: 8,
  deleteCard: 3,
  dismissCard: 1,
  groupOnto: 4,
  moveToGroup: 3,
  renameGroup: 1,
  vote: 12,
  retractVote: 4,
  boardSettings: 1.5,
  flow: 1.5,
  ready: 1,
  addAction: 3,
  updateAction: 2,
  tickAction: 2,
  removeAction: 1.5,
  addSession: 3,
  patchSession: 1.5,
  removeSession: 1.5,
  editNotes: 3,
  addTrack: 3,
  patchTrack: 1,
  removeTrack: 2,
  addTrackChild: 7,
  patchFirstStep: 2,
  removeChild: 2,
  addProject: 2,
  addProjectChild: 4,
  tickActionItem: 1,
  removeProject: 1.5,
  move: 6
}

export function runAppOp(name: AppOpName, ctx: OpContext, peer: Peer): Promise<string | null> | string | null {
  return APP_OPS[name](ctx, peer)
}
