import { useState, type FormEvent } from 'react'
import { ZodError } from 'zod'
import { DEFAULT_TEMPLATE_ID, TEMPLATES, type BoardTemplate, type TemplateId, customColumns } from '@shared/retro/templates.ts'
import { type BoardSession, createBoard } from '../store/board.ts'
import { hintColour } from '../hooks.ts'
import { type ColumnDraft, CustomColumns, starterColumns } from './CustomColumns.tsx'
import { VotingFields, readVoting } from './VotingFields.tsx'

/** Creating this sprint's board: a template (or custom columns), anonymity and voting rules. */
export function BoardSetup(props: { session: BoardSession; teamId: string; teamName: string; sprint: number; meId: string; readOnly: boolean }) {
  const [template, setTemplate] = useState<TemplateId>(DEFAULT_TEMPLATE_ID)
  const [columns, setColumns] = useState<ColumnDraft[]>(starterColumns)
  const [inbox, setInbox] = useState(0)
  const [error, setError] = useState<string | null>(null)

  const create = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setError(null)
    const anonymous = new FormData(e.currentTarget).get('anonymous') === 'on'
    const voting = readVoting(e.currentTarget)
    try {
      createBoard(props.session, {
        teamId: props.teamId,
        teamName: props.teamName,
        sprint: props.sprint,
        createdBy: props.meId,
        createdAt: Date.now(),
        template: template === 'custom' ? customTemplate(columns, inbox) : template,
        anonymous,
        voting
      })
    } catch (e) {
      setError(e instanceof ZodError ? e.issues.map((i) => i.message).join(' ') : e instanceof Error ? e.message : String(e))
    }
  }
  if (props.readOnly) return <p className="muted">No retrospective board was created for sprint {props.sprint}.</p>
  const templates: BoardTemplate[] = Object.values(TEMPLATES)
  return (
    <form className="panel rt-setup" aria-labelledby="rt-setup-title" onSubmit={create}>
      <div>
        <h2 id="rt-setup-title">Start the sprint {props.sprint} retrospective</h2>
        <p className="muted">
          Pick a format. The sprint’s sync-up opportunities land on the board on their own; you facilitate first and can hand the role
          over at any time.
        </p>
      </div>
      <fieldset className="rt-templates">
        <legend className="field-label">Format</legend>
        {templates.map((t) => (
          <label key={t.id} className={`rt-template ${template === t.id ? 'selected' : ''}`}>
            <input type="radio" name="rt-template" value={t.id} checked={template === t.id} onChange={() => setTemplate(t.id as TemplateId)} />
            <span className="rt-template-name">{t.label}</span>
            <span className="rt-template-text">{t.description}</span>
            <span className="rt-template-columns" aria-hidden="true">
              {t.columns.map((c) => (
                <span key={c.id} className="rt-chip" style={{ ['--c' as string]: hintColour(c.colour) }}>
                  {c.title}
                </span>
              ))}
            </span>
          </label>
        ))}
        <label className={`rt-template ${template === 'custom' ? 'selected' : ''}`}>
          <input type="radio" name="rt-template" value="custom" checked={template === 'custom'} onChange={() => setTemplate('custom')} />
          <span className="rt-template-name">Custom columns</span>
          <span className="rt-template-text">Name your own columns (up to 8), and where sync-up opportunities go.</span>
        </label>
      </fieldset>
      {template === 'custom' && <CustomColumns columns={columns} onChange={setColumns} inbox={inbox} onInbox={setInbox} />}
      <fieldset className="rt-setup-options">
        <legend className="field-label">Rules</legend>
        <label className="rt-check">
          <input type="checkbox" name="anonymous" />
          <span>
            Anonymous cards <span className="muted small">— no author is stored with a card, not even hidden</span>
          </span>
        </label>
        <VotingFields />
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button primary">
          Create the board
        </button>
      </div>
    </form>
  )
}

/** Ids come from the names (made unique); the inbox is picked by position. */
function customTemplate(drafts: readonly ColumnDraft[], inbox: number) {
  const columns = customColumns(drafts.map((c) => ({ title: c.title, prompt: c.prompt })))
  return { columns, inboxColumnId: columns[Math.min(inbox, columns.length - 1)]?.id }
}
