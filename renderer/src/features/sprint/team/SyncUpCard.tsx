import type { TeamPerson } from '@shared/sprint/people.ts'
import type { SyncUpEntry } from '@shared/sprint/sprintRecords.ts'
import type { SyncUpField } from '../store/syncUp.ts'
import { Avatar } from '@ui/ui.tsx'
import { DraftText } from '@ui/DraftText.tsx'
import { hasBlocker } from '@shared/sprint/blockers.ts'

const QUESTIONS: { field: SyncUpField; label: string; placeholder: string }[] = [
  { field: 'yesterday', label: 'Yesterday', placeholder: 'What did you do yesterday?' },
  { field: 'today', label: 'Today', placeholder: 'What will you do today?' },
  { field: 'blockers', label: 'Blockers', placeholder: 'Anything in your way?' }
]

function localClock(zone: string, now: number): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(now)
  } catch {
    return ''
  }
}

/**
 * One person's three answers; their own card is editable (`onSave`), the others' are read as they
 * type.
 */
export function SyncUpCard(props: {
  person: TeamPerson
  entry: SyncUpEntry | undefined
  mine: boolean
  now: number
  onSave: ((field: SyncUpField, text: string) => void) | null
}) {
  const { person, entry, mine, onSave } = props
  const blocked = hasBlocker(entry?.blockers ?? '')
  const filled = !!entry && (entry.yesterday.trim() || entry.today.trim() || entry.blockers.trim())
  return (
    <section className={`sp-syncup-card${blocked ? ' blocked' : ''}${mine ? ' mine' : ''}`} aria-label={`${person.name}${mine ? ' (you)' : ''}`}>
      <header className="sp-card-head">
        <Avatar name={person.name} color={person.color} size={32} />
        <span className="sp-card-who">
          <span className="sp-card-name">
            {person.name}
            {mine && <span className="muted"> (you)</span>}
          </span>
          <span className="muted small">
            {person.roleLabel} · {localClock(person.timezone, props.now)} local
          </span>
        </span>
        {blocked && <span className="badge sp-badge-danger">Blocked</span>}
        {!blocked && !filled && !mine && <span className="sp-pending">not yet</span>}
      </header>
      {QUESTIONS.map((q) => {
        const value = entry?.[q.field] ?? ''
        return (
          <div key={q.field} className={`sp-answer-block ${q.field}${q.field === 'blockers' && blocked ? ' has-blockers' : ''}`}>
            {onSave ? (
              <DraftText
                label={q.label}
                visibleLabel
                multiline
                rows={q.field === 'blockers' ? 1 : 2}
                value={value}
                placeholder={q.placeholder}
                onSave={(text) => onSave(q.field, text)}
              />
            ) : (
              <>
                <span className="field-label">{q.label}</span>
                <p className={`sp-answer-text${value.trim() ? '' : ' empty'}`} aria-label={`${person.name}: ${q.label}`}>
                  {value.trim() || '—'}
                </p>
              </>
            )}
          </div>
        )
      })}
    </section>
  )
}
