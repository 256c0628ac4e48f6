// random.ts first: it seeds `crypto.getRandomValues` before yjs (lib0) is loaded
import { Clock, Rng, seedCrypto } from './random.ts'
import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { collection, compareOrder, type CollectionDef } from '@core/collections/index.ts'
import { applyFlow, createBoard, currentBoard } from '@features/retro/store/board.ts'
import { sessionNotes } from '@features/mentorship/store/sessions.ts'
import { SESSIONS } from '@features/mentorship/store/lists.ts'
import { CARDS, READY } from '@features/retro/store/collections.ts'
import { movePhase } from '@shared/retro/phases.ts'
import { tallyVotes } from '@shared/retro/votes.ts'
import { Network, type NetworkStats } from './network.ts'
import { APP_WEIGHTS, type AppOpName, type OpContext, runAppOp } from './ops.ts'
import {
  ALL_COLLECTIONS,
  boardTally,
  DOC_NAMES,
  type DocName,
  type Docs,
  firstDifference,
  freshCopy,
  idsOf,
  key,
  makePeer,
  ORDERED,
  PEOPLE,
  type Peer,
  short,
  sid,
  SPRINT,
  TEAM,
  TRACKED,
  type Tracked,
  visibleState
} from './world.ts'

/**
 * The convergence fuzz: five peers, random operations through the stores, a hostile network, then
 * healing, and the invariants checked on every peer. `runFuzz` is deterministic in its seed (see
 * random.ts): the same seed and op count replay the same run, op log and all.
 */
export interface FuzzOptions {
  seed: number
  /** steps: app operations and network events */
  ops: number
  peers?: number
  /** test only: lost messages are never sent again (proves the checks can fail) */
  neverResend?: boolean
  /**
   * test only: after healing, one raw write on p0 that breaks an invariant (a live card emptied
   * without a tombstone, a removed card written back), to prove the checks catch it
   */
  sabotage?: 'lose a card' | 'revive a card'
  /** called with each line of the op log as it is written (FUZZ_TRACE) */
  trace?: (line: string) => void
}

export interface Violation {
  invariant: string
  detail: string
  /** the step it was seen at, or 'end' */
  at: number | 'end'
}

export interface FuzzResult {
  seed: number
  ops: number
  ok: boolean
  violations: Violation[]
  log: string[]
  /** a digest of every peer's final state: equal for equal runs */
  fingerprint: string
  stats: { records: number; removed: number } & NetworkStats & ReturnType<typeof finalStats>
}

const T0 = 1_800_000_000_000
/** violations listed per invariant (a broken one tends to break everywhere) */
const MAX_PER_INVARIANT = 8

interface Created {
  tracked: Tracked
  id: string
  by: number
  at: number
  /** the record it belongs to (a first step's direction …), if any */
  parent: { name: string; id: string } | null
}

interface Removed {
  tracked: Tracked
  id: string
  by: number
  at: number
  /** the remover's state vector right after: a peer holding all of it has seen the removal */
  sv: Map<number, number>
  /** peers known to have seen it (state only grows, so they stay so) */
  seenBy: Set<number>
  /** a resurrection of it was reported already */
  reported: boolean
}

