import type { ReactNode } from 'react'
import { Link } from 'wouter'
import type { Cadence, OccurrenceOverride, SprintTeam } from '@shared/sprint/cadence.ts'
import { CEREMONIES, ROLE_LABELS, type Participants } from '@shared/sprint/ceremonies.ts'
import type { TeamPerson } from '@shared/sprint/people.ts'
import type { CeremonyOccurrence } from '@shared/sprint/schedule.ts'
import { viewerTime } from '@shared/sprint/viewerTime.ts'
import { OccurrenceEditor } from './OccurrenceEditor.tsx'

export interface CeremonyPageProps {
  occurrence: CeremonyOccurrence
  cadence: Cadence
  teams: readonly SprintTeam[]
  viewerZone: string
  backHref: string
  people?: readonly TeamPerson[]
  /** null: this meeting cannot be changed from here (readOnlyNote says why) */
  onSaveOccurrence: ((override: OccurrenceOverride | null) => void) | null
  readOnlyNote?: ReactNode
  /** the series' settings editor (team or org level), when this view may change them */
  seriesEditor?: ReactNode
  /** links to where the meeting's work happens (the sync-up, the planning) */
  links?: ReactNode
}

/** One meeting: what it is for and its agenda (from the seed), who comes, when; and its edits. */
export function CeremonyPage(props: CeremonyPageProps) {
  const o = props.occurrence
  const def = CEREMONIES[o.kind]
  const t = viewerTime(o, props.viewerZone)
  const team = props.teams.find((x) => x.id === o.teamId)
  return (
    <article className="sp-ceremony" data-kind={o.kind} aria-labelledby="ceremony-title">
      <Link href={props.backHref} className="button small ghost sp-back">
        ‹ Sprint {o.sprint} timeline
      </Link>
      <header className="sp-ceremony-head">
        <span className="sp-kind-bar" aria-hidden="true" />
        <div>
          <p className="sp-eyebrow">{team ? team.name : def.scope === 'division' ? 'Division' : 'Whole org'}</p>
          <h2 id="ceremony-title" className="sp-ceremony-title">
            {def.label}
            {o.cancelled && <span className="badge sp-badge-danger">Cancelled</span>}
            {!o.cancelled && o.moved && <span className="badge sp-badge-warm">Moved</span>}
          </h2>
          <p className="sp-when" aria-label="When">
            <strong>
              {t.day}, {t.start}–{t.end}
            </strong>
            <span className="muted">your time · {o.durationMinutes} min</span>
            {t.zoneNote && <span className="sp-zone-note">{t.zoneNote}</span>}
          </p>
          {o.note && <p className="sp-occ-note">{o.note}</p>}
        </div>
      </header>
      {props.links && <div className="row sp-ceremony-links">{props.links}</div>}
      <div className="sp-ceremony-grid">
        <div className="stack">
          <section className="panel" aria-labelledby="purpose-title">
            <h3 id="purpose-title">What it is for</h3>
            <p className="sp-purpose">{def.purpose}</p>
            {def.agenda.map((section) => (
              <div key={section.title}>
                <h4 className="sp-agenda-title">{section.title}</h4>
                <ul className="sp-agenda">
                  {section.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <section className="panel" aria-labelledby="who-title">
            <h3 id="who-title">Who participates</h3>
            <p>{def.participantsText}</p>
            <ParticipantList participants={o.participants} people={props.people} />
            {o.delegates && Object.keys(o.delegates).length > 0 && (
              <div>
                <h4 className="sp-agenda-title">Whom the teams send</h4>
                <ul className="sp-agenda">
                  {Object.entries(o.delegates).map(([teamId, p]) => (
                    <li key={teamId}>
                      <strong>{props.teams.find((x) => x.id === teamId)?.name ?? 'A team'}:</strong> {describeParticipants(p)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <p className="muted small">When: {def.whenText}</p>
          </section>
        </div>
        <div className="stack">
          {props.onSaveOccurrence ? (
            <OccurrenceEditor
              key={`${o.id} ${o.start} ${o.durationMinutes} ${o.note ?? ''} ${o.cancelled}`}
              occurrence={o}
              override={props.cadence.occurrences[o.id]}
              onSave={props.onSaveOccurrence}
            />
          ) : (
            props.readOnlyNote && <section className="panel sp-readonly-note">{props.readOnlyNote}</section>
          )}
          {props.seriesEditor}
        </div>
      </div>
    </article>
  )
}

function describeParticipants(p: Participants): string {
  const roles = p.roles.map((r) => ROLE_LABELS[r]).join(', ')
  return p.note ? `${roles} — ${p.note}` : roles
}

function ParticipantList({ participants, people }: { participants: Participants; people?: readonly TeamPerson[] | undefined }) {
  const named = (participants.memberIds ?? []).map((id) => people?.find((p) => p.id === id)?.name ?? 'someone')
  const invited = people?.filter((p) => !p.observer && participants.roles.includes(p.role)) ?? []
  return (
    <div className="stack sp-participants">
      <ul className="sp-tags" aria-label="Invited roles">
        {participants.roles.map((r) => (
          <li key={r} className="sp-tag">
            {ROLE_LABELS[r]}
          </li>
        ))}
      </ul>
      {invited.length > 0 && (
        <p className="small">
          <span className="muted">On this team: </span>
          {invited.map((p) => p.name).join(', ')}
        </p>
      )}
      {named.length > 0 && <p className="small">Also: {named.join(', ')}</p>}
      {participants.note && <p className="small muted">{participants.note}</p>}
    </div>
  )
}
