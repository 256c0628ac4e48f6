import { useMemo, type ReactNode } from 'react'
import { Link } from 'wouter'
import type { Cadence, SprintTeam } from '@shared/sprint/cadence.ts'
import { type CeremonyOccurrence, heldOccurrences, scheduleSprint } from '@shared/sprint/schedule.ts'
import { currentSprint } from '@shared/sprint/sprintDays.ts'
import { buildTimeline } from '@shared/sprint/timeline.ts'
import { useViewerDay } from '@ui/today.ts'
import { SprintPicker } from '../common/SprintPicker.tsx'
import { SprintTimeline } from './SprintTimeline.tsx'

/** Sprint numbers in routes: a positive integer, else null. */
export function parseSprint(segment: string | undefined): number | null {
  if (!segment || !/^\d{1,4}$/.test(segment)) return null
  const n = Number(segment)
  return n >= 1 ? n : null
}

export function ceremonyHref(base: string, o: CeremonyOccurrence): string {
  return `${base}/${o.sprint}/ceremony/${encodeURIComponent(o.id)}`
}

export interface TimelineViewProps {
  cadence: Cadence
  teams: readonly SprintTeam[]
  /** the team's own view: its row and the org's */
  teamId?: string
  orgLabel?: string
  /** the tab's route; sprints at `${base}/<n>`, ceremonies at `${base}/<n>/ceremony/<id>` */
  base: string
  path: string[]
  renderCeremony(occurrence: CeremonyOccurrence, backHref: string): ReactNode
  /** shown beside the sprint picker */
  actions?: ReactNode
  /** shown under the timeline, for the sprint on screen */
  below?(sprint: number): ReactNode
}

/** The timeline of one sprint with a sprint picker; a ceremony's page under it. */
export function TimelineView(props: TimelineViewProps) {
  const { zone, today } = useViewerDay()
  const { cadence, teams, teamId, orgLabel } = props
  const current = currentSprint(cadence, today)
  const sprint = parseSprint(props.path[0]) ?? current
  const ceremonyId = props.path[1] === 'ceremony' && props.path[2] ? decodeURIComponent(props.path[2]) : null
  const timeline = useMemo(
    () => buildTimeline(cadence, sprint, teams, { today, ...(teamId ? { teamId } : {}), ...(orgLabel ? { orgLabel } : {}) }),
    [cadence, sprint, teams, today, teamId, orgLabel]
  )
  const hrefFor = (n: number) => `${props.base}/${n}`

  if (ceremonyId) {
    const occurrence = scheduleSprint(cadence, sprint, teams).find((o) => o.id === ceremonyId)
    if (!occurrence) {
      return (
        <div className="panel sp-empty">
          <h2>This meeting is not in sprint {sprint}</h2>
          <p className="muted">
            The team may no longer hold it (see Sprint settings), or the sprint rhythm changed since the link was made.
          </p>
          <Link href={hrefFor(sprint)} className="button small">
            Back to the sprint {sprint} timeline
          </Link>
        </div>
      )
    }
    return <>{props.renderCeremony(occurrence, hrefFor(sprint))}</>
  }

  const held = heldOccurrences(timeline.occurrences).length
  return (
    <>
      <div className="sp-toolbar">
        <SprintPicker
          sprint={sprint}
          startDate={timeline.range.startDate}
          endDate={timeline.range.endDate}
          current={timeline.current}
          currentSprint={current}
          hrefFor={hrefFor}
        />
        <div className="row">{props.actions}</div>
      </div>
      <p className="muted small sp-timeline-note">
        {held} meetings · times in your zone ({zone})
        {cadence.timezone !== zone ? ` · the org's sprint days follow ${cadence.timezone}` : ''}. Choose a meeting to open it.
      </p>
      <SprintTimeline timeline={timeline} viewerZone={zone} hrefFor={(o) => ceremonyHref(props.base, o)} />
      {props.below?.(sprint)}
    </>
  )
}
