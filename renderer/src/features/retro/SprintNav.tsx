import { Link } from 'wouter'

/** "‹ Sprint 12 (7 Jan – 20 Jan) ›" with a way back to the current sprint. */
export function SprintNav(props: { sprint: number; current: number; dates?: string | undefined; hrefFor(n: number): string; label?: string }) {
  const { sprint, current } = props
  return (
    <nav className="rt-sprint-nav" aria-label="Sprint">
      {sprint > 1 ? (
        <Link href={props.hrefFor(sprint - 1)} className="button small ghost rt-arrow" aria-label={`Sprint ${sprint - 1}`}>
          ‹
        </Link>
      ) : (
        <span className="button small ghost rt-arrow" aria-hidden="true" style={{ visibility: 'hidden' }}>
          ‹
        </span>
      )}
      <h2 className="rt-sprint-title">
        <span className="rt-sprint-number">
          {props.label ?? 'Sprint'} {sprint}
        </span>
        {props.dates && (
          <span className="rt-sprint-dates">
            <span className="rt-sr-only">, </span>
            {props.dates}
          </span>
        )}
      </h2>
      <Link href={props.hrefFor(sprint + 1)} className="button small ghost rt-arrow" aria-label={`Sprint ${sprint + 1}`}>
        ›
      </Link>
      {sprint === current ? (
        <span className="badge rt-now">Current sprint</span>
      ) : (
        <Link href={props.hrefFor(current)} className="button small">
          Back to sprint {current}
        </Link>
      )}
    </nav>
  )
}

/** The sprint number in a route segment, if it is one. */
export function parseSprintSegment(segment: string | undefined): number | null {
  if (!segment || !/^\d{1,5}$/.test(segment)) return null
  const n = Number(segment)
  return n >= 1 ? n : null
}

/** "7 Jan – 20 Jan 2026" from two ISO dates. */
export function dateRange(from: string, to: string): string {
  const fmt = (d: string, year: boolean) =>
    new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' })
  return `${fmt(from, false)} – ${fmt(to, true)}`
}
