/**
 * When a space says its documents hold junk (issue 10 #14). A document's root holds records of the
 * collections this app defines and a handful of other entries (`meta`, `members`, `rekeys`, the
 * version map, one rich-text note per mentoring session …). What no collection of this app reads —
 * records of an unknown collection and other root keys — costs an honest device little (reads skip
 * it, and no update walks it), but every device keeps it for good, and nothing in Yjs can refuse
 * part of an update without breaking sync. So past a bound far above any honest document the space
 * shows a calm notice with the count: a newer version of the app may write a few unknown entries;
 * thousands mean a member's device is writing junk, and removing that member (a new key) stops it.
 * Yjs client ids are not authenticated, so the notice names nobody.
 */
export const UNKNOWN_ENTRIES_NOTICE_AT = 5_000

/** What one document holds (core/collections `documentStats`). */
export interface RootCounts {
  /** records of collections this app does not define */
  foreignRecords: number
  /** root keys that are no record: `meta`, `members`, rich-text notes … and junk */
  otherRootKeys: number
}

const count = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0)

/** Entries no collection reads, in the documents past the bound (null: none is). */
export function unknownEntriesNotice(documents: readonly RootCounts[]): { entries: number; documents: number } | null {
  let entries = 0
  let over = 0
  for (const d of documents) {
    const unknown = count(d.foreignRecords) + count(d.otherRootKeys)
    if (unknown <= UNKNOWN_ENTRIES_NOTICE_AT) continue
    entries += unknown
    over++
  }
  return over > 0 ? { entries, documents: over } : null
}
