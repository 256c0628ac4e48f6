import { useEffect, useRef, useState } from 'react'
import { savePrivateNote, usePrivateNote } from './store/privateNotes.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import './mentorship.css'

const TOPIC = 'pair'

/** Notes only this device ever sees: stored in a local table, never in a synced document. */
export function PrivateNotesTab({ space }: TabProps) {
  const row = usePrivateNote(space.id, TOPIC)
  return (
    <div className="mentor-page">
      <header className="section-head">
        <div>
          <h2 className="view-title">Private notes</h2>
          <p className="private-banner" role="note">
            <span aria-hidden="true">🔒</span> <strong>Only on this device — never synced.</strong> Your pair never sees these notes;
            they are not in the shared journal and are not sent to anyone.
          </p>
        </div>
      </header>
      {row === undefined ? <div aria-busy="true" /> : <PrivateNote spaceId={space.id} initial={row?.text ?? ''} updatedAt={row?.updatedAt ?? null} />}
    </div>
  )
}

function PrivateNote({ spaceId, initial, updatedAt }: { spaceId: string; initial: string; updatedAt: number | null }) {
  const [text, setText] = useState(initial)
  const [saved, setSaved] = useState(true)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(text)
  const save = (value: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    void savePrivateNote(spaceId, TOPIC, value).then(() => setSaved(latest.current === value))
  }
  useEffect(() => () => {
    if (timer.current) {
      clearTimeout(timer.current)
      void savePrivateNote(spaceId, TOPIC, latest.current)
    }
  }, [spaceId])
  return (
    <div className="panel">
      <textarea
        className="private-note"
        aria-label="Private notes"
        rows={16}
        value={text}
        placeholder="Thoughts you want to keep to yourself: how the pairing feels, things to raise, reminders."
        onChange={(e) => {
          const value = e.target.value
          latest.current = value
          setText(value)
          setSaved(false)
          if (timer.current) clearTimeout(timer.current)
          timer.current = setTimeout(() => save(value), 400)
        }}
        onBlur={() => save(latest.current)}
      />
      <p className="muted small" aria-live="polite">
        {saved ? (updatedAt ? `Saved on this device ${new Date(updatedAt).toLocaleString()}` : 'Saved on this device as you type') : 'Saving…'}
      </p>
    </div>
  )
}
