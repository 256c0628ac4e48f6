import { sprintAt, sprintRange } from '@shared/sprint/schedule.ts'
import { useBoard } from './store/board.ts'
import { useTeamRetro } from './store/team.ts'
import { useTeamSprint } from '@features/sprint/index.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { Board } from './board/Board.tsx'
import { BoardSetup } from './setup/BoardSetup.tsx'
import { SprintNav, dateRange, parseSprintSegment } from './SprintNav.tsx'
import './retro.css'

/**
 * The team's retrospective for a sprint (route …/retro/<n>, default the current sprint): the
 * board in the sprint's shared document, or the form that creates it.
 */
export function RetroTab(props: TabProps) {
  const me = props.identity
  const ts = useTeamSprint(props.space, me.deviceId)
  const team = useTeamRetro(props.space.id)
  const cadence = ts.setup.composed?.cadence
  const current = cadence ? (sprintAt(cadence, new Date()) ?? 1) : null
  const sprint = parseSprintSegment(props.path[0]) ?? current
  const data = useBoard(props.space.id, sprint)
  const orgSpaceId = team.settings.orgSpaceId ?? ts.org?.spaceId ?? null

  if (!ts.doc || !team.loaded) return <p className="muted" aria-busy="true">Opening the team…</p>
  if (!cadence || sprint === null || current === null) {
    return (
      <section className="panel rt-empty" aria-label="No sprints yet">
        <h2>No sprints yet</h2>
        <p className="muted">
          {ts.org
            ? `This team follows ${ts.org.name ?? 'its org'}'s sprint rhythm; it arrives with the next member who has both spaces open.`
            : 'Set up the team’s sprint rhythm in the Sprint tab; each sprint then gets its retrospective board here.'}
        </p>
      </section>
    )
  }
  const range = sprintRange(cadence, sprint)
  const { session, board } = data
  return (
    <div className="rt-page">
      <div className="rt-toolbar">
        <SprintNav sprint={sprint} current={current} dates={dateRange(range.startDate, range.endDate)} hrefFor={(n) => `${props.base}/${n}`} />
      </div>
      {!session ? (
        <p className="muted" aria-busy="true">
          Opening sprint {sprint}…
        </p>
      ) : board ? (
        <Board
          data={{ ...data, session, board }}
          me={{ id: me.deviceId, name: me.name }}
          people={ts.people}
          team={team}
          teamSpaceId={props.space.id}
          orgSpaceId={orgSpaceId}
          readOnly={props.readOnly}
        />
      ) : (
        <BoardSetup session={session} teamId={props.space.id} teamName={ts.team.name} sprint={sprint} meId={me.deviceId} readOnly={props.readOnly} />
      )}
    </div>
  )
}
