import type * as Y from 'yjs'
import { applyCheckIn, parseOkr, type CheckIn, type Okr } from '../../../../shared/mentorship/okr.ts'
import { OkrRecord } from '../../../../shared/mentorship/pairRecords.ts'
import { patchRecord, readCollection, readRecord, removeRecord, useDocRead, type WithId } from '../collections.ts'
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

function toView(record: WithId<OkrRecord>): OkrView | null {
  const checked = parseOkr({ id: record.id, quarter: record.quarter, objective: record.objective, keyResults: record.keyResults, checkIns: record.checkIns })
  return checked.ok ? { okr: checked.okr, mentee: record.mentee, createdAt: record.createdAt } : null
}

export function readOkrs(doc: Y.Doc): OkrView[] {
  return readCollection(doc, OKRS, OkrRecord)
    .map(toView)
    .filter((v): v is OkrView => v !== null)
    .sort((a, b) => b.okr.quarter.localeCompare(a.okr.quarter) || a.createdAt - b.createdAt)
}

const NONE: OkrView[] = []

export function useOkrs(doc: Y.Doc | null): OkrView[] {
  return useDocRead(doc, readOkrs, NONE)
}

/** Writes a whole, already validated OKR. */
export function saveOkr(doc: Y.Doc, okr: Okr, mentee: string): void {
  const existing = readRecord(doc, OKRS, okr.id, OkrRecord)
  patchRecord(doc, OKRS, okr.id, {
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
  const record = readRecord(doc, OKRS, okrId, OkrRecord)
  const view = record ? toView(record) : null
  if (!view) throw new Error('This OKR is no longer here.')
  const next = applyCheckIn(view.okr, checkIn)
  patchRecord(doc, OKRS, okrId, { keyResults: next.keyResults, checkIns: next.checkIns })
}

export function removeOkr(doc: Y.Doc, okrId: string): void {
  removeRecord(doc, OKRS, okrId)
}
