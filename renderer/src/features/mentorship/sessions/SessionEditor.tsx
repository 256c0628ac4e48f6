import { useMemo, useState } from 'react'
import { formatDuration } from '@shared/mentorship/journalDates.ts'
import type { SessionRecord } from '@shared/mentorship/pairRecords.ts'
import { useSessionPresence } from '../store/presence.ts'
import { patchSession, removeSession, sessionNotesBinding } from '../store/sessions.ts'
import { platform } from '@core/platform/index.ts'
import { Avatar, Dialog } from '@ui/ui.tsx'
import { RichText } from '@ui/editor/RichText.tsx'
import { DraftText } from '@ui/DraftText.tsx'
import type { Pair } from '../pair/PairPage.tsx'

const DURATIONS = [15, 30, 35, 45, 60, 90, 120]

/** One session: title, date, duration and notes co-edited live (with the other person's caret). */
export function SessionEditor({ pair, session, onRemoved }: { pair: Pair; session: SessionRecord & { id: string }; onRemoved: () => void }) {
  const { journal, readOnly } = pair
  const notes = useMemo(() => sessionNotesBinding(journal, session.id), [journal, session.id])
  const here = useSessionPresence(journal, session.id)
  const [confirm, setConfirm] = useState(false)
  const durations = session.durationMinutes && !DURATIONS.includes(session.durationMinutes) ? [...DURATIONS, session.durationMinutes].sort((x, y) => x - y) : DURATIONS

  return (
    <article className="panel session-editor" aria-label={`Session: ${session.title || 'Untitled'}`}>
      <DraftText label="Session title" className="session-title-input" value={session.title} readOnly={readOnly} placeholder="The intro" onSave={(title) => patchSession(journal, session.id, { title })} />
      <div className="row session-meta">
        <label className="field inline">
          <span className="field-label">Date</span>
          <DraftText label="Session date" type="date" value={session.date ?? ''} readOnly={readOnly} onSave={(v) => patchSession(journal, session.id, { date: v || null })} />
        </label>
        <label className="field inline">
          <span className="field-label">Duration</span>
          <select
            aria-label="Session duration"
            value={session.durationMinutes ?? ''}
            disabled={readOnly}
            onChange={(e) => patchSession(journal, session.id, { durationMinutes: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">—</option>
            {durations.map((m) => (
              <option key={m} value={m}>
                {formatDuration(m)}
              </option>
            ))}
          </select>
        </label>
        <span className="grow" />
        {here.length > 0 && (
          <span className="here" aria-label="Also in this session">
            {here.map((u) => (
              <span key={u.clientId} className="here-person" title={`${u.name} has this session open`}>
                <Avatar name={u.name} color={u.color} size={24} online />
                <span className="small">{u.name}</span>
              </span>
            ))}
          </span>
        )}
      </div>
      <RichText
        key={readOnly ? 'read' : 'edit'}
        fragment={notes.fragment}
        awareness={notes.awareness}
        user={pair.me}
        label="Session notes"
        placeholder="What did you talk about? Decisions, links, next steps… Ticket keys like ENG-8504 become links."
        ticketBaseUrl={pair.tracker}
        onOpenLink={(url) => platform.openExternal(url)}
        readOnly={readOnly}
      />
      <p className="muted small">Notes save as you type and merge with the other person&apos;s, even when one of you wrote offline.</p>
      {!readOnly && (
        <div className="row end">
          <button type="button" className="button ghost danger-text" onClick={() => setConfirm(true)}>
            Delete session…
          </button>
        </div>
      )}
      <Dialog title="Delete this session?" open={confirm} onClose={() => setConfirm(false)}>
        <p>
          “{session.title || 'Untitled session'}” and its notes leave the journal for both of you. Directions and projects set
          up in it stay.
        </p>
        <div className="row end">
          <button type="button" className="button" onClick={() => setConfirm(false)}>
            Keep it
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              setConfirm(false)
              removeSession(journal, session.id)
              onRemoved()
            }}
          >
            Delete session
          </button>
        </div>
      </Dialog>
    </article>
  )
}
