import { useState, type FormEvent } from 'react'
import { LESS_LIMITS, QUESTION_KINDS, QUESTION_KIND_LABELS, type QuestionCopy, type QuestionKind, type TicketQuestion } from '@shared/less/tickets.ts'
import { DraftText } from '@ui/DraftText.tsx'

/** `asker`: who asked, as their member entry names them (never the name the question carries) */
type Question = TicketQuestion & { readonly id: string; readonly asker: string }

export interface QuestionCommands {
  add(text: string, kind: QuestionKind): void
  update(id: string, patch: Partial<Pick<TicketQuestion, 'resolved' | 'answer' | 'text'>>): void
  remove(id: string): void
}

/** Questions, problems and blockers about one ticket: open or resolved, with an answer. */
export function TicketQuestions(props: {
  ticketName: string
  questions: readonly Question[]
  /** the other side's questions, shown only */
  copies?: { label: string; items: readonly QuestionCopy[] }[]
  commands: QuestionCommands | null
}) {
  const { ticketName, commands } = props
  const [text, setText] = useState('')
  const [kind, setKind] = useState<QuestionKind>('question')
  const open = props.questions.filter((q) => !q.resolved).length
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!commands || !text.trim()) return
    commands.add(text, kind)
    setText('')
  }
  return (
    <div className="less-questions">
      {props.questions.length > 0 && (
        <p className="muted small">
          {open} open · {props.questions.length - open} resolved
        </p>
      )}
      {props.questions.length > 0 && (
        <ul className="less-question-list" aria-label={`Questions about ${ticketName}`}>
          {[...props.questions]
            .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
            .map((q) => (
              <li key={q.id} className={`less-question ${q.resolved ? 'resolved' : ''}`}>
                <label className="sp-check">
                  <input
                    type="checkbox"
                    checked={q.resolved}
                    disabled={!commands}
                    onChange={(e) => commands?.update(q.id, { resolved: e.target.checked })}
                    aria-label={`Resolved: ${q.text}`}
                  />
                  <span className={`less-kind less-kind-${q.kind}`}>{QUESTION_KIND_LABELS[q.kind]}</span>
                  <span>{q.text}</span>
                </label>
                <span className="muted small">{q.asker}</span>
                <DraftText
                  label={`Answer: ${q.text}`}
                  value={q.answer}
                  placeholder="Answer or decision"
                  readOnly={!commands}
                  maxLength={LESS_LIMITS.question}
                  onSave={(answer) => commands?.update(q.id, { answer })}
                  className="sp-inline-input"
                />
                {commands && (
                  <button type="button" className="icon-button sp-small-icon" aria-label={`Remove: ${q.text}`} onClick={() => commands.remove(q.id)}>
                    ×
                  </button>
                )}
              </li>
            ))}
        </ul>
      )}
      {props.copies?.map(
        (c) =>
          c.items.length > 0 && (
            <div key={c.label}>
              <h4 className="sp-agenda-title">{c.label}</h4>
              <ul className="less-question-list" aria-label={`${c.label}: ${ticketName}`}>
                {c.items.map((q) => (
                  <li key={q.id} className={`less-question ${q.resolved ? 'resolved' : ''}`}>
                    <span className={`less-kind less-kind-${q.kind}`}>{QUESTION_KIND_LABELS[q.kind]}</span>
                    <span>
                      {q.text}
                      {q.resolved ? ' (resolved)' : ''}
                      {q.answer ? ` — ${q.answer}` : ''}
                    </span>
                    <span className="muted small" title="As the backlog mirror copied it from the other space">
                      {q.authorName}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )
      )}
      {commands && (
        <form className="row less-question-form" onSubmit={submit}>
          <select aria-label={`Kind of question about ${ticketName}`} value={kind} onChange={(e) => setKind(e.target.value as QuestionKind)}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {QUESTION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <input
            className="input"
            aria-label={`New question about ${ticketName}`}
            placeholder="A question, problem or blocker"
            value={text}
            maxLength={LESS_LIMITS.question}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button small" disabled={!text.trim()}>
            Add
          </button>
        </form>
      )}
    </div>
  )
}
