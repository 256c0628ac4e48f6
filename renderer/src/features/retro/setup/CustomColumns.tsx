import { MAX_COLUMNS } from '@shared/retro/templates.ts'

export interface ColumnDraft {
  key: number
  title: string
  prompt: string
}

let nextKey = 100
export const starterColumns = (): ColumnDraft[] => [
  { key: 1, title: 'Opportunities', prompt: 'What did we notice during the sprint?' },
  { key: 2, title: 'Went well', prompt: '' },
  { key: 3, title: 'To improve', prompt: '' }
]

/** The columns of a custom board: names, prompts, order, and the column for sync-up opportunities. */
export function CustomColumns(props: { columns: ColumnDraft[]; onChange(c: ColumnDraft[]): void; inbox: number; onInbox(i: number): void }) {
  const { columns } = props
  const set = (i: number, patch: Partial<ColumnDraft>) => props.onChange(columns.map((c, j) => (j === i ? { ...c, ...patch } : c)))
  const move = (i: number, by: number) => {
    const next = [...columns]
    const [c] = next.splice(i, 1)
    next.splice(i + by, 0, c!)
    props.onChange(next)
    if (props.inbox === i) props.onInbox(i + by)
    else if (props.inbox === i + by) props.onInbox(i)
  }
  const remove = (i: number) => {
    props.onChange(columns.filter((_, j) => j !== i))
    if (props.inbox >= i && props.inbox > 0) props.onInbox(props.inbox - 1)
  }
  return (
    <fieldset className="rt-custom">
      <legend className="field-label">Columns</legend>
      <ol className="rt-custom-list">
        {columns.map((c, i) => (
          <li key={c.key} className="rt-custom-row">
            <input aria-label={`Column ${i + 1} name`} value={c.title} maxLength={60} placeholder="Column name" onChange={(e) => set(i, { title: e.target.value })} />
            <input aria-label={`Column ${i + 1} question`} value={c.prompt} maxLength={200} placeholder="Question it asks (optional)" onChange={(e) => set(i, { prompt: e.target.value })} />
            <label className="rt-check small" title="Sync-up opportunities land in this column">
              <input type="radio" name="rt-inbox" checked={props.inbox === i} onChange={() => props.onInbox(i)} />
              <span>Inbox</span>
            </label>
            <span className="rt-row-buttons">
              <button type="button" className="icon-button" aria-label={`Move column ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" className="icon-button" aria-label={`Move column ${i + 1} down`} disabled={i === columns.length - 1} onClick={() => move(i, 1)}>
                ↓
              </button>
              <button type="button" className="icon-button" aria-label={`Remove column ${i + 1}`} disabled={columns.length === 1} onClick={() => remove(i)}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="row">
        <button
          type="button"
          className="button small"
          disabled={columns.length >= MAX_COLUMNS}
          onClick={() => props.onChange([...columns, { key: nextKey++, title: '', prompt: '' }])}
        >
          Add a column
        </button>
        <span className="muted small">“Inbox” marks the column where the sprint’s sync-up opportunities appear.</span>
      </div>
    </fieldset>
  )
}
