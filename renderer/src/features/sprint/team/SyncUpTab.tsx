import { Link } from 'wouter'
import { IsoDate } from '@shared/time/dates.ts'
import { defaultSyncUpDate, isWorkingDate, sprintOfDate, stepWorkingDate } from '@shared/sprint/sprintDays.ts'
import { scheduleSprint, sprintRange } from '@shared/sprint/schedule.ts'
import { formatLongDay, viewerTime } from '@shared/sprint/viewerTime.ts'
import { useSprintInbox } from '../store/retroInbox.ts'
import { useSprintDoc } from '../store/sprintDoc.ts'
import { useSyncUpDay } from '../store/syncUp.ts'
import { useTeamSprint } from '../store/teamSprint.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { useNow } from '@ui/useNow.ts'
import { useViewerDay } from '@ui/today.ts'
import { Waiting } from '../common/NotSetUp.tsx'
import { RetroInboxPanel } from '../common/RetroInboxPanel.tsx'
import { OpportunityForm } from './OpportunityForm.tsx'
import { SyncUpCard } from './SyncUpCard.tsx'
import { SyncUpTimer } from './SyncUpTimer.tsx'
import { TeamNotSetUp } from './TeamNotSetUp.tsx'
import '../sprint.css'
import { hasBlocker } from '@shared/sprint/blockers.ts'

/**
 * The daily sync-up of one working day: everyone's yesterday / today / blockers (written in the
 * meeting or ahead of it), the shared 15-minute timer, and at the end what anyone noticed, which
 * goes to the sprint's retro inbox.
 */
export function SyncUpTab(props: TabProps) {
  const ts = useTeamSprint(props.space, props.identity.deviceId)
  const { zone, today } = useViewerDay()
  const now = useNow(30_000)
  const cadence = ts.setup.composed?.cadence
  const asked = IsoDate.safeParse(props.path[0]).success ? props.path[0]! : null
  const date = asked ?? (cadence ? defaultSyncUpDate(cadence, today) : null)
  const sprint = cadence && date ? sprintOfDate(cadence, date) : null
  const link = useSprintDoc(props.space.id, sprint)
  const day = useSyncUpDay(link, date ?? '')
  const inbox = useSprintInbox(props.space.id, link)
  const commands = ts.commands
  if (!commands) return <Waiting />
  if (!cadence || !date) return <TeamNotSetUp ts={ts} readOnly={props.readOnly} />
  if (sprint === null) {
    return (
      <div className="panel">
        <h2>Before the first sprint</h2>
        <p className="muted">Sprint 1 starts on {formatLongDay(cadence.firstSprintStart)}.</p>
        <Link href={`${props.base}/${defaultSyncUpDate(cadence, cadence.firstSprintStart)}`}>Go to its first sync-up</Link>
      </div>
    )
  }
  const meId = props.identity.deviceId
  const range = sprintRange(cadence, sprint)
  const dayNumber = range.workingDates.indexOf(date) + 1
  const meeting = scheduleSprint(cadence, sprint, [ts.team]).find((o) => o.kind === 'daily-sync-up' && o.plannedDate === date)
  const when = meeting ? viewerTime(meeting, zone) : null
  const upcoming = defaultSyncUpDate(cadence, today)
  const prev = stepWorkingDate(cadence, date, -1)
  const next = stepWorkingDate(cadence, date, 1)
  const members = ts.people.filter((p) => !p.observer)
  const observers = ts.people.filter((p) => p.observer)
  const byMember = new Map(day.entries.map((e) => [e.memberId, e]))
  const blocked = members.filter((p) => hasBlocker(byMember.get(p.id)?.blockers ?? '')).length
  // no commands: shown, not changed
  const syncUp = props.readOnly ? null : day.commands
  const inboxCommands = props.readOnly ? null : inbox.commands
  const author = { id: meId, name: ts.me?.name ?? props.identity.name }

  return (
    <div className="sp-syncup">
      <div className="sp-toolbar">
        <nav className="sp-picker" aria-label="Day">
          {prev ? (
            <Link href={`${props.base}/${prev}`} className="button small ghost" aria-label="Previous working day">
              ‹
            </Link>
          ) : (
            <span className="button small ghost" aria-hidden="true" style={{ visibility: 'hidden' }}>
              ‹
            </span>
          )}
          <h2 className="sp-picker-title">
            {formatLongDay(date)}
            <span className="sp-picker-dates">
              Sprint {sprint}
              {dayNumber > 0 ? ` · day ${dayNumber} of ${range.workingDates.length}` : ''}
            </span>
          </h2>
          {next && (
            <Link href={`${props.base}/${next}`} className="button small ghost" aria-label="Next working day">
              ›
            </Link>
          )}
          {date === today ? (
            <span className="badge sp-now-badge">Today</span>
          ) : date === upcoming ? (
            <span className="badge sp-now-badge">Next working day</span>
          ) : (
            <Link href={`${props.base}/${upcoming}`} className="button small">
              {isWorkingDate(cadence, today) ? 'Today' : 'Next working day'}
            </Link>
          )}
        </nav>
        <div className="sp-meeting-time">
          {meeting && when ? (
            <span className={meeting.cancelled ? 'sp-cancelled-text' : ''}>
              {meeting.cancelled ? 'Cancelled: ' : ''}
              {when.start}–{when.end} your time{when.zoneNote ? ` (${when.zoneNote})` : ''}
            </span>
          ) : (
            <span className="muted">{isWorkingDate(cadence, date) ? 'No sync-up planned this day.' : 'Not a working day.'} Answers can still be written.</span>
          )}
        </div>
      </div>
      {blocked > 0 && (
        <p className="sp-blocked-summary" role="status">
          {blocked === 1 ? '1 person is blocked' : `${blocked} people are blocked`} — talk about it first.
        </p>
      )}
      <div className="sp-syncup-layout">
        <div className="sp-syncup-cards">
          {ts.me?.observer && (
            <div className="alert info">
              <span>You are observing this team&apos;s sync-up.</span>
              {!props.readOnly && (
                <button type="button" className="button small" onClick={() => commands.savePerson(meId, { observer: false })}>
                  I&apos;m on this team
                </button>
              )}
            </div>
          )}
          {members.map((p) => (
            <SyncUpCard
              key={`${date}|${p.id}`}
              person={p}
              entry={byMember.get(p.id)}
              mine={p.id === meId}
              now={now}
              onSave={p.id === meId && syncUp ? (field, text) => syncUp.saveAnswer(p.id, field, text) : null}
            />
          ))}
          {observers.length > 0 && <p className="muted small sp-observers">Observing: {observers.map((o) => o.name).join(', ')}</p>}
        </div>
        <aside className="sp-syncup-side">
          <SyncUpTimer timer={day.timer} offsetOf={day.offsetOf} meId={meId} people={ts.people} onWrite={syncUp?.writeTimer ?? null} />
          {inboxCommands && <OpportunityForm onLog={(text) => inboxCommands.log({ text, author, date })} />}
          <RetroInboxPanel items={inbox.items} sprint={sprint} meId={meId} onRemove={inboxCommands?.remove ?? null} />
        </aside>
      </div>
    </div>
  )
}
