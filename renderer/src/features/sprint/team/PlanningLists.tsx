import type { Direction, GoalItem, PlanningCommands, QuestionItem } from '../store/planning.ts'
import { DraftText } from '@ui/DraftText.tsx'
import { AddItemForm } from './AddItemForm.tsx'

export function ItemActions(props: { name: string; first: boolean; last: boolean; onMove(direction: Direction): void; onRemove(): void }) {
  return (
    <span className="sp-item-actions">
      <button type="button" className="icon-button sp-small-icon" aria-label={`Move up: ${props.name}`} disabled={props.first} onClick={() => props.onMove('up')}>
        ↑
      </button>
      <button type="button" className="icon-button sp-small-icon" aria-label={`Move down: ${props.name}`} disabled={props.last} onClick={() => props.onMove('down')}>
        ↓
      </button>
      <button type="button" className="icon-button sp-small-icon" aria-label={`Remove: ${props.name}`} onClick={props.onRemove}>
        ×
      </button>
    </span>
  )
}

/** The sprint goals; `commands` null: read-only. */
export function GoalsPanel({ goals, commands }: { goals: readonly GoalItem[]; commands: PlanningCommands | null }) {
  const readOnly = !commands
  return (
    <section className="panel" aria-labelledby="goals-title">
      <h2 id="goals-title">
        Sprint goals <span className="count">{goals.length}</span>
      </h2>
      {goals.length === 0 && <p className="muted small">What does the team want to have achieved by the end of the sprint?</p>}
      <ol className="sp-list sp-goals" aria-label="Sprint goals">
        {goals.map((g, i) => (
          <li key={g.id} className="sp-item">
            <span className="sp-goal-number" aria-hidden="true">
              {i + 1}
            </span>
            <DraftText label={`Goal ${i + 1}`} value={g.text} readOnly={readOnly} onSave={(text) => commands?.updateGoal(g.id, { text })} className="sp-inline-input" />
            {commands && (
              <ItemActions
                name={g.text || `goal ${i + 1}`}
                first={i === 0}
                last={i === goals.length - 1}
                onMove={(direction) => commands.moveGoal(g.id, direction)}
                onRemove={() => commands.removeGoal(g.id)}
              />
            )}
          </li>
        ))}
      </ol>
      {commands && <AddItemForm label="New sprint goal" placeholder="Ship the new onboarding flow" button="Add goal" onAdd={(text) => commands.addGoal(text)} />}
    </section>
  )
}

/** The open questions; `commands` null: read-only. */
export function QuestionsPanel({ questions, commands }: { questions: readonly QuestionItem[]; commands: PlanningCommands | null }) {
  const readOnly = !commands
  const open = questions.filter((q) => !q.resolved).length
  return (
    <section className="panel" aria-labelledby="questions-title">
      <h2 id="questions-title">
        Open questions{' '}
        <span className="count">
          {open} open · {questions.length - open} resolved
        </span>
      </h2>
      {questions.length === 0 && <p className="muted small">Anything unclear about the planned work? Write it down and resolve it together.</p>}
      <ul className="sp-list" aria-label="Questions">
        {questions.map((q, i) => (
          <li key={q.id} className={`sp-item sp-question${q.resolved ? ' resolved' : ''}`}>
            <input
              type="checkbox"
              className="sp-resolve"
              aria-label={`Resolved: ${q.text || `question ${i + 1}`}`}
              checked={q.resolved}
              disabled={readOnly}
              onChange={(e) => commands?.updateQuestion(q.id, { resolved: e.target.checked })}
            />
            <div className="sp-question-body">
              <DraftText label={`Question ${i + 1}`} value={q.text} readOnly={readOnly} onSave={(text) => commands?.updateQuestion(q.id, { text })} className="sp-inline-input" />
              <DraftText
                label={`Answer to question ${i + 1}`}
                value={q.answer}
                readOnly={readOnly}
                placeholder="Answer or decision…"
                onSave={(answer) => commands?.updateQuestion(q.id, { answer })}
                className="sp-inline-input sp-answer"
              />
            </div>
            {commands && (
              <ItemActions
                name={q.text || `question ${i + 1}`}
                first={i === 0}
                last={i === questions.length - 1}
                onMove={(direction) => commands.moveQuestion(q.id, direction)}
                onRemove={() => commands.removeQuestion(q.id)}
              />
            )}
          </li>
        ))}
      </ul>
      {commands && <AddItemForm label="New question" placeholder="Do we need the design review first?" button="Add question" onAdd={(text) => commands.addQuestion(text)} />}
    </section>
  )
}
