import { CADENCE_LABELS, PAIR_CADENCES, type Cadence } from '@shared/mentorship/pairRecords.ts'
import { nextSession, relativeDay } from '@shared/mentorship/pairCadence.ts'
import { cleanTrackerBaseUrl } from '@shared/tickets/tickets.ts'
import { colorFor } from '@shared/identity/identity.ts'
import { patchPairInfo, usePairMembers } from '../store/pair.ts'
import { Avatar } from '@ui/ui.tsx'
import { DraftText } from '@ui/DraftText.tsx'
import { formatDay } from '../formatDay.ts'
import { validateTrackerUrl } from '../pool/TrackerSetting.tsx'
import type { Pair } from './PairPage.tsx'

/** The next session in words, seen on `today`: "Jun 1, 2019 (in 12 days) — a month after the last session". */
export function describeNextSession(pair: Pair, sessionDates: (string | null)[], today: string): string {
  const next = nextSession({ sessionDates, cadence: pair.info.cadence, override: pair.info.nextSession })
  if (!next.date) return 'Next session: add your first session and the next one follows from your cadence.'
  const how = next.source === 'set' ? 'the date you set' : `${CADENCE_LABELS[pair.info.cadence].toLowerCase()} after the last session`
  return `Next session: ${formatDay(next.date)} (${relativeDay(next.date, today)}) — ${how}.`
}

/** Who is in the pair, since when, how often they meet and where their tickets live. */
export function PairDetails({ pair, sessionDates }: { pair: Pair; sessionDates: (string | null)[] }) {
  const { info, journal, readOnly } = pair
  const members = usePairMembers(pair.spaceId)
  const next = nextSession({ sessionDates, cadence: info.cadence, override: info.nextSession })
  return (
    <section className="panel pair-details" aria-labelledby="pair-details-title">
      <div className="pair-details-head">
        <h3 id="pair-details-title">{info.title || 'The pair'}</h3>
        <ul className="pair-people" aria-label="Participants">
          {info.participants.map((p) => (
            <li key={p.name}>
              <Avatar name={p.name} color={members.find((m) => m.id === p.memberId)?.color ?? colorFor(p.name)} size={30} />
              <span>{p.name}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="details-grid">
        <label className="field">
          <span className="field-label">First discussed</span>
          <DraftText label="First discussed" type="date" value={info.firstDiscussed ?? ''} readOnly={readOnly} onSave={(v) => patchPairInfo(journal, { firstDiscussed: v || null })} />
        </label>
        <label className="field">
          <span className="field-label">Cadence</span>
          <select value={info.cadence} disabled={readOnly} onChange={(e) => patchPairInfo(journal, { cadence: e.target.value as Cadence })}>
            {PAIR_CADENCES.map((c) => (
              <option key={c} value={c}>
                {CADENCE_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Next session</span>
          <DraftText label="Next session" type="date" value={next.date ?? ''} readOnly={readOnly} onSave={(v) => patchPairInfo(journal, { nextSession: v || null })} />
          <span className="field-hint">
            {next.source === 'set' ? (
              <>
                Set by you.{' '}
                {!readOnly && (
                  <button type="button" className="link-button" onClick={() => patchPairInfo(journal, { nextSession: null })}>
                    Follow the cadence
                  </button>
                )}
              </>
            ) : next.source === 'derived' ? (
              'From your last session and the cadence.'
            ) : (
              'Follows your first session.'
            )}
          </span>
        </label>
        <label className="field">
          <span className="field-label">Tracker base URL</span>
          <DraftText
            label="Pair tracker base URL"
            type="url"
            value={info.trackerBaseUrl}
            readOnly={readOnly}
            placeholder="https://acme.atlassian.net/browse/"
            validate={validateTrackerUrl}
            onSave={(v) => {
              const clean = cleanTrackerBaseUrl(v)
              if (clean.ok) patchPairInfo(journal, { trackerBaseUrl: clean.url })
            }}
          />
          <span className="field-hint">Ticket keys such as ENG-8504 anywhere in this journal link here.</span>
        </label>
      </div>
    </section>
  )
}
