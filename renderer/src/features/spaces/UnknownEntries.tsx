import { useEffect, useState } from 'react'
import { unknownEntriesNotice } from '@shared/collections/unknownEntries.ts'
import { documentStats } from '@core/collections/index.ts'
import { syncManager } from '@core/sync/syncManager.ts'

/** how often the counts are read again while the space's page is open (each read: a few Map lookups per document) */
const CHECK_EVERY_MS = 10_000

/**
 * A calm notice when this space's documents hold thousands of entries no collection of this app
 * reads (shared/collections/unknownEntries.ts): a member's device writing junk, most likely. It
 * names nobody (Yjs client ids prove nothing) and points to removing a member.
 */
export function UnknownEntries({ spaceId, loaded }: { spaceId: string; loaded: boolean }) {
  const [notice, setNotice] = useState<{ entries: number; documents: number } | null>(null)
  useEffect(() => {
    const read = () => {
      const next = unknownEntriesNotice(syncManager.loadedDocs(spaceId).map((doc) => documentStats(doc)))
      setNotice((now) => (now?.entries === next?.entries && now?.documents === next?.documents ? now : next))
    }
    read()
    const timer = setInterval(read, CHECK_EVERY_MS)
    return () => clearInterval(timer)
  }, [spaceId, loaded])
  if (!notice) return null
  const where = notice.documents > 1 ? ` in ${notice.documents} of its documents` : ''
  return (
    <section className="panel" aria-labelledby="unknown-entries-title">
      <h2 id="unknown-entries-title">Entries this app does not read</h2>
      <p role="status">
        This space holds {notice.entries.toLocaleString('en-US')} entries this version of Tandem does not read{where}. A newer version of Tandem may
        add a few; this many usually means a member&apos;s device is writing junk into the space. It costs this device little, but every
        member&apos;s device keeps it.
      </p>
      <p className="muted small">
        Tandem cannot tell whose device writes it. If you know, remove that member below: the space gets a new key they do not have, and
        they can write nothing more.
      </p>
    </section>
  )
}
