import { resolveCeremonySeries } from '@shared/sprint/settings.ts'
import { syncUpMembersOf } from '@shared/sprint/people.ts'
import { defaultSyncUpDate } from '@shared/sprint/sprintDays.ts'
import { findSyncUpTime, slotTimeIn, type SyncUpSlot } from '@shared/sprint/syncupTime.ts'
import type { TeamSprint } from '../store/teamSprint.ts'
import { toast } from '@ui/toasts.ts'
import { useViewerDay } from '@ui/today.ts'

/**
 * Suggests the sync-up time inside every team member's working hours, closest to everyone's
 * midday; or says plainly that there is none and who conflicts. One click makes it the team's.
 */
export function SyncUpFinder({ ts, readOnly }: { ts: TeamSprint; readOnly: boolean }) {
  const { today } = useViewerDay()
  const cadence = ts.setup.composed!.cadence
  const series = resolveCeremonySeries(cadence, 'daily-sync-up', ts.team)
  const members = syncUpMembersOf(ts.people, cadence.workingDays)
  const result = findSyncUpTime(members, { referenceDate: defaultSyncUpDate(cadence, today), durationMinutes: series.durationMinutes })
  const unset = ts.people.filter((p) => !p.observer && !p.configured).map((p) => p.name)
  const apply = (slot: SyncUpSlot) => {
    if (!ts.commands) return
    const start = slotTimeIn(slot, series.zone)
    ts.commands.saveTeamCeremony('daily-sync-up', { ...cadence.teams[ts.team.id]?.ceremonies['daily-sync-up'], start })
    toast(`The sync-up is now at ${start} (${series.zone})`)
  }
  return (
    <section className="panel sp-finder" aria-labelledby="finder-title">
      <h2 id="finder-title">Sync-up time</h2>
      <p>
        Now: <strong>{series.localStart}</strong> {series.zone}, {series.durationMinutes} minutes.
      </p>
      {unset.length > 0 && <p className="muted small">{unset.join(', ')} {unset.length === 1 ? 'has' : 'have'} not set their hours yet; 09:00–17:00 in the team&apos;s zone is assumed.</p>}
      {result.ok ? (
        <>
          <SlotView slot={result} zone={series.zone} current={series.localStart} onApply={readOnly ? null : apply} best />
          {result.alternatives.length > 0 && (
            <details className="sp-alternatives">
              <summary>Other times that fit everyone</summary>
              {result.alternatives.map((slot) => (
                <SlotView key={slot.start} slot={slot} zone={series.zone} current={series.localStart} onApply={readOnly ? null : apply} />
              ))}
            </details>
          )}
        </>
      ) : (
        <div className="sp-no-slot" role="status">
          <p>
            <strong>{result.reason}</strong>
          </p>
          {result.conflicts.length > 0 && (
            <ul className="sp-agenda">
              {result.conflicts.map((c) => (
                <li key={c.message}>{c.message}</li>
              ))}
            </ul>
          )}
          <p className="muted small">Widen someone&apos;s working hours, or hold the sync-up in two groups.</p>
        </div>
      )}
    </section>
  )
}

function SlotView(props: { slot: SyncUpSlot; zone: string; current: string; onApply: ((slot: SyncUpSlot) => void) | null; best?: boolean }) {
  const time = slotTimeIn(props.slot, props.zone)
  const isCurrent = time === props.current
  return (
    <div className={`sp-slot${props.best ? ' best' : ''}`} aria-label={props.best ? 'Suggested time' : `Alternative ${time}`}>
      <div className="sp-slot-head">
        <span className="sp-slot-time">{time}</span>
        <span className="muted small">
          {props.zone} · {props.slot.utcTime} UTC
        </span>
        {props.onApply &&
          (isCurrent ? (
            <span className="badge">Current time</span>
          ) : (
            <button type="button" className={`button small${props.best ? ' primary' : ''}`} onClick={() => props.onApply?.(props.slot)}>
              Use {time}
            </button>
          ))}
      </div>
      <ul className="sp-slot-members">
        {props.slot.perMember.map((m) => (
          <li key={m.id ?? m.name}>
            {m.name}: <strong>{m.localTime}</strong> <span className="muted small">{m.timezone}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
