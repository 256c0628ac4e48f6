import type { ReasonStat } from '@shared/retro/lateTickets.ts'

/** Top reasons as horizontal bars (HTML, so long labels wrap), with share and average overrun. */
export function ReasonBars({ reasons, colours }: { reasons: ReasonStat[]; colours: Map<string, string> }) {
  const max = Math.max(1, ...reasons.map((r) => r.count))
  return (
    <ol className="rt-reason-bars" aria-label="Top reasons">
      {reasons.map((r) => (
        <li key={r.reasonId} className="rt-reason-bar">
          <span className="rt-reason-name">{r.label}</span>
          <span className="rt-reason-track" aria-hidden="true">
            <span style={{ width: `${(r.count / max) * 100}%`, background: colours.get(r.reasonId) }} />
          </span>
          <span className="rt-reason-count">
            {r.count} <span className="muted small">· {Math.round(r.share * 100)}% · ×{r.averageOverrun.toFixed(1)} on average</span>
          </span>
        </li>
      ))}
    </ol>
  )
}