const recordKey = (name: string, id: string) => `${name}::${id}`
const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc))
const dominates = (have: Map<number, number>, need: Map<number, number>) => [...need].every(([client, clock]) => (have.get(client) ?? 0) >= clock)
const normal = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null')

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const { seed, ops } = options
  const nPeers = options.peers ?? 5
  const rng = new Rng(seed)
  const log: string[] = []
  const say = (line: string) => {
    log.push(line)
    options.trace?.(line)
  }
  const violations: Violation[] = []
  let step = 0
  const perInvariant = new Map<string, number>()
  const fail = (invariant: string, detail: string, at: number | 'end' = step) => {
    const n = (perInvariant.get(invariant) ?? 0) + 1
    perInvariant.set(invariant, n)
    if (n <= MAX_PER_INVARIANT) violations.push({ invariant, detail, at })
    else if (n === MAX_PER_INVARIANT + 1) violations.push({ invariant, detail: 'and more of these (not listed)', at })
  }

  seedCrypto(seed)
  const clock = new Clock(T0, Array.from({ length: nPeers }, () => rng.int(-4_000, 4_000)))
  clock.install()
  try {
    checkSeeded(seed)
    const peers = Array.from({ length: nPeers }, (_, i) => makePeer(i))
    const net = new Network(peers)
    const created = new Map<string, Created>()
    const removed = new Map<string, Removed>()

    // ------------------------------------------------ setup: the board, as one or two members create it
    const voting = { budget: rng.int(1, 6), cap: rng.int(1, 4) }
    const creators = rng.chance(0.3) ? [0, 1] : [0]
    for (const i of creators) {
      const p = peers[i]!
      const template = rng.pick(['start-stop-continue', 'mad-sad-glad', 'team-retrospective'] as const)
      const anonymous = rng.chance(0.3)
      await clock.as(i, () => createBoard(p.session, { teamId: TEAM, teamName: 'Fuzz', sprint: SPRINT, createdBy: p.person, createdAt: Date.now(), template, voting, anonymous }))
      say(`#0 p${i} createBoard(${template}, budget ${voting.budget}, cap ${voting.cap}, anonymous ${anonymous})`)
    }
    net.drain(rng, 0)
    const facilitator = currentBoard(peers[0]!.session)!.flow.facilitatorId
    const f = PEOPLE.indexOf(facilitator as (typeof PEOPLE)[number])
    await clock.as(f, () => applyFlow(peers[f]!.session, movePhase(currentBoard(peers[f]!.session)!.flow, facilitator, 'vote', Date.now())))
    say(`#0 p${f} movePhase(write → vote)`)
    net.drain(rng, 0)

    // ------------------------------------------------ the run
    const dupRate = 0.06
    const dropRate = options.neverResend ? 0.25 : 0.06
    const visibility = new Visibility(peers)
    let lastActor: number | null = null
    for (step = 1; step <= ops; step++) {
      clock.advance(rng.int(0, 2_500))
      lastActor = null
      if (rng.chance(0.35)) {
        say(`#${step} net ${networkStep(rng, net, peers, { dupRate, dropRate, neverResend: options.neverResend ?? false })}`)
      } else {
        const peer = rng.pick(peers)
        lastActor = peer.index
        const name = rng.weighted(APP_WEIGHTS) as AppOpName
        const before = idsOf(peer.docs)
        const intents: [string, string][] = []
        const ctx: OpContext = { rng, fail: (inv, detail) => fail(inv, detail), intendRemoval: (c, id) => intents.push([c, id]) }
        let line: string | null
        try {
          line = await clock.as(peer.index, () => runAppOp(name, ctx, peer))
        } catch (error) {
          line = `${name} threw`
          fail('commands do not throw', `${name} on p${peer.index}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        }
        const after = idsOf(peer.docs)
        const changes: string[] = []
        for (const tracked of TRACKED) {
          const b = before.get(key(tracked))!
          const a = after.get(key(tracked))!
          for (const id of a) {
            if (b.has(id)) continue
            const rk = recordKey(tracked.def.name, id)
            const gone = removed.get(rk)
            if (gone && dominates(stateVector(peer.docs[tracked.doc]), gone.sv)) fail('no resurrection', `${name} on p${peer.index} brought back ${rk}, removed by p${gone.by} at #${gone.at}`)
            if (!created.has(rk)) created.set(rk, { tracked, id, by: peer.index, at: step, parent: parentOf(peer.docs, tracked, id) })
            changes.push(`+${tracked.def.name}:${sid(id)}`)
          }
          for (const id of b) {
            if (a.has(id)) continue
            changes.push(`-${tracked.def.name}:${sid(id)}`)
            // one that vanished without a tombstone is reported by the visibility check
            if (isTombstone(peer.docs[tracked.doc], tracked.def.name, id)) noteRemoval(removed, tracked, id, peer, step)
          }
        }
        for (const [collectionName, id] of intents) {
          const tracked = TRACKED.find((t) => t.def.name === collectionName)!
          noteRemoval(removed, tracked, id, peer, step)
        }
        say(`#${step} p${peer.index} ${line ?? `${name}: nothing to do`}${changes.length ? `  ${changes.join(' ')}` : ''}`)
      }
      checkNoResurrection(peers, removed, fail)
      visibility.check(step, lastActor, fail)
    }

    // ------------------------------------------------ heal: everything delivered, then every check
    step = ops + 1
    say(`#${step} net heal, resend ${net.lostCount} lost, deliver ${net.pending} in flight in random order`)
    if (options.neverResend) {
      // the broken network of the self-test: what was lost stays lost
      net.forgetLost()
    }
    net.drain(rng, dupRate)
    checkDelivered(peers, fail)
    net.syncAll()
    say(`#${step} net every pair runs the sync handshake`)
    if (options.sabotage) say(`#${step} p0 SABOTAGE: ${sabotage(peers[0]!, options.sabotage, created, removed)}`)
    checkEnd(peers, created, removed, fail)

    return {
      seed,
      ops,
      ok: violations.length === 0,
      violations,
      log,
      fingerprint: fingerprint(peers),
      stats: { records: created.size, removed: removed.size, ...net.stats, ...finalStats(peers[0]!) }
    }
  } finally {
    clock.uninstall()
    seedCrypto(null)
  }
}

