import type * as Y from 'yjs'
import { applyCheckIn, parseOkr, type CheckIn, type Okr } from '@shared/mentorship/okr.ts'
import type { OkrRecord } from '@shared/mentorship/pairRecords.ts'
import { useMemo } from 'react'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
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

export function readOkrs(doc: Y.Doc): OkrView[] {
  return views(collection(doc, OKRS).list())
}

export function useOkrs(doc: Y.Doc | null): OkrView[] {
  const records = useRecords(doc, OKRS)
  return useMemo(() => views(records), [records])
}

/** Writes a whole, already validated OKR. */
export function saveOkr(doc: Y.Doc, okr: Okr, mentee: string): void {
  const existing = collection(doc, OKRS).get(okr.id)
  collection(doc, OKRS).patch(okr.id, {
    mentee,
    quarter: okr.quarter,
    objective: okr.objective,
    keyResults: okr.keyResults,
    checkIns: okr.checkIns,
    createdAt: existing?.createdAt ?? Date.now()
  })
}

/** Records a check-in on the OKR as it is now in the document (throws with what is wrong). */
export function recordCheckIn(doc: Y.Doc, okrId: string, checkIn: CheckIn): void {
  const record = collection(doc, OKRS).get(okrId)
  const view = record ? toView(record) : null
  if (!view) throw new Error('This OKR is no longer here.')
  const next = applyCheckIn(view.okr, checkIn)
  collection(doc, OKRS).patch(okrId, { keyResults: next.keyResults, checkIns: next.checkIns })
}

export function removeOkr(doc: Y.Doc, okrId: string): void {
  collection(doc, OKRS).remove(okrId)
}
