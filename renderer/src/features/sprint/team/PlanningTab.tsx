import { currentSprint } from '@shared/sprint/sprintDays.ts'
import { sprintRange } from '@shared/sprint/schedule.ts'
import { usePlanning } from '../store/planning.ts'
import { useSprintDoc } from '../store/sprintDoc.ts'
import { useTeamSprint } from '../store/teamSprint.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { useViewerDay } from '@ui/today.ts'
import { Waiting } from '../common/NotSetUp.tsx'
import { SprintPicker } from '../common/SprintPicker.tsx'
import { parseSprint } from '../timeline/TimelineView.tsx'
import { GoalsPanel, QuestionsPanel } from './PlanningLists.tsx'
import { PlanPanel } from './PlanPanel.tsx'
import { TeamNotSetUp } from './TeamNotSetUp.tsx'
import '../sprint.css'

/** Team sprint planning for one sprint: the goals, the open questions, the plan (who does what). */
export function PlanningTab(props: TabProps) {
  const ts = useTeamSprint(props.space, props.identity.deviceId)
  const { today } = useViewerDay()
  const cadence = ts.setup.composed?.cadence
  const now = cadence ? currentSprint(cadence, today) : null
  const sprint = parseSprint(props.path[0]) ?? now
  const link = useSprintDoc(props.space.id, sprint)
  const planning = usePlanning(link)
  if (!ts.commands) return <Waiting />
  if (!cadence || sprint === null || now === null) return <TeamNotSetUp ts={ts} readOnly={props.readOnly} />
  const range = sprintRange(cadence, sprint)
  // no commands: shown, not changed
  const commands = props.readOnly ? null : planning.commands
  const people = ts.people.filter((p) => !p.observer)
  return (
    <div className="stack sp-planning">
      <div className="sp-toolbar">
        <SprintPicker
          sprint={sprint}
          startDate={range.startDate}
          endDate={range.endDate}
          current={sprint === now}
          currentSprint={now}
          hrefFor={(n) => `${props.base}/${n}`}
        />
      </div>
      <p className="lead sp-intro">
        At the start of the sprint, the team aligns on its goals, resolves open questions about the planned work and decides who
        will do what.
      </p>
      {!link ? (
        <Waiting>Opening sprint {sprint}…</Waiting>
      ) : (
        <>
          <div className="sp-planning-grid">
            <GoalsPanel goals={planning.goals} commands={commands} />
            <QuestionsPanel questions={planning.questions} commands={commands} />
          </div>
          <PlanPanel tickets={planning.tickets} people={people} commands={commands} />
        </>
      )}
    </div>
  )
}