/** Raw writes no store makes, for the self-test of the checks (never in a real run). */
function sabotage(p: Peer, what: NonNullable<FuzzOptions['sabotage']>, created: Map<string, Created>, removed: Map<string, Removed>): string {
  const cards = (list: Iterable<Created | Removed>) => [...list].filter((r) => r.tracked.def === (CARDS as CollectionDef<unknown>))
  if (what === 'lose a card') {
    const card = cards(created.values()).find((c) => !removed.has(recordKey('cards', c.id)) && collection(p.docs.board, CARDS).get(c.id))
    if (!card) throw new Error('sabotage: no live card')
    const record = p.docs.board.getMap(recordKey('cards', card.id))
    for (const k of [...record.keys()]) record.delete(k)
    return `emptied card ${sid(card.id)} without a tombstone`
  }
  const card = cards(removed.values())[0]
  if (!card) throw new Error('sabotage: no removed card')
  const record = p.docs.board.getMap(recordKey('cards', card.id))
  for (const k of [...record.keys()]) record.delete(k)
  for (const [k, v] of Object.entries({ columnId: 'start', text: 'back again', createdAt: T0 })) record.set(k, v)
  return `wrote removed card ${sid(card.id)} back`
}

/** The seeded generator must reach Yjs too (the throwaway client of an anonymous write). */
function checkSeeded(seed: number): void {
  const a = new Y.Doc().clientID
  seedCrypto(seed)
  const b = new Y.Doc().clientID
  seedCrypto(seed)
  if (a !== b) throw new Error('Yjs does not draw from the seeded generator: import test/fuzz/random.ts before yjs, in a fresh process.')
}

function networkStep(rng: Rng, net: Network, peers: readonly Peer[], rates: { dupRate: number; dropRate: number; neverResend: boolean }): string {
  const kind = rng.weighted({ deliver: 10, handshake: 3, partition: 1.5, heal: 1.2, resend: rates.neverResend ? 0 : 1 })
  switch (kind) {
    case 'deliver': {
      const n = rng.int(1, 10)
      return `deliver ${n}: ${net.deliver(rng, n, rates)} arrived, ${net.pending} in flight`
    }
    case 'handshake': {
      const [a, b] = rng.shuffle(peers.map((p) => p.index))
      const doc = rng.pick(DOC_NAMES)
      return `handshake p${a!} ⇄ p${b!} ${doc}: ${net.handshake(a!, b!, doc) ? 'done' : 'apart'}`
    }
    case 'partition':
      net.partition(rng, rng.int(2, 3))
      return `partition ${net.describePartition()}`
    case 'heal':
      net.heal()
      return 'heal'
    default:
      return `resend ${net.resendLost()} lost`
  }
}

