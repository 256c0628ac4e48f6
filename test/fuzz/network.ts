import * as Y from 'yjs'
import type { Rng } from './random.ts'
import { DOC_NAMES, type DocName, type Peer } from './world.ts'

/**
 * The network between the peers, as y-webrtc gives it at its worst: every update a peer makes
 * (its own writes and the throwaway client's of an anonymous write) is sent to every other peer
 * as its own message; messages arrive in any order, some twice, some are lost and sent again later
 * (eventual delivery), and a partition lets messages flow only between peers of the same group.
 * Peers of one group can also run the sync handshake (state vectors, then what the other lacks), as
 * y-webrtc does on connecting. Updates applied from the network are never sent on (no relaying).
 */
export const FROM_NETWORK = Symbol('fuzz network')

interface Message {
  readonly seq: number
  readonly from: number
  readonly to: number
  readonly doc: DocName
  readonly update: Uint8Array
}

export interface NetworkStats {
  sent: number
  delivered: number
  duplicated: number
  dropped: number
  resent: number
  handshakes: number
}

export class Network {
  private readonly inFlight: Message[] = []
  private readonly lost: Message[] = []
  private seq = 0
  /** peer → its group; one group: no partition */
  private groups: number[]
  readonly stats: NetworkStats = { sent: 0, delivered: 0, duplicated: 0, dropped: 0, resent: 0, handshakes: 0 }

  constructor(private readonly peers: readonly Peer[]) {
    this.groups = peers.map(() => 0)
    for (const peer of peers) {
      for (const name of DOC_NAMES) {
        peer.docs[name].on('update', (update: Uint8Array, origin: unknown) => {
          if (origin === FROM_NETWORK) return
          for (const other of peers) {
            if (other === peer) continue
            this.inFlight.push({ seq: this.seq++, from: peer.index, to: other.index, doc: name, update })
            this.stats.sent++
          }
        })
      }
    }
  }

  get pending(): number {
    return this.inFlight.length
  }

  get lostCount(): number {
    return this.lost.length
  }

  partitioned(): boolean {
    return new Set(this.groups).size > 1
  }

  describePartition(): string {
    const byGroup = new Map<number, number[]>()
    this.groups.forEach((g, p) => byGroup.set(g, [...(byGroup.get(g) ?? []), p]))
    return [...byGroup.values()].map((ps) => `{${ps.map((p) => `p${p}`).join(',')}}`).join(' ')
  }

  /** Splits the peers into `n` random groups (every group non-empty when possible). */
  partition(rng: Rng, n: number): void {
    const order = rng.shuffle(this.peers.map((p) => p.index))
    const groups = this.peers.map(() => 0)
    order.forEach((p, i) => (groups[p] = i < n ? i : rng.int(0, n - 1)))
    this.groups = groups
  }

  heal(): void {
    this.groups = this.peers.map(() => 0)
  }

  private connected(a: number, b: number): boolean {
    return this.groups[a] === this.groups[b]
  }

  /**
   * Delivers up to `count` messages picked at random among those that can pass now: each may
   * also stay in flight to arrive again (`dupRate`) or be lost on the way (`dropRate`: kept aside
   * until `resendLost`). Returns how many arrived.
   */
  deliver(rng: Rng, count: number, rates: { dupRate: number; dropRate: number }): number {
    let arrived = 0
    for (let i = 0; i < count; i++) {
      const open: number[] = []
      this.inFlight.forEach((m, j) => {
        if (this.connected(m.from, m.to)) open.push(j)
      })
      if (open.length === 0) break
      const j = rng.pick(open)
      const m = this.inFlight[j]!
      if (rng.chance(rates.dropRate)) {
        this.inFlight.splice(j, 1)
        this.lost.push(m)
        this.stats.dropped++
        continue
      }
      if (rng.chance(rates.dupRate)) {
        this.inFlight.push({ ...m, seq: this.seq++ }) // the copy arrives again later
        this.stats.duplicated++
      } else this.inFlight.splice(j, 1)
      Y.applyUpdate(this.peers[m.to]!.docs[m.doc], m.update, FROM_NETWORK)
      this.stats.delivered++
      arrived++
    }
    return arrived
  }

  /** The lost messages are sent again (a reconnect, a retry): eventual delivery. */
  resendLost(): number {
    const n = this.lost.length
    this.inFlight.push(...this.lost.splice(0).map((m) => ({ ...m, seq: this.seq++ })))
    this.stats.resent += n
    return n
  }

  /** Lost messages stay lost (only the self-test's broken network does this). */
  forgetLost(): void {
    this.lost.length = 0
  }

  /** y-webrtc's sync handshake between two peers of one group, for one document. */
  handshake(a: number, b: number, doc: DocName): boolean {
    if (!this.connected(a, b)) return false
    const da = this.peers[a]!.docs[doc]
    const db = this.peers[b]!.docs[doc]
    Y.applyUpdate(db, Y.encodeStateAsUpdate(da, Y.encodeStateVector(db)), FROM_NETWORK)
    Y.applyUpdate(da, Y.encodeStateAsUpdate(db, Y.encodeStateVector(da)), FROM_NETWORK)
    this.stats.handshakes++
    return true
  }

  /**
   * The end of the run: one group again, lost messages sent again, and every message delivered in
   * random order (a few still arrive twice). Nothing else: whether that alone converges is checked.
   */
  drain(rng: Rng, dupRate: number): void {
    this.heal()
    this.resendLost()
    // each message may be duplicated at most once here, so this ends
    const copies = new Set<number>()
    while (this.inFlight.length > 0) {
      const j = rng.int(0, this.inFlight.length - 1)
      const m = this.inFlight[j]!
      if (!copies.has(m.seq) && rng.chance(dupRate)) {
        const copy = { ...m, seq: this.seq++ }
        copies.add(copy.seq)
        this.inFlight.push(copy)
        this.stats.duplicated++
      }
      this.inFlight.splice(j, 1)
      Y.applyUpdate(this.peers[m.to]!.docs[m.doc], m.update, FROM_NETWORK)
      this.stats.delivered++
    }
  }

  /** Every pair of peers runs the handshake on every document (as after a reconnect). */
  syncAll(): void {
    for (const a of this.peers) for (const b of this.peers) if (a.index < b.index) for (const doc of DOC_NAMES) this.handshake(a.index, b.index, doc)
  }
}
