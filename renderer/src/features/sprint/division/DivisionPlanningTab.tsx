import { useMemo, useState } from 'react'
import { divisionMarkdown } from '@shared/less/markdown.ts'
import { sprintRange } from '@shared/sprint/schedule.ts'
import { currentSprint } from '@shared/sprint/sprintDays.ts'
import { formatDateRange } from '@shared/sprint/viewerTime.ts'
import { downloadText } from '@ui/files.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { useViewerDay } from '@ui/today.ts'
import { toast } from '@ui/toasts.ts'
import { MeetingFrame } from '../common/MeetingFrame.tsx'
import { SprintPicker } from '../common/SprintPicker.tsx'
import { Waiting } from '../common/NotSetUp.tsx'
import { OrgGate } from '../org/OrgGate.tsx'
import { useDivisionPlanning } from '../store/backlog.ts'
import { parseSprint } from '../timeline/TimelineView.tsx'
import { AddTickets } from './AddTickets.tsx'
import { BacklogItem } from './BacklogItem.tsx'
import '../sprint.css'
import './less.css'

type Show = 'sprint' | 'backlog' | 'all'

/**
 * Division sprint planning (org space), held towards the end of a sprint for the next one: the
 * backlog of candidate tickets, which get estimated in the sprint being planned, the questions,
 * problems and blockers about them, and which team takes each. Route: /division/<n> (n = the
 * sprint being planned; the next one by default).
 */
export function DivisionPlanningTab(props: TabProps) {
  return (
    <OrgGate space={props.space} meId={props.identity.deviceId} readOnly={props.readOnly}>
      {({ cadence }) => <DivisionPlanning {...props} cadence={cadence} />}
    </OrgGate>
  )
}

function DivisionPlanning(props: TabProps & { cadence: Parameters<typeof currentSprint>[0] }) {
  const { today } = useViewerDay()
  const now = currentSprint(props.cadence, today)
  const sprint = parseSprint(props.path[0]) ?? now + 1
  const plan = useDivisionPlanning(props.space, sprint)
  const [show, setShow] = useState<Show>('all')
  const me = useMemo(() => ({ id: props.identity.deviceId, name: props.identity.name }), [props.identity.deviceId, props.identity.name])
  const range = sprintRange(props.cadence, sprint)
  const teamName = useMemo(() => {
    const names = new Map(plan.teams.map((t) => [t.id, t.name || 'Team']))
    return (id: string) => names.get(id) ?? 'A team no longer listed'
  }, [plan.teams])
  if (!plan.commands) return <Waiting />
  const commands = props.readOnly ? null : plan.commands
  const selected = plan.tickets.filter((t) => t.forSprint === sprint)
  const shown = show === 'sprint' ? selected : show === 'backlog' ? plan.tickets.filter((t) => t.forSprint === null) : plan.tickets
  const exportMarkdown = () => {
    const name = `division-planning-sprint-${sprint}.md`
    downloadText(
      name,
      divisionMarkdown({
        orgName: props.space.name,
        sprint,
        sprintDates: formatDateRange(range.startDate, range.endDate),
        tickets: plan.tickets,
        questions: plan.questions,
        teamName,
        present: plan.present.map((p) => p.name)
      })
    )
    toast(`${name} downloaded`)
  }
  const perTeam = plan.teams.map((t) => ({ team: t, count: selected.filter((s) => s.teamId === t.id).length }))
  const unassigned = selected.filter((t) => !t.teamId).length
  return (
    <div className="stack less-page">
      <div className="sp-toolbar">
        <SprintPicker
          sprint={sprint}
          startDate={range.startDate}
          endDate={range.endDate}
          current={sprint === now + 1}
          currentSprint={now + 1}
          currentLabel="Next sprint"
          hrefFor={(n) => `${props.base}/${n}`}
        />
      </div>
      <p className="lead sp-intro">Planning sprint {sprint}: which tickets the teams estimate in their scrums, what is unclear about them, and who takes each.</p>
      <MeetingFrame kind="division-sprint-planning" present={plan.present} me={{ id: props.identity.deviceId, name: props.identity.name, color: props.identity.color }} onExport={exportMarkdown}>
        <h3 className="sp-agenda-title">Sprint {sprint} so far</h3>
        <ul className="less-team-counts" aria-label="Tickets per team">
          {perTeam.map(({ team, count }) => (
            <li key={team.id}>
              {team.name || 'Team'}: {count}
            </li>
          ))}
          <li>No team yet: {unassigned}</li>
        </ul>
      </MeetingFrame>
      {commands && <AddTickets commands={commands} me={me} />}
      <section className="panel" aria-labelledby="backlog-title">
        <div className="sp-panel-head">
          <h2 id="backlog-title">
            Backlog <span className="count">{plan.tickets.length}</span>
          </h2>
          <div className="less-modes" role="group" aria-label="Show">
            {(
              [
                ['all', `All (${plan.tickets.length})`],
                ['sprint', `To estimate in sprint ${sprint} (${selected.length})`],
                ['backlog', 'Not selected']
              ] as const
            ).map(([s, label]) => (
              <button key={s} type="button" className={`button small ${show === s ? 'primary' : ''}`} aria-pressed={show === s} onClick={() => setShow(s)}>
                {label}
              </button>
            ))}
          </div>
        </div>
        {plan.tickets.length === 0 && <p className="muted">No candidate tickets yet. Type one, paste a list or import your tracker&apos;s CSV export above.</p>}
        <ul className="less-backlog" aria-label="Division backlog">
          {shown.map((t) => (
            <BacklogItem
              key={t.id}
              ticket={t}
              sprint={sprint}
              teams={plan.teams}
              teamName={teamName}
              questions={plan.questions.filter((q) => q.ticketId === t.id)}
              commands={commands}
              me={me}
            />
          ))}
        </ul>
      </section>
    </div>
  )
}