function parentOf(docs: Docs, tracked: Tracked, id: string): Created['parent'] {
  const parent = tracked.def.parent
  if (!parent) return null
  const record = collection(docs[tracked.doc], tracked.def).get(id) as Record<string, unknown> | null
  const value = record?.[parent.field]
  return typeof value === 'string' ? { name: parent.def.name, id: value } : null
}

function noteRemoval(removed: Map<string, Removed>, tracked: Tracked, id: string, peer: Peer, at: number): void {
  const rk = recordKey(tracked.def.name, id)
  if (removed.has(rk)) return
  removed.set(rk, { tracked, id, by: peer.index, at, sv: stateVector(peer.docs[tracked.doc]), seenBy: new Set(), reported: false })
}

/**
 * After every step, on every peer: a record it showed that it shows no more without a tombstone, or
 * an ordered record that lost its order key (it jumps to the top). Made by the peer's own command:
 * the command lost it. Made by network traffic, it may be a removal whose tombstone waits for an
 * earlier update of its writer (Yjs applies the deletes of an update at once and its new values
 * once the writer's earlier updates arrive), so it is judged when it resolves: a tombstone
 * arrives (a removal: fine), or the record shows again (it vanished for a while: reported, as the
 * out-of-order gap when updates were waiting, else as a loss). A record that was never whole yet
 * (a peer's patch arrived before the record) shows nowhere until it is: by design, not checked.
 */
interface Suspect {
  readonly peer: number
  readonly tracked: Tracked
  readonly id: string
  readonly kind: 'hidden' | 'unkeyed'
  readonly at: number
  /** documents with updates waiting for earlier ones when it happened */
  readonly pending: readonly DocName[]
  readonly fields: string
}

class Visibility {
  private readonly shown: Map<string, Set<string>>[]
  private readonly keyed: Map<string, Set<string>>[]
  private readonly suspects = new Map<string, Suspect>()

  constructor(private readonly peers: readonly Peer[]) {
    this.shown = peers.map((p) => this.shownOn(p))
    this.keyed = peers.map((p) => this.keyedOn(p))
  }

  private shownOn(p: Peer): Map<string, Set<string>> {
    return new Map(VISIBLE.map((c) => [c.def.name, new Set(collection(p.docs[c.doc], c.def).list().map((r) => r.id))]))
  }

  private keyedOn(p: Peer): Map<string, Set<string>> {
    const list = (c: Tracked) => collection(p.docs[c.doc], c.def).list() as readonly { id: string; order: unknown }[]
    return new Map(ORDERED.map((c) => [c.def.name, new Set(list(c).filter((r) => typeof r.order === 'string').map((r) => r.id))]))
  }

