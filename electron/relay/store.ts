import type { AppendRefusal, LogEntry, RoomQuota, RoomSnapshot, SnapshotVerdict } from '../../shared/relay/mailbox.ts'
import type { Seq } from '../../shared/relay/seq.ts'

/**
 * Where a relay keeps its rooms: the embedded store (memory + an append-only file per room) or
 * Redis (stateless relay processes sharing rooms). Both follow shared/relay/mailbox.ts.
 */
export interface CatchUp {
  snapshot: RoomSnapshot | null
  entries: LogEntry[]
  head: Seq
  reset: boolean
  /** updates and bytes kept in the room */
  count: number
  bytes: number
}

export type AppendResult = { ok: true; seq: Seq; count: number; bytes: number } | { ok: false; reason: AppendRefusal }

export interface RoomListener {
  /** an update accepted into the room (by any relay process), in log order */
  entry(entry: LogEntry): void
  /** a sealed awareness message from another connection (`from`: who sent it, not to echo) */
  awareness(data: string, from: string): void
}

export interface RelayStore {
  readonly kind: 'embedded' | 'redis'
  /**
   * Which log this is: the same for every process sharing it (one Redis), another for another
   * relay, and a new one when the relay's data is gone (a memory store, a new data directory).
   * Clients keep their cursor per log id: a position means something in its log only.
   */
  readonly logId: string
  /** The room's verifier; a room not seen before is created with `verifier`. Null: no room for more rooms. */
  claim(room: string, verifier: string): Promise<{ verifier: string; created: boolean } | null>
  append(room: string, data: string, quota: RoomQuota): Promise<AppendResult>
  snapshot(room: string, covers: Seq, data: string, quota: RoomQuota): Promise<SnapshotVerdict>
  read(room: string, since: Seq | null): Promise<CatchUp>
  /**
   * Live updates of a room from now on. Resolves once the listener will get every entry accepted
   * after that moment (a read started afterwards overlaps, never leaves a gap).
   */
  subscribe(room: string, listener: RoomListener): Promise<() => void>
  publishAwareness(room: string, data: string, from: string): void
  close(): Promise<void>
}
