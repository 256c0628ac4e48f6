import { Link, useLocation } from 'wouter'
import { formatDuration } from '@shared/mentorship/journalDates.ts'
import { addSession, useSessions } from '../store/sessions.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { localToday } from '@ui/today.ts'
import { formatDay } from '../formatDay.ts'
import { PairPage, type Pair } from '../pair/PairPage.tsx'
import { SessionEditor } from './SessionEditor.tsx'

/** The sessions journal: the list, and the session open in the editor. */
export function SessionsTab(props: TabProps) {
  return <PairPage tab={props}>{(pair) => <Sessions pair={pair} />}</PairPage>
}

function Sessions({ pair }: { pair: Pair }) {
  const sessions = useSessions(pair.journal)
  const [, navigate] = useLocation()
  const openId = pair.path[0] ?? sessions[sessions.length - 1]?.id ?? null
  const open = sessions.find((s) => s.id === openId) ?? null

  const add = () => {
    const first = sessions.length === 0
    const id = addSession(pair.journal, { title: first ? 'The intro' : `Session ${sessions.length + 1}`, date: localToday(), durationMinutes: first ? 30 : 60 })
    navigate(`${pair.base}/${id}`)
  }

  return (
    <div className="sessions-layout">
      <nav className="session-nav" aria-label="Sessions">
        <div className="session-nav-head">
          <h2 className="view-title">Sessions</h2>
          {!pair.readOnly && (
            <button type="button" className="button primary small" onClick={add}>
              New session
            </button>
          )}
        </div>
        {sessions.length === 0 ? (
          <p className="empty">No sessions yet. Start with your intro: 30 minutes, both directions.</p>
        ) : (
          <ul className="session-list">
            {[...sessions].reverse().map((s) => (
              <li key={s.id}>
                <Link href={`${pair.base}/${s.id}`} className="session-link" aria-current={s.id === open?.id ? 'page' : undefined}>
                  <span className="session-title">{s.title || 'Untitled session'}</span>
                  <span className="muted small">
                    {[formatDay(s.date), s.durationMinutes ? formatDuration(s.durationMinutes) : ''].filter(Boolean).join(' · ') || 'No date yet'}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <div className="session-main">
        {open ? (
          <SessionEditor key={open.id} pair={pair} session={open} onRemoved={() => navigate(pair.base)} />
        ) : (
          <div className="panel empty-panel">
            <p className="muted">{pair.path[0] ? 'This session is not in the journal any more.' : 'Pick a session, or start a new one.'}</p>
          </div>
        )}
      </div>
    </div>
  )
}
