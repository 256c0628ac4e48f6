import { type StackRow, countAxis, scale, stackBars } from '@shared/retro/reportChart.ts'

/**
 * A hand-drawn stacked bar chart: one bar per row (a sprint, a team), a segment per reason. The
 * SVG is one image with a title and a description; the same numbers are in the table beside it.
 */
export function StackedBars(props: { title: string; description: string; rows: StackRow[]; reasonOrder: string[]; colours: Map<string, string>; labels: Map<string, string> }) {
  const bars = stackBars(props.rows, props.reasonOrder)
  const { top, ticks } = countAxis(Math.max(0, ...bars.map((b) => b.total)))
  const W = 640
  const H = 220
  const left = 36
  const bottom = 34
  const topPad = 24
  const plotH = H - bottom - topPad
  const plotW = W - left - 8
  const slot = plotW / Math.max(1, bars.length)
  const barW = Math.min(56, slot * 0.62)
  const id = props.title.replace(/\W+/g, '-').toLowerCase()
  return (
    <svg className="rt-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{props.title}</title>
      <desc id={`${id}-d`}>{props.description}</desc>
      {ticks.map((t) => {
        const y = topPad + plotH - scale(t, top, plotH)
        return (
          <g key={t} className="rt-chart-grid">
            <line x1={left} x2={W - 8} y1={y} y2={y} />
            <text x={left - 6} y={y + 4} textAnchor="end">
              {t}
            </text>
          </g>
        )
      })}
      {bars.map((b, i) => {
        const x = left + slot * i + (slot - barW) / 2
        return (
          <g key={b.key}>
            {b.segments.map((s) => {
              const y1 = topPad + plotH - scale(s.to, top, plotH)
              const h = scale(s.value, top, plotH)
              return (
                <rect key={s.reasonId} x={x} y={y1} width={barW} height={Math.max(0, h - 1)} rx={3} fill={props.colours.get(s.reasonId) ?? 'var(--muted)'}>
                  <title>{`${b.label}: ${props.labels.get(s.reasonId) ?? s.reasonId} — ${s.value}`}</title>
                </rect>
              )
            })}
            <text className="rt-chart-total" x={x + barW / 2} y={topPad + plotH - scale(b.total, top, plotH) - 6} textAnchor="middle">
              {b.total}
            </text>
            <text className="rt-chart-label" x={x + barW / 2} y={H - bottom + 18} textAnchor="middle">
              {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