  check(step: number, actor: number | null, fail: Fail): void {
    for (const p of this.peers) {
      const shown = this.shownOn(p)
      const keyed = this.keyedOn(p)
      const pending = DOC_NAMES.filter((d) => p.docs[d].store.pendingStructs !== null || p.docs[d].store.pendingDs !== null)
      const suspect = (tracked: Tracked, id: string, kind: Suspect['kind']) => {
        const fields = short(p.docs[tracked.doc].getMap<unknown>(recordKey(tracked.def.name, id)).toJSON(), 300)
        const what = kind === 'hidden' ? `${recordKey(tracked.def.name, id)} no longer shows, not removed (${fields})` : `${recordKey(tracked.def.name, id)} lost its order key (shown first)`
        if (actor === p.index) fail(kind === 'hidden' ? 'no lost record' : 'ordering keys', `p${p.index}'s own command: ${what}`)
        else this.suspects.set(`${p.index}|${kind}|${recordKey(tracked.def.name, id)}`, { peer: p.index, tracked, id, kind, at: step, pending, fields })
      }
      for (const c of VISIBLE) {
        const now = shown.get(c.def.name)!
        for (const id of this.shown[p.index]!.get(c.def.name)!) if (!now.has(id) && !isTombstone(p.docs[c.doc], c.def.name, id)) suspect(c, id, 'hidden')
      }
      for (const c of ORDERED) {
        const now = keyed.get(c.def.name)!
        const visible = shown.get(c.def.name)!
        for (const id of this.keyed[p.index]!.get(c.def.name)!) if (!now.has(id) && visible.has(id)) suspect(c, id, 'unkeyed')
      }
      this.shown[p.index] = shown
      this.keyed[p.index] = keyed
    }
    for (const [k, s] of this.suspects) {
      const p = this.peers[s.peer]!
      if (isTombstone(p.docs[s.tracked.doc], s.tracked.def.name, s.id)) {
        this.suspects.delete(k)
        continue
      }
      const back = s.kind === 'hidden' ? this.shown[s.peer]!.get(s.tracked.def.name)!.has(s.id) : this.keyed[s.peer]!.get(s.tracked.def.name)!.has(s.id)
      if (!back) continue
      this.suspects.delete(k)
      const what =
        s.kind === 'hidden'
          ? `${recordKey(s.tracked.def.name, s.id)} showed nowhere on p${s.peer} from #${s.at} to #${step}, not removed (it held ${s.fields})`
          : `${recordKey(s.tracked.def.name, s.id)} had no order key on p${s.peer} from #${s.at} to #${step} (shown first meanwhile)`
      if (s.pending.length > 0) fail(OUT_OF_ORDER, `${what}; updates were waiting for earlier ones in ${s.pending.join(', ')}`)
      else fail(s.kind === 'hidden' ? 'no lost record' : 'ordering keys', `${what}, after merging a peer's update`)
    }
  }
}

/** Collections whose records only a removal takes away (an emptied ready marker comes back). */
const VISIBLE = ALL_COLLECTIONS.filter((c) => c.def !== (READY as CollectionDef<unknown>))

/** Removed for good: the collection's tombstone (core/collections). */
function isTombstone(doc: Y.Doc, name: string, id: string): boolean {
  const rk = recordKey(name, id)
  return doc.share.has(rk) && doc.getMap<unknown>(rk).get('__deleted') === true
}

export const OUT_OF_ORDER = 'records stay readable while updates arrive out of order'

/** The records the schemas refuse (read raw, as the collection stores them), with why. */
function malformed(docs: Docs): string[] {
  const out: string[] = []
  for (const c of ALL_COLLECTIONS) {
    const doc = docs[c.doc]
    const prefix = `${c.def.name}::`
    for (const name of doc.share.keys()) {
      if (!name.startsWith(prefix)) continue
      const fields = doc.getMap<unknown>(name).toJSON() as Record<string, unknown>
      if (fields.__deleted || Object.keys(fields).length === 0) continue
      const parsed = c.def.schema.safeParse(fields)
      if (!parsed.success) out.push(`${name} ${short(fields, 400)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    }
  }
  return out
}

type Fail = (invariant: string, detail: string, at?: number | 'end') => void

/** A peer that has seen a removal never shows the record again (checked after every step). */
function checkNoResurrection(peers: readonly Peer[], removed: Map<string, Removed>, fail: Fail): void {
  if (removed.size === 0) return
  const svs = new Map<string, Map<number, number>>()
  const sv = (p: Peer, doc: DocName) => {
    const k = `${p.index}/${doc}`
    let v = svs.get(k)
    if (!v) svs.set(k, (v = stateVector(p.docs[doc])))
    return v
  }
  for (const r of removed.values()) {
    if (r.reported) continue
    for (const p of peers) {
      if (!r.seenBy.has(p.index)) {
        if (!dominates(sv(p, r.tracked.doc), r.sv)) continue
        r.seenBy.add(p.index)
      }
      if (collection(p.docs[r.tracked.doc], r.tracked.def).get(r.id)) {
        fail('no resurrection', `${recordKey(r.tracked.def.name, r.id)} removed by p${r.by} at #${r.at} shows again on p${p.index}, which has seen the removal`)
        r.reported = true
        break
      }
    }
  }
}

