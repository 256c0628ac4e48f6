import type { SharedTimer } from '../../../../shared/sync/clock.ts'
import { SyncUpEntry, TimerRecord, syncUpEntryId } from '../../../../shared/sprint/sprintRecords.ts'
import type { DocLink } from '../../sync/docLink.ts'
import { patchRecord, readCollection, readRecord, useDocRead, type WithId } from '../collections.ts'
import { clearRecord } from './records.ts'

/**
 * The daily sync-up, in the team's document for the sprint:
 *   'syncup' `${date}|${memberId}` → { date, memberId, yesterday, today, blockers, updatedAt }
 *            (each member writes their own answers, in the meeting or ahead of it)
 *   'timers' date → the shared 15-minute timer (shared/sprint/syncUpTimer.ts), written whole
 */
export const SYNCUP_COLLECTION = 'syncup'
export const TIMERS_COLLECTION = 'timers'

export type SyncUpField = 'yesterday' | 'today' | 'blockers'

const NONE: WithId<SyncUpEntry>[] = []

export function useSyncUpEntries(link: DocLink | null, date: string): WithId<SyncUpEntry>[] {
  return useDocRead(link?.doc, (doc) => readCollection(doc, SYNCUP_COLLECTION, SyncUpEntry).filter((e) => e.date === date), NONE, [date])
}

export function saveSyncUpAnswer(link: DocLink, date: string, memberId: string, field: SyncUpField, text: string): void {
  patchRecord(link.doc, SYNCUP_COLLECTION, syncUpEntryId(date, memberId), { date, memberId, [field]: text, updatedAt: Date.now() })
}

function toTimer(record: TimerRecord | null): SharedTimer | null {
  if (!record) return null
  const timer: SharedTimer = { startedAt: record.startedAt, durationMs: record.durationMs, startedBy: record.startedBy }
  if (typeof record.pausedAt === 'number') timer.pausedAt = record.pausedAt
  return timer
}

export function useSyncUpTimer(link: DocLink | null, date: string): SharedTimer | null {
  return useDocRead(link?.doc, (doc) => toTimer(readRecord(doc, TIMERS_COLLECTION, date, TimerRecord)), null, [date])
}

/** Writes the day's timer in full (null: reset). */
export function writeSyncUpTimer(link: DocLink, date: string, timer: SharedTimer | null): void {
  // cleared, not removed: the day's timer can be started again
  if (!timer) return clearRecord(link.doc, TIMERS_COLLECTION, date)
  patchRecord(link.doc, TIMERS_COLLECTION, date, {
    startedAt: timer.startedAt,
    durationMs: timer.durationMs,
    startedBy: timer.startedBy,
    pausedAt: timer.pausedAt ?? null
  })
}
