import { compareSeq, SEQ_ZERO, type Seq } from './seq.ts'

/**
 * A room's mailbox (issue 13 #2), the rules every store follows (in memory + file, Redis):
 * sealed updates are kept in the order the relay accepted them, each at a position (`seq`); a
 * client remembers the last position it applied (its cursor) and asks for what came after it.
 * From time to time a client uploads a sealed snapshot of the whole document that covers the log
 * up to its cursor; the relay then keeps that snapshot and drops the updates it covers (prior art:
 * secsync's snapshot + update model). The relay cannot check what a snapshot holds; members are
 * trusted with the document anyway, and any member can write to it.
 */
export interface LogEntry {
  seq: Seq
  /** the sealed message, base64url */
  data: string
}

export interface RoomSnapshot {
  /** the last position whose update the snapshot holds */
  covers: Seq
  data: string
}

export interface RoomQuota {
  /** stored bytes (snapshot + updates) one room may hold */
  maxBytes: number
  /** updates one room may hold between snapshots */
  maxEntries: number
  /** updates after which the relay asks its clients for a snapshot */
  compactAfter: number
}

export const DEFAULT_QUOTA: RoomQuota = { maxBytes: 64 * 1024 * 1024, maxEntries: 20_000, compactAfter: 500 }

export type AppendRefusal = 'room full (bytes)' | 'room full (updates)'

/** Whether one more update of `size` bytes fits the room; a snapshot can always make room. */
export function appendRefusal(bytes: number, entries: number, size: number, quota: RoomQuota): AppendRefusal | null {
  if (entries + 1 > quota.maxEntries) return 'room full (updates)'
  if (bytes + size > quota.maxBytes) return 'room full (bytes)'
  return null
}

/** Ask the room's clients for a snapshot: many updates since the last, or half the bytes used. */
export function wantsSnapshot(bytes: number, entries: number, quota: RoomQuota): boolean {
  return entries >= quota.compactAfter || bytes >= quota.maxBytes / 2
}

export type SnapshotVerdict = 'accept' | 'stale' | 'ahead' | 'too big'

/**
 * A snapshot is taken only when it covers more than the one kept (two clients may compact at
 * once: the later one covers more or is dropped) and nothing the relay has not handed out yet.
 */
export function snapshotVerdict(current: RoomSnapshot | null, head: Seq, covers: Seq, size: number, quota: RoomQuota): SnapshotVerdict {
  if (compareSeq(covers, head) > 0) return 'ahead'
  if (current && compareSeq(covers, current.covers) <= 0) return 'stale'
  if (current === null && compareSeq(covers, SEQ_ZERO) <= 0) return 'stale'
  if (size > quota.maxBytes / 2) return 'too big'
  return 'accept'
}

/**
 * What a client whose cursor is `since` (null: it has nothing from this relay) must get: the
 * snapshot when its cursor is before what the snapshot covers (the updates before it are gone),
 * then every update after the cursor (after the snapshot). A cursor ahead of the log (the relay
 * lost its data, or another relay) starts over from the beginning: `reset`.
 */
export function catchUpPlan(snapshot: RoomSnapshot | null, head: Seq, since: Seq | null): { withSnapshot: boolean; after: Seq; reset: boolean } {
  const reset = since !== null && compareSeq(since, head) > 0
  const from = since === null || reset ? SEQ_ZERO : since
  if (snapshot && compareSeq(from, snapshot.covers) < 0) return { withSnapshot: true, after: snapshot.covers, reset }
  return { withSnapshot: false, after: from, reset }
}

/**
 * One room in memory: its verifier, snapshot and updates. The embedded store keeps one per room
 * (and writes each change to its file first); the Redis store follows the same rules in Redis.
 */
export class Mailbox {
  snapshot: RoomSnapshot | null = null
  entries: LogEntry[] = []
  head: Seq = SEQ_ZERO
  /** bytes of the snapshot and updates kept */
  bytes = 0

  constructor(readonly verifier: string) {}

  append(entry: LogEntry): void {
    this.entries.push(entry)
    this.head = entry.seq
    this.bytes += entry.data.length
  }

  /** Keeps the snapshot and drops the updates it covers (the verdict was 'accept'). */
  takeSnapshot(snapshot: RoomSnapshot): void {
    if (this.snapshot) this.bytes -= this.snapshot.data.length
    this.snapshot = snapshot
    this.bytes += snapshot.data.length
    let drop = 0
    while (drop < this.entries.length && compareSeq(this.entries[drop]!.seq, snapshot.covers) <= 0) {
      this.bytes -= this.entries[drop]!.data.length
      drop++
    }
    this.entries.splice(0, drop)
  }

  read(since: Seq | null): { snapshot: RoomSnapshot | null; entries: LogEntry[]; reset: boolean } {
    const plan = catchUpPlan(this.snapshot, this.head, since)
    return {
      snapshot: plan.withSnapshot ? this.snapshot : null,
      entries: this.entries.filter((e) => compareSeq(e.seq, plan.after) > 0),
      reset: plan.reset
    }
  }
}