/** After every message arrived (no handshake), every peer holds the same state. */
function checkDelivered(peers: readonly Peer[], fail: Fail): void {
  for (const doc of DOC_NAMES) {
    const first = Y.encodeStateVector(peers[0]!.docs[doc])
    for (const p of peers.slice(1)) {
      if (Buffer.compare(Buffer.from(first), Buffer.from(Y.encodeStateVector(p.docs[doc]))) !== 0) {
        fail('eventual delivery converges', `${doc}: p${p.index} holds another state than p0 once every message arrived`, 'end')
      }
    }
  }
}

function checkEnd(peers: readonly Peer[], created: Map<string, Created>, removed: Map<string, Removed>, fail: Fail): void {
  const end = (invariant: string, detail: string) => fail(invariant, detail, 'end')

  // 1. every peer shows the same, and what it shows is what a fresh read of its state shows
  const states = peers.map((p) => normal(visibleState(p.docs)))
  peers.forEach((p, i) => {
    const d = firstDifference(states[0], states[i])
    if (d) end('identical visible state', `p0 and p${p.index} differ at ${d}`)
  })
  // Yjs sends strings as UTF-8: half of a surrogate pair arrives as U+FFFD, so its writer and
  // everyone else would show different texts for good
  peers.forEach((p, i) => {
    for (const [path, text] of strings(states[i])) {
      if (/[\uD800-\uDFFF]/u.test(text)) end('well-formed text', `p${p.index}: ${path} holds half of a surrogate pair: ${JSON.stringify(text)}`)
    }
  })
  for (const p of peers) {
    const fresh = freshCopy(p.docs)
    const d = firstDifference(states[p.index], normal(visibleState(fresh)))
    if (d) end('cached reads match a fresh read', `p${p.index}: live collections and a fresh read of the same state differ at ${d}`)
    for (const bad of malformed(fresh)) end('every record stays valid', `p${p.index}: a record the schema refuses (it shows nowhere): ${bad}`)
  }

  for (const p of peers) {
    if (!currentBoard(p.session)) end('no lost record', `p${p.index} has no board`)
    checkVotes(p, end)
    checkOrder(p, end)
  }

  // 2. no lost record, no resurrection, removal takes what belongs
  const gone = (name: string, id: string) => removed.has(recordKey(name, id))
  for (const [rk, c] of created) {
    if (gone(c.tracked.def.name, c.id)) continue
    if (c.parent && gone(c.parent.name, c.parent.id)) continue // checked below: it must be gone too
    for (const p of peers) {
      if (!collection(p.docs[c.tracked.doc], c.tracked.def).get(c.id)) end('no lost record', `${rk} created by p${c.by} at #${c.at}, never removed, is missing on p${p.index}`)
    }
  }
  for (const [rk, r] of removed) {
    for (const p of peers) {
      if (collection(p.docs[r.tracked.doc], r.tracked.def).get(r.id)) end('no resurrection', `${rk} removed by p${r.by} at #${r.at} is back on p${p.index}`)
    }
  }
  for (const p of peers) {
    for (const t of TRACKED) {
      const parent = t.def.parent
      if (!parent) continue
      for (const r of collection(p.docs[t.doc], t.def).list()) {
        const parentId = (r as Record<string, unknown>)[parent.field] as string
        const rem = removed.get(recordKey(parent.def.name, parentId))
        if (!rem) continue
        const c = created.get(recordKey(t.def.name, r.id))
        end(
          'removal takes what belongs',
          `p${p.index}: ${recordKey(t.def.name, r.id)} (added by p${c?.by ?? '?'} at #${c?.at ?? '?'}) outlives its ${parent.def.name} ${sid(parentId)}, removed by p${rem.by} at #${rem.at}`
        )
      }
    }
    for (const r of removed.values()) {
      if (r.tracked.def !== (SESSIONS as CollectionDef<unknown>)) continue
      const notes = sessionNotes(p.docs.journal, r.id)
      if (notes.length > 0) end('removal takes what belongs', `p${p.index}: removed session ${sid(r.id)} (by p${r.by} at #${r.at}) still has ${notes.length} paragraph(s) of notes: ${short(notes.toJSON(), 120)}`)
    }
  }
}

