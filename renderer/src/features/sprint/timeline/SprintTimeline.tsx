import { useEffect, useRef } from 'react'
import type { CeremonyOccurrence } from '@shared/sprint/schedule.ts'
import type { SprintTimeline as Timeline } from '@shared/sprint/timeline.ts'
import { formatDay } from '@shared/sprint/viewerTime.ts'
import { CEREMONIES, CEREMONY_KINDS } from '@shared/sprint/ceremonies.ts'
import { CeremonyChip, SHORT_LABELS } from './CeremonyChip.tsx'

/**
 * The sprint as the seed's diagram draws it: its days left to right (working days, plus holidays
 * greyed out), a row for the org's meetings and one per team, each day's ceremonies in order.
 * Today's column is marked. Times are the viewer's; a chip's title notes the ceremony's own zone.
 */
export function SprintTimeline(props: { timeline: Timeline; viewerZone: string; hrefFor(o: CeremonyOccurrence): string }) {
  const { timeline } = props
  const rowLabel = (id: string) => timeline.rows.find((r) => r.id === id)?.label
  const wrap = useRef<HTMLDivElement>(null)
  // a sprint wider than the screen opens scrolled to today
  const todayIndex = timeline.columns.findIndex((c) => c.today)
  useEffect(() => {
    const el = wrap.current
    const cell = el?.querySelector<HTMLElement>('th.today')
    const label = el?.querySelector<HTMLElement>('.sp-corner')
    if (!el || !cell || !label) return
    const hidden = cell.offsetLeft + cell.offsetWidth - el.clientWidth
    if (hidden > 0) el.scrollLeft = Math.max(0, cell.offsetLeft - label.offsetWidth - cell.offsetWidth)
  }, [timeline.sprint, todayIndex])
  return (
    <div className="sp-timeline-wrap" ref={wrap}>
      <table className="sp-timeline" aria-label={`Sprint ${timeline.sprint} timeline`}>
        <thead>
          <tr>
            <th scope="col" className="sp-corner">
              <span className="sp-sr-only">Team</span>
            </th>
            {timeline.columns.map((c) => (
              <th
                key={c.date}
                scope="col"
                className={`sp-day${c.today ? ' today' : ''}${c.holiday ? ' holiday' : ''}${c.workingDay === null ? ' off' : ''}`}
                title={c.workingDay !== null ? `Working day ${c.workingDay} of the sprint` : undefined}
                aria-current={c.today ? 'date' : undefined}
              >
                <span className="sp-day-week">{formatDay(c.date).slice(0, 3)}</span>
                <span className="sp-day-name">{formatDay(c.date).slice(4)}</span>
                <span className="sp-day-sub">
                  {c.today ? 'Today' : c.holiday ? 'Holiday' : c.workingDay !== null ? `Day ${c.workingDay}` : 'Moved here'}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {timeline.rows.map((row) => (
            <tr key={row.id} className={row.id === 'org' ? 'sp-org-row' : undefined}>
              <th scope="row" className="sp-row-label">
                {row.label}
                {row.id === 'org' && <span className="sp-row-sub">division &amp; org</span>}
              </th>
              {row.cells.map((cell, i) => {
                const column = timeline.columns[i]
                return (
                  <td
                    key={column?.date ?? i}
                    className={`sp-cell${column?.today ? ' today' : ''}${column?.holiday ? ' holiday' : ''}${column?.workingDay === null ? ' off' : ''}`}
                  >
                    {cell.map((o) => (
                      <CeremonyChip
                        key={o.id}
                        occurrence={o}
                        viewerZone={props.viewerZone}
                        href={props.hrefFor(o)}
                        teamName={o.teamId ? rowLabel(o.teamId) : undefined}
                      />
                    ))}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="sp-legend" aria-label="Ceremonies">
        {CEREMONY_KINDS.map((kind) => (
          <li key={kind} data-kind={kind} title={CEREMONIES[kind].whenText}>
            <span className="sp-legend-dot" aria-hidden="true" />
            {SHORT_LABELS[kind]}
          </li>
        ))}
      </ul>
    </div>
  )
}
