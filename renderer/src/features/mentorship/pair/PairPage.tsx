import { useMemo, type ReactNode } from 'react'
import type { PairInfo } from '@shared/mentorship/pairRecords.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { useJournal, type Journal } from '../store/docs.ts'
import { patchPairInfo, usePairInfo } from '../store/pair.ts'
import type { EditorUser } from '@ui/editor/RichText.tsx'
import type { TabProps } from '@ui/spaceTab.tsx'
import { localDate } from '@ui/today.ts'
import { formatDay } from '../formatDay.ts'
import { StartClashNotice } from './StartClashNotice.tsx'
import '../mentorship.css'

/** What every view of a pair needs: its journal, header and who is looking. */
export interface Pair {
  spaceId: string
  journal: Journal
  info: PairInfo
  /** the two participants' names ('' while not known) */
  names: [string, string]
  me: EditorUser
  identity: IdentityRow
  /** ended pairs and left spaces are shown, not edited */
  readOnly: boolean
  /** the space itself is read-only here (left, or a newer layout): not even the end-of-pairing feedback is written */
  spaceReadOnly: boolean
  tracker: string | null
  base: string
  path: string[]
}

/** Loads the pair's journal and hands it to the view; says so when the pairing has ended. */
export function PairPage({ tab, children }: { tab: TabProps; children: (pair: Pair) => ReactNode }) {
  const journal = useJournal(tab.space.id)
  const info = usePairInfo(journal)
  const { deviceId, name, color } = tab.identity
  const me = useMemo(() => ({ id: deviceId, name, color }), [deviceId, name, color])
  if (!journal) {
    return (
      <div className="mentor-page" aria-busy="true">
        <p className="muted">Opening the pair&apos;s journal…</p>
      </div>
    )
  }
  const [a, b] = info.participants
  const ended = info.endedAt !== null
  const pair: Pair = {
    spaceId: tab.space.id,
    journal,
    info,
    names: [a?.name ?? '', b?.name ?? ''],
    me,
    identity: tab.identity,
    readOnly: tab.readOnly || ended,
    spaceReadOnly: tab.readOnly,
    tracker: info.trackerBaseUrl || null,
    base: tab.base,
    path: tab.path
  }
  return (
    <div className="mentor-page">
      <StartClashNotice spaceId={tab.space.id} me={deviceId} />
      {ended && (
        <div className="alert info ended-banner" role="note">
          <span>
            This pairing ended on {formatDay(localDate(info.endedAt ?? 0))}
            {info.endedBy ? ` (ended by ${info.endedBy})` : ''}. The journal stays readable here for both of you.
          </span>
          {!tab.readOnly && (
            <button type="button" className="button small" onClick={() => patchPairInfo(journal, { endedAt: null, endedBy: null })}>
              Pick it up again
            </button>
          )}
        </div>
      )}
      {children(pair)}
    </div>
  )
}

/** "Daria" for "Daria Petrova": how the app addresses people in sentences. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name
}