/**
 * The tally's documented contract (shared/retro/votes.ts), checked so that it holds whether the
 * cap counts per card or per person per card: every vote is accepted or rejected once; nobody
 * spends more than the budget; no person has more than `cap` counted votes on one target; counts
 * are the accepted votes; each rejection's reason is true; the same set gives the same tally in
 * any order. A tally that reports `byVoter` (the per-person cap) must report the accepted votes,
 * and its 'over cap' means the voter's own votes fill the target; without it (a cap per card),
 * the target's votes do.
 */
function checkVotes(p: Peer, end: (invariant: string, detail: string) => void): void {
  const { votes, targets, options, tally } = boardTally(p.docs)
  const where = `p${p.index} (budget ${options.budget}, cap ${options.cap})`
  const accepted = new Set(tally.accepted)
  const rejected = new Map(tally.rejected.map((r) => [r.id, r.reason]))
  if (accepted.size + rejected.size !== votes.length || votes.some((v) => accepted.has(v.id) === rejected.has(v.id))) {
    end('vote budget and cap', `${where}: ${votes.length} votes, ${accepted.size} accepted and ${rejected.size} rejected — not each exactly once`)
  }
  const known = (id: string) => (Object.hasOwn(targets, id) ? targets[id] : undefined)
  const spent = new Map<string, number>()
  const perPersonTarget = new Map<string, number>()
  const counts = new Map<string, number>()
  for (const v of votes) {
    if (!accepted.has(v.id)) continue
    const target = known(v.targetId)
    if (target === undefined) end('vote budget and cap', `${where}: vote ${sid(v.id)} on unknown target ${sid(v.targetId)} was accepted`)
    spent.set(v.voterId, (spent.get(v.voterId) ?? 0) + 1)
    const k = `${v.voterId} → ${target}`
    perPersonTarget.set(k, (perPersonTarget.get(k) ?? 0) + 1)
    counts.set(target!, (counts.get(target!) ?? 0) + 1)
  }
  for (const [voter, n] of spent) {
    if (n > options.budget) end('vote budget and cap', `${where}: ${voter} has ${n} counted votes, over the budget`)
    if (tally.remaining[voter] !== options.budget - n) end('vote budget and cap', `${where}: ${voter} has ${tally.remaining[voter]} left after ${n} counted votes`)
  }
  for (const [k, n] of perPersonTarget) if (n > options.cap) end('vote budget and cap', `${where}: ${k} holds ${n} counted votes, over the per-person cap`)
  const d = firstDifference(Object.fromEntries([...counts].sort()), Object.fromEntries(Object.entries(tally.counts).sort()))
  if (d) end('vote budget and cap', `${where}: counts are not the accepted votes: ${d}`)
  const byVoter = (tally as { byVoter?: Record<string, Record<string, number>> }).byVoter
  if (byVoter) {
    const got = Object.entries(byVoter).flatMap(([voter, targets]) => Object.entries(targets).filter(([, n]) => n > 0).map(([t, n]) => [`${voter} → ${t}`, n]))
    const d3 = firstDifference(Object.fromEntries(perPersonTarget), Object.fromEntries(got))
    if (d3) end('vote budget and cap', `${where}: byVoter is not the accepted votes: ${d3}`)
  }
  const full = (voter: string, target: string) => (byVoter ? (perPersonTarget.get(`${voter} → ${target}`) ?? 0) : (counts.get(target) ?? 0)) >= options.cap
  for (const v of votes) {
    const reason = rejected.get(v.id)
    if (!reason) continue
    const target = known(v.targetId)
    const ok = reason === 'unknown target' ? target === undefined : reason === 'over budget' ? spent.get(v.voterId) === options.budget : target !== undefined && full(v.voterId, target)
    if (!ok) end('vote budget and cap', `${where}: vote ${sid(v.id)} of ${v.voterId} on ${sid(v.targetId)} rejected as '${reason}', which is not so`)
  }
  const again = tallyVotes([...votes].reverse(), options)
  const d2 = firstDifference(normal(tally), normal(again))
  if (d2) end('vote budget and cap', `${where}: the tally depends on the order the votes are read in: ${d2}`)
}

