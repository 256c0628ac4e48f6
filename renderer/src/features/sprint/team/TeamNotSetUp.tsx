import { browserZone } from '@shared/time/dates.ts'
import type { TeamSprint } from '../store/teamSprint.ts'
import { NotSetUp } from '../common/NotSetUp.tsx'

/** A team space without a cadence yet: its org's copy has not arrived, or nobody set one up. */
export function TeamNotSetUp({ ts, readOnly }: { ts: TeamSprint; readOnly: boolean }) {
  if (ts.org) {
    return (
      <NotSetUp title="Waiting for the org's sprint rhythm">
        <p>
          This team belongs to {ts.org.name ?? 'an org'}. Its sprint settings arrive with the next member who has both the org and this
          team open.
        </p>
      </NotSetUp>
    )
  }
  const zone = browserZone()
  return (
    <NotSetUp
      title="Set up this team's sprints"
      action={
        !readOnly &&
        ts.commands && (
          <button type="button" className="button primary" onClick={() => ts.commands?.setUpDefaults()}>
            Start with two-week sprints
          </button>
        )
      }
    >
      <p>
        Two-week sprints from Wednesday to Tuesday, Monday to Friday, in {zone}: planning on the first day, a 15-minute sync-up every
        day, division planning, team scrum, retrospective and the sprint retro &amp; demo at the end. Everything can be changed
        afterwards in Sprint settings.
      </p>
    </NotSetUp>
  )
}
