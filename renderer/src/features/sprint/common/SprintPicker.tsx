import { Link } from 'wouter'
import { formatDateRange } from '@shared/sprint/viewerTime.ts'

/** "‹ Sprint 12 · 7 Jan – 20 Jan 2026 [current] ›", with a way back to the current sprint. */
export function SprintPicker(props: {
  sprint: number
  startDate: string
  endDate: string
  current: boolean
  currentSprint: number
  hrefFor(n: number): string
  /** what the sprint `current` marks is called (meetings that prepare the next sprint: "Next sprint") */
  currentLabel?: string
}) {
  const { sprint } = props
  return (
    <nav className="sp-picker" aria-label="Sprint">
      {sprint > 1 ? (
        <Link href={props.hrefFor(sprint - 1)} className="button small ghost" aria-label="Previous sprint">
          ‹
        </Link>
      ) : (
        <span className="button small ghost" aria-hidden="true" style={{ visibility: 'hidden' }}>
          ‹
        </span>
      )}
      <h2 className="sp-picker-title">
        Sprint {sprint}
        <span className="sp-picker-dates">{formatDateRange(props.startDate, props.endDate)}</span>
      </h2>
      <Link href={props.hrefFor(sprint + 1)} className="button small ghost" aria-label="Next sprint">
        ›
      </Link>
      {props.current ? (
        <span className="badge sp-now-badge">{props.currentLabel ?? 'Current sprint'}</span>
      ) : (
        <Link href={props.hrefFor(props.currentSprint)} className="button small">
          Back to sprint {props.currentSprint}
        </Link>
      )}
    </nav>
  )
}