/** Order keys: real keys (no legacy numbers, no junk), lists sorted by them, children likewise. */
function checkOrder(p: Peer, end: (invariant: string, detail: string) => void): void {
  for (const t of ORDERED) {
    const c = collection(p.docs[t.doc], t.def)
    const list = c.list() as readonly { id: string; order: string | number }[]
    for (const r of list) {
      if (typeof r.order !== 'string') {
        end('ordering keys', `p${p.index}: ${recordKey(t.def.name, r.id)} has order ${short(r.order)}, not a key`)
        continue
      }
      try {
        generateKeyBetween(r.order, null)
      } catch {
        end('ordering keys', `p${p.index}: ${recordKey(t.def.name, r.id)} has an invalid order key ${short(r.order)}`)
      }
    }
    for (let i = 1; i < list.length; i++) if (compareOrder(list[i - 1]!, list[i]!) >= 0) end('ordering keys', `p${p.index}: ${t.def.name} is not in order at ${i}`)
    const field = t.def.parent?.field
    if (!field) continue
    for (const parent of new Set(list.map((r) => (r as Record<string, unknown>)[field] as string))) {
      const want = list.filter((r) => (r as Record<string, unknown>)[field] === parent).map((r) => r.id)
      const got = c.childrenOf(parent).map((r) => r.id)
      if (want.join() !== got.join()) end('ordering keys', `p${p.index}: ${t.def.name} of ${sid(parent)} read through childrenOf differ from the list: ${got.map(sid).join(',')} vs ${want.map(sid).join(',')}`)
    }
  }
}

function* strings(value: unknown, path = '$'): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value]
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`)
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`)
}

/** What the run ended with (on p0), to see that it exercised what it claims to. */
function finalStats(p: Peer) {
  const { cards, groups, votes, tally } = boardTally(p.docs)
  const reasons = (r: string) => tally.rejected.filter((x) => x.reason === r).length
  return {
    cards: cards.length,
    anonymousCards: cards.filter((c) => c.authorId === undefined).length,
    groupedCards: cards.filter((c) => c.groupId !== undefined).length,
    groups: groups.length,
    votes: votes.length,
    counted: tally.accepted.length,
    overBudget: reasons('over budget'),
    overCap: reasons('over cap'),
    unknownTarget: reasons('unknown target')
  }
}

function fingerprint(peers: readonly Peer[]): string {
  let h = 0x811c9dc5
  for (const p of peers) {
    for (const doc of DOC_NAMES) {
      for (const byte of Y.encodeStateAsUpdate(p.docs[doc])) h = Math.imul(h ^ byte, 0x01000193) >>> 0
    }
  }
  return h.toString(16).padStart(8, '0')
}

/** A failing run, ready to print: the seed, how to replay it, what broke and the op log. */
export function report(result: FuzzResult, replay: string, violations: readonly Violation[] = result.violations): string {
  const lines = [
    `convergence fuzz FAILED: seed ${result.seed}, ${result.ops} steps`,
    `replay: ${replay}`,
    '',
    'violations:',
    ...violations.map((v) => `  [${v.invariant}] at ${v.at === 'end' ? 'the end' : `#${v.at}`}: ${v.detail}`),
    '',
    'op log:',
    ...result.log.map((l) => `  ${l}`)
  ]
  return lines.join('\n')
}
