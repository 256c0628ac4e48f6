import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { SharedTimer } from '@shared/sync/clock.ts'
import { type SyncUpEntry, type TimerRecord, syncUpEntryId } from '@shared/sprint/sprintRecords.ts'
import { collection, useRecord, useRecords, type Rec } from '@core/collections/index.ts'
import { useClockOffsets } from '@core/sync/clock.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { SYNCUP, TIMERS } from './collections.ts'

/**
 * The daily sync-up, in the team's document for the sprint:
 *   answers  `${date}|${memberId}` → { date, memberId, yesterday, today, blockers, updatedAt }
 *            (each member writes their own answers, in the meeting or ahead of it; sealed with
 *            their key, collections.ts: one under another member's id, or not sealed by the
 *            member it names, is not read)
 *   timers   date → the shared 15-minute timer (shared/sprint/syncUpTimer.ts), written whole
 */
export type SyncUpField = 'yesterday' | 'today' | 'blockers'
export type SyncUpAnswers = Rec<SyncUpEntry>

/** Whether an entry sits under its own id (`${date}|${memberId}`): its seal names its writer, the id must too. */
const underOwnId = (e: SyncUpAnswers): boolean => e.id === syncUpEntryId(e.date, e.memberId)

/** One day's answers as the sync-up shows them: sealed by their member, each under that member's id. */
export function readSyncUpDay(doc: Y.Doc, date: string): SyncUpAnswers[] {
  return collection(doc, SYNCUP)
    .list()
    .filter((e) => e.date === date && underOwnId(e))
}

export function saveSyncUpAnswer(doc: Y.Doc, date: string, memberId: string, field: SyncUpField, text: string): void {
  collection(doc, SYNCUP).upsert(syncUpEntryId(date, memberId), { date, memberId, [field]: text, updatedAt: Date.now() })
}

function toTimer(record: TimerRecord | null): SharedTimer | null {
  if (!record) return null
  const timer: SharedTimer = { startedAt: record.startedAt, durationMs: record.durationMs, startedBy: record.startedBy }
  if (typeof record.pausedAt === 'number') timer.pausedAt = record.pausedAt
  return timer
}

export function readSyncUpTimer(doc: Y.Doc, date: string): SharedTimer | null {
  return toTimer(collection(doc, TIMERS).get(date))
}

/** Writes the day's timer in full (null: reset). */
export function writeSyncUpTimer(doc: Y.Doc, date: string, timer: SharedTimer | null): void {
  const timers = collection(doc, TIMERS)
  // cleared, not removed: the day's timer can be started again
  if (!timer) return timers.clear(date)
  timers.upsert(date, { startedAt: timer.startedAt, durationMs: timer.durationMs, startedBy: timer.startedBy, pausedAt: timer.pausedAt ?? null })
}

export interface SyncUpCommands {
  saveAnswer(memberId: string, field: SyncUpField, text: string): void
  /** the day's timer in full (null: reset) */
  writeTimer(timer: SharedTimer | null): void
}

export interface SyncUpDay {
  /** everyone's answers of the day */
  entries: readonly SyncUpAnswers[]
  timer: SharedTimer | null
  /** a peer's clock offset (the shared timer reads the starter's clock) */
  offsetOf(memberId: string): number
  /** null until the sprint's document is open */
  commands: SyncUpCommands | null
}

/** One day's sync-up: answers, the shared timer and the clock offsets it needs. */
export function useSyncUpDay(link: DocLink | null, date: string): SyncUpDay {
  const doc = link?.doc ?? null
  const all = useRecords(doc, SYNCUP)
  const entries = useMemo(() => all.filter((e) => e.date === date && underOwnId(e)), [all, date])
  const record = useRecord(doc, TIMERS, date)
  const timer = useMemo(() => toTimer(record), [record])
  const offsetOf = useClockOffsets(link)
  const commands = useMemo<SyncUpCommands | null>(
    () =>
      doc && {
        saveAnswer: (memberId, field, text) => saveSyncUpAnswer(doc, date, memberId, field, text),
        writeTimer: (next) => writeSyncUpTimer(doc, date, next)
      },
    [doc, date]
  )
  return { entries, timer, offsetOf, commands }
}
