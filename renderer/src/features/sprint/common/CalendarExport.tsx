import { useMemo, useState } from 'react'
import type { Cadence, SprintTeam } from '@shared/sprint/cadence.ts'
import { CEREMONIES } from '@shared/sprint/ceremonies.ts'
import { exportIcs, exportedOccurrences } from '@shared/sprint/ics.ts'
import { currentSprint } from '@shared/sprint/sprintDays.ts'
import { formatDateRange, formatDay } from '@shared/sprint/viewerTime.ts'
import { Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'
import { useViewerDay } from '@ui/today.ts'
import { downloadText } from '@ui/files.ts'
import { slugify } from '@shared/text/slug.ts'

function fileNameOf(name: string): string {
  return `${slugify(name, 'sprint')}-ceremonies.ics`
}

/**
 * The .ics of the sprint ceremonies for the org or one team: which sprints, what the file holds
 * (one recurring event per ceremony and team, with its exceptions), and a download. Events keep
 * their UIDs between exports, so importing a newer file updates the calendar instead of copying.
 */
export function CalendarExport(props: {
  cadence: Cadence
  teams: readonly SprintTeam[]
  /** pick a team (org view) or fixed to one (team view) */
  teamId?: string
  choose?: boolean
  orgId: string
  orgName: string
}) {
  const { today } = useViewerDay()
  const now = currentSprint(props.cadence, today)
  const [teamId, setTeamId] = useState(props.teamId ?? '')
  const [from, setFrom] = useState(now)
  const [count, setCount] = useState(6)
  const to = from + count - 1
  const team = props.teams.find((t) => t.id === teamId)
  const options = useMemo(
    () => ({ teams: props.teams, ...(teamId ? { teamId } : {}), fromSprint: from, toSprint: to, orgId: props.orgId }),
    [props.teams, teamId, from, to, props.orgId]
  )
  const series = useMemo(() => {
    const groups = new Map<string, { label: string; held: number; cancelled: number; first: string; last: string }>()
    for (const o of exportedOccurrences(props.cadence, options)) {
      const who = o.teamId ? (props.teams.find((t) => t.id === o.teamId)?.name ?? 'Team') : props.orgName
      const key = `${o.kind}|${o.teamId ?? ''}`
      const g = groups.get(key) ?? { label: `${CEREMONIES[o.kind].label} · ${who}`, held: 0, cancelled: 0, first: o.localDate, last: o.localDate }
      if (o.cancelled) g.cancelled++
      else g.held++
      g.last = o.localDate
      groups.set(key, g)
    }
    return [...groups.values()]
  }, [props.cadence, props.teams, props.orgName, options])

  const name = team ? team.name : props.orgName
  const save = () => {
    const text = exportIcs(props.cadence, { ...options, calendarName: `${name} · sprint ceremonies` })
    downloadText(fileNameOf(name), text, 'text/calendar')
    toast(`Calendar for ${name} downloaded`)
  }
  const held = series.reduce((n, s) => n + s.held, 0)
  return (
    <div className="stack sp-calendar">
      <div className="sp-calendar-form">
        {props.choose && (
          <Field label="Calendar of">
            <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">The whole org</option>
              {props.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="From sprint">
          <input type="number" min={1} value={from} onChange={(e) => setFrom(Math.max(1, Math.floor(Number(e.target.value)) || 1))} />
        </Field>
        <Field label="Sprints">
          <input type="number" min={1} max={26} value={count} onChange={(e) => setCount(Math.min(26, Math.max(1, Math.floor(Number(e.target.value)) || 1)))} />
        </Field>
        <button type="button" className="button primary" onClick={save} disabled={held === 0}>
          Download .ics
        </button>
      </div>
      <p className="muted small">
        Sprints {from}–{to} for {team ? team.name : 'the whole org'}: {held} meetings in {series.length} recurring events, with times in
        each ceremony&apos;s own zone. Importing a newer file updates these events instead of adding copies.
      </p>
      <table className="sp-table" aria-label="What the calendar holds">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Meetings</th>
            <th scope="col">From – to</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.label}>
              <td>{s.label}</td>
              <td>
                {s.held}
                {s.cancelled > 0 && <span className="muted"> ({s.cancelled} cancelled)</span>}
              </td>
              <td>{s.first === s.last ? formatDay(s.first) : formatDateRange(s.first, s.last)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
