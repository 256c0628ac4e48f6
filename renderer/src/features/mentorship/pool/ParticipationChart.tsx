import type { MonthCount } from '@shared/mentorship/programView.ts'

const MONTH = (m: string) => new Date(`${m}-15T12:00:00Z`).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' })

/** Pairs running per month, as bars; its name says the same in words for a screen reader. */
export function ParticipationChart({ months }: { months: readonly MonthCount[] }) {
  const max = Math.max(1, ...months.map((m) => m.active))
  const width = 28
  const height = 80
  const words = months.map((m) => `${MONTH(m.month)} ${m.active}`).join(', ')
  return (
    <figure className="participation">
      <figcaption className="small muted">Pairs running per month</figcaption>
      <svg role="img" aria-label={`Pairs running per month: ${words}`} viewBox={`0 0 ${months.length * width} ${height + 30}`} width={months.length * width} height={height + 30}>
        {months.map((m, i) => {
          const h = Math.round((m.active / max) * height)
          return (
            <g key={m.month}>
              <rect x={i * width + 4} y={height - h} width={width - 8} height={Math.max(h, 1)} rx="3" className="participation-bar" />
              <text x={i * width + width / 2} y={height + 12} textAnchor="middle" className="participation-label">
                {MONTH(m.month)}
              </text>
              <text x={i * width + width / 2} y={height + 26} textAnchor="middle" className="participation-label">
                {m.active}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
