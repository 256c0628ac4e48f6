import { useState } from 'react'
import { DurationMinutes, type Cadence, type CeremonySettings, type DayAnchor, type TeamCeremonySettings } from '@shared/sprint/cadence.ts'
import { CEREMONIES, CEREMONY_KINDS, type CeremonyKind } from '@shared/sprint/ceremonies.ts'
import { LocalTime } from '@shared/sprint/localTime.ts'
import { DEFAULT_DAYS } from '@shared/sprint/placement.ts'

const DAY_CHOICES: { value: string; label: string }[] = [
  { value: 'start:0', label: 'First working day' },
  { value: 'start:1', label: 'Second working day' },
  { value: 'start:2', label: 'Third working day' },
  { value: 'end:4', label: 'Fifth-last working day' },
  { value: 'end:3', label: 'Fourth-last working day' },
  { value: 'end:2', label: 'Third-last working day' },
  { value: 'end:1', label: 'Last but one working day' },
  { value: 'end:0', label: 'Last working day' }
]

const anchorValue = (a: DayAnchor) => `${a.from}:${a.workingDay}`
function parseAnchor(value: string): DayAnchor {
  const [from, n] = value.split(':')
  return { from: from === 'end' ? 'end' : 'start', workingDay: Number(n) || 0 }
}

/** A time or minutes cell that saves on blur (or Enter) when valid. */
function CommitInput(props: { label: string; type: 'time' | 'number'; value: string; valid(v: string): boolean; onCommit(v: string): void; disabled?: boolean }) {
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft !== null && draft !== props.value && props.valid(draft)) props.onCommit(draft)
    setDraft(null)
  }
  return (
    <input
      aria-label={props.label}
      type={props.type}
      className={props.type === 'number' ? 'sp-minutes' : 'sp-time'}
      {...(props.type === 'number' ? { min: 5, max: 480, step: 5 } : {})}
      value={draft ?? props.value}
      disabled={props.disabled}
      aria-invalid={draft !== null && !props.valid(draft)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  )
}

const validTime = (v: string) => LocalTime.safeParse(v).success
const validMinutes = (v: string) => DurationMinutes.safeParse(Number(v)).success

/** Org-wide defaults of every ceremony: day of the sprint, time (org or team zone), length. */
export function OrgCeremonyTimes(props: { cadence: Cadence; onSave(kind: CeremonyKind, s: CeremonySettings | null): void; readOnly: boolean }) {
  return (
    <table className="sp-table sp-times">
      <thead>
        <tr>
          <th scope="col">Ceremony</th>
          <th scope="col">Day of the sprint</th>
          <th scope="col">Time</th>
          <th scope="col">Minutes</th>
          <th scope="col">
            <span className="sp-sr-only">Reset</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {CEREMONY_KINDS.map((kind) => {
          const def = CEREMONIES[kind]
          const own = props.cadence.ceremonies[kind]
          const patch = (p: CeremonySettings) => props.onSave(kind, { ...own, ...p })
          return (
            <tr key={kind} data-kind={kind}>
              <th scope="row">
                <span className="sp-legend-dot" aria-hidden="true" /> {def.label}
              </th>
              <td>
                {kind === 'daily-sync-up' ? (
                  <span className="muted">Every working day</span>
                ) : (
                  <select
                    aria-label={`${def.label}: day of the sprint`}
                    value={anchorValue(own?.day ?? DEFAULT_DAYS[kind])}
                    disabled={props.readOnly}
                    onChange={(e) => patch({ day: parseAnchor(e.target.value) })}
                  >
                    {DAY_CHOICES.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                )}
              </td>
              <td>
                <CommitInput label={`${def.label}: time`} type="time" value={own?.start ?? def.defaultStart} valid={validTime} onCommit={(v) => patch({ start: v })} disabled={props.readOnly} />
              </td>
              <td>
                <CommitInput
                  label={`${def.label}: minutes`}
                  type="number"
                  value={String(own?.durationMinutes ?? def.defaultDurationMinutes)}
                  valid={validMinutes}
                  onCommit={(v) => patch({ durationMinutes: Number(v) })}
                  disabled={props.readOnly}
                />
              </td>
              <td>
                {own && !props.readOnly && (
                  <button type="button" className="button small ghost" onClick={() => props.onSave(kind, null)} aria-label={`${def.label}: back to the seed's default`}>
                    Reset
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

const TEAM_KINDS = CEREMONY_KINDS.filter((k) => CEREMONIES[k].scope === 'team')

/** One team's own time and length of its ceremonies, and which it does not hold. */
export function TeamCeremonyTimes(props: {
  cadence: Cadence
  teamId: string
  zone: string
  onSave(kind: CeremonyKind, s: TeamCeremonySettings | null): void
  readOnly: boolean
}) {
  const settings = props.cadence.teams[props.teamId]?.ceremonies ?? {}
  return (
    <table className="sp-table sp-times">
      <thead>
        <tr>
          <th scope="col">Ceremony</th>
          <th scope="col">Held</th>
          <th scope="col">Time ({props.zone})</th>
          <th scope="col">Minutes</th>
          <th scope="col">
            <span className="sp-sr-only">Reset</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {TEAM_KINDS.map((kind) => {
          const def = CEREMONIES[kind]
          const own = settings[kind]
          const org = props.cadence.ceremonies[kind]
          const patch = (p: TeamCeremonySettings) => props.onSave(kind, { ...own, ...p })
          const off = !!own?.cancelled
          return (
            <tr key={kind} data-kind={kind} className={off ? 'sp-off' : undefined}>
              <th scope="row">
                <span className="sp-legend-dot" aria-hidden="true" /> {def.label}
              </th>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${def.label}: held`}
                  checked={!off}
                  disabled={props.readOnly}
                  onChange={(e) => patch({ cancelled: e.target.checked ? undefined : true })}
                />
              </td>
              <td>
                <CommitInput
                  label={`${def.label}: time`}
                  type="time"
                  value={own?.start ?? org?.start ?? def.defaultStart}
                  valid={validTime}
                  onCommit={(v) => patch({ start: v })}
                  disabled={props.readOnly || off}
                />
              </td>
              <td>
                <CommitInput
                  label={`${def.label}: minutes`}
                  type="number"
                  value={String(own?.durationMinutes ?? org?.durationMinutes ?? def.defaultDurationMinutes)}
                  valid={validMinutes}
                  onCommit={(v) => patch({ durationMinutes: Number(v) })}
                  disabled={props.readOnly || off}
                />
              </td>
              <td>
                {own && !props.readOnly && (
                  <button type="button" className="button small ghost" onClick={() => props.onSave(kind, null)} aria-label={`${def.label}: back to the org's default`}>
                    Reset
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
