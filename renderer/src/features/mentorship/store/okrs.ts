import { applyCheckIn, parseOkr, type CheckIn, type Okr } from '@shared/mentorship/okr.ts'
import type { OkrRecord } from '@shared/mentorship/pairRecords.ts'
import { useMemo } from 'react'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
import { journalDoc, type Journal, type JournalRef } from './docs.ts'
import { OKRS } from './lists.ts'

/**
 * Personal OKRs, one record per OKR with its mentee; key results and check-ins are whole JSON
 * values (an OKR is edited as a whole and validated with parseOkr before it is written).
 */
export interface OkrView {
  okr: Okr
  mentee: string
  createdAt: number
}

function toView(record: Rec<OkrRecord>): OkrView | null {
  const checked = parseOkr({ id: record.id, quarter: record.quarter, objective: record.objective, keyResults: record.keyResults, checkIns: record.checkIns })
  return checked.ok ? { okr: checked.okr, mentee: record.mentee, createdAt: record.createdAt } : null
}

function views(records: readonly Rec<OkrRecord>[]): OkrView[] {
  return records
    .map(toView)
    .filter((v): v is OkrView => v !== null)
    .sort((a, b) => b.okr.quarter.localeCompare(a.okr.quarter) || a.createdAt - b.createdAt)
}

export function readOkrs(journal: JournalRef): OkrView[] {
  return views(collection(journalDoc(journal), OKRS).list())
}

export function useOkrs(journal: Journal | null): OkrView[] {
  const records = useRecords(journal && journalDoc(journal), OKRS)
  return useMemo(() => views(records), [records])
}

/** Writes a whole, already validated OKR. */
export function saveOkr(journal: JournalRef, okr: Okr, mentee: string): void {
  const okrs = collection(journalDoc(journal), OKRS)
  const existing = okrs.get(okr.id)
  okrs.patch(okr.id, {
    mentee,
    quarter: okr.quarter,
    objective: okr.objective,
    keyResults: okr.keyResults,
    checkIns: okr.checkIns,
    createdAt: existing?.createdAt ?? Date.now()
  })
}

/** Records a check-in on the OKR as it is now in the document (throws with what is wrong). */
export function recordCheckIn(journal: JournalRef, okrId: string, checkIn: CheckIn): void {
  const okrs = collection(journalDoc(journal), OKRS)
  const record = okrs.get(okrId)
  const view = record ? toView(record) : null
  if (!view) throw new Error('This OKR is no longer here.')
  const next = applyCheckIn(view.okr, checkIn)
  okrs.patch(okrId, { keyResults: next.keyResults, checkIns: next.checkIns })
}

export function removeOkr(journal: JournalRef, okrId: string): void {
  collection(journalDoc(journal), OKRS).remove(okrId)
}
