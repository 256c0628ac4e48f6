import { nextSession } from '@shared/mentorship/pairCadence.ts'
import { inZones, isPlannable, pairCalendar } from '@shared/mentorship/pairSchedule.ts'
import { browserZone } from '@shared/time/dates.ts'
import { patchPairInfo } from '../store/pair.ts'
import type { Rec } from '@core/collections/index.ts'
import type { SessionRecord } from '@shared/mentorship/pairRecords.ts'
import { DraftText } from '@ui/DraftText.tsx'
import { downloadText } from '@ui/files.ts'
import { fileSlug } from '../files.ts'
import type { Pair } from './PairPage.tsx'

/**
 * Sessions on the calendar (issue 15 #6): the next session's time, length and agenda, shown in
 * both people's zones, and the pair's sessions as an .ics file for any calendar.
 */
export function NextSessionPlan({ pair, sessions }: { pair: Pair; sessions: readonly Rec<SessionRecord>[] }) {
  const { info, journal, readOnly } = pair
  const next = nextSession({ sessionDates: sessions.map((s) => s.date), cadence: info.cadence, override: info.nextSession })
  const zone = info.nextSessionZone ?? browserZone()
  const planned = { date: next.date, time: info.nextSessionTime, zone }
  const zones = info.participants.map((p) => p.timezone)
  const when = isPlannable(planned) ? inZones(planned, [...zones, browserZone()]) : []
  const exportIcs = () =>
    downloadText(
      `${fileSlug(info.title || 'pair')}-sessions.ics`,
      pairCalendar({
        spaceId: pair.spaceId,
        title: info.title,
        participants: info.participants.map((p) => p.name),
        sessions,
        next: isPlannable(planned) ? { ...planned, minutes: info.nextSessionMinutes, agenda: info.nextSessionAgenda } : null
      }),
      'text/calendar'
    )
  return (
    <section className="panel" aria-labelledby="next-session-title">
      <h3 id="next-session-title">Next session on the calendar</h3>
      <div className="details-grid">
        <label className="field">
          <span className="field-label">Time</span>
          <DraftText
            label="Next session time"
            type="time"
            value={info.nextSessionTime ?? ''}
            readOnly={readOnly}
            onSave={(v) => patchPairInfo(journal, { nextSessionTime: v || null, nextSessionZone: v ? zone : info.nextSessionZone })}
          />
          <span className="field-hint">In {zone}</span>
        </label>
        <label className="field">
          <span className="field-label">Length (minutes)</span>
          <DraftText
            label="Next session length"
            type="number"
            value={String(info.nextSessionMinutes)}
            readOnly={readOnly}
            validate={(v) => (/^\d{1,3}$/.test(v) && Number(v) >= 5 && Number(v) <= 600 ? null : 'Between 5 and 600 minutes.')}
            onSave={(v) => patchPairInfo(journal, { nextSessionMinutes: Number(v) })}
          />
        </label>
        <label className="field wide">
          <span className="field-label">Agenda</span>
          <DraftText label="Next session agenda" value={info.nextSessionAgenda} readOnly={readOnly} placeholder="What you will go through" onSave={(v) => patchPairInfo(journal, { nextSessionAgenda: v.slice(0, 2000) })} />
        </label>
      </div>
      {when.length > 0 ? (
        <ul className="small" aria-label="Next session in your zones">
          {when.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{next.date ? 'Set a time to see it in both your zones.' : 'Add your first session; the next one follows from your cadence.'}</p>
      )}
      <div className="row">
        <button type="button" className="button" onClick={exportIcs}>
          Export sessions (.ics)
        </button>
      </div>
    </section>
  )
}
