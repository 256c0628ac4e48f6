import { useState, type FormEvent } from 'react'
import { toast } from '@ui/toasts.ts'
import { TextLimit } from '@ui/TextLimit.tsx'

/** as much as the inbox keeps (shared/sprint/sprintRecords.ts) */
const MAX_OPPORTUNITY = 2000

/** At the end of sync-up: anyone logs a problem or an opportunity; it goes to the retro inbox. */
export function OpportunityForm(props: { onLog(text: string): void }) {
  const [text, setText] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!text.trim()) return
    props.onLog(text)
    setText('')
    toast('Logged for the team retrospective')
  }
  return (
    <section className="panel sp-opportunity" aria-labelledby="noticed-title">
      <h2 id="noticed-title">Noticed something?</h2>
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span className="field-label">A problem or an opportunity for improvement</span>
          <textarea
            rows={3}
            value={text}
            maxLength={MAX_OPPORTUNITY}
            placeholder="The deploy queue was slow again…"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e)
            }}
          />
          <TextLimit length={text.length} max={MAX_OPPORTUNITY} />
        </label>
        <p className="muted small">Logging one does not make you responsible for it: it is tracked so the team can discuss it at the retrospective.</p>
        <div className="row end">
          <button type="submit" className="button primary" disabled={!text.trim()}>
            Log for the retro
          </button>
        </div>
      </form>
    </section>
  )
}
