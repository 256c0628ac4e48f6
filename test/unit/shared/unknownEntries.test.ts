import { describe, expect, it } from 'vitest'
import { UNKNOWN_ENTRIES_NOTICE_AT, unknownEntriesNotice } from '@shared/collections/unknownEntries.ts'

describe('the unknown-entries notice', () => {
  it('stays quiet for honest documents, whatever their records', () => {
    expect(unknownEntriesNotice([])).toBeNull()
    // the root document (meta, members, rekeys, versions) and a journal with 400 session notes
    expect(unknownEntriesNotice([{ foreignRecords: 0, otherRootKeys: 4 }, { foreignRecords: 0, otherRootKeys: 400 }])).toBeNull()
    // a newer app's collection with a few records
    expect(unknownEntriesNotice([{ foreignRecords: 30, otherRootKeys: 4 }])).toBeNull()
    expect(unknownEntriesNotice([{ foreignRecords: UNKNOWN_ENTRIES_NOTICE_AT - 4, otherRootKeys: 4 }])).toBeNull()
  })

  it('counts the documents past the bound and what they hold', () => {
    expect(unknownEntriesNotice([{ foreignRecords: UNKNOWN_ENTRIES_NOTICE_AT, otherRootKeys: 4 }])).toEqual({ entries: UNKNOWN_ENTRIES_NOTICE_AT + 4, documents: 1 })
    expect(
      unknownEntriesNotice([
        { foreignRecords: 25_000, otherRootKeys: 25_004 },
        { foreignRecords: 0, otherRootKeys: 12 },
        { foreignRecords: 0, otherRootKeys: 6_000 }
      ])
    ).toEqual({ entries: 56_004, documents: 2 })
  })

  it('reads nonsense counts as none', () => {
    expect(unknownEntriesNotice([{ foreignRecords: -1e9, otherRootKeys: 3 }])).toBeNull()
    expect(unknownEntriesNotice([{ foreignRecords: Number.NaN, otherRootKeys: Infinity }])).toBeNull()
  })
})
