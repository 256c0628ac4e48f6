import { useState, type FormEvent } from 'react'
import { CSV_FIELDS, CSV_FIELD_LABELS, parseTrackerCsv } from '@shared/less/csvImport.ts'
import { LESS_LIMITS, type LineProblem, type TicketInput, cleanUrl, isTicketKey, parsePastedLines } from '@shared/less/tickets.ts'
import { readTextFile } from '@ui/textFile.ts'
import { toast } from '@ui/toasts.ts'
import type { AddOutcome, BacklogCommands, Author } from '../store/backlog.ts'

type Mode = 'type' | 'paste' | 'csv'
const MAX_CSV_BYTES = 5_000_000

interface Report {
  what: string
  outcome: AddOutcome
  problems: LineProblem[]
}

function say(outcome: AddOutcome): string {
  const parts = [`${outcome.added} added`, `${outcome.updated} updated`]
  if (outcome.unchanged) parts.push(`${outcome.unchanged} already up to date`)
  return parts.join(', ')
}

/** Tickets into the backlog: typed one by one, pasted as lines, or imported from a tracker's CSV export. */
export function AddTickets({ commands, me }: { commands: BacklogCommands; me: Author }) {
  const [mode, setMode] = useState<Mode>('type')
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState<string | null>(null)
  const add = (what: string, tickets: readonly TicketInput[], source: 'typed' | 'pasted' | 'csv', problems: LineProblem[]) => {
    const outcome = commands.addTickets(tickets, source, me)
    setReport({ what, outcome, problems })
    setError(null)
    toast(`${what}: ${say(outcome)}`)
  }
  return (
    <section className="panel" aria-labelledby="add-tickets-title">
      <h2 id="add-tickets-title">Add candidate tickets</h2>
      <div className="less-modes" role="group" aria-label="How to add">
        {(
          [
            ['type', 'Type one'],
            ['paste', 'Paste lines'],
            ['csv', 'Import a CSV export']
          ] as const
        ).map(([m, label]) => (
          <button key={m} type="button" className={`button small ${mode === m ? 'primary' : ''}`} aria-pressed={mode === m} onClick={() => setMode(m)}>
            {label}
          </button>
        ))}
      </div>
      {mode === 'type' && <TypeTicket onAdd={(t) => add(t.key || t.title, [t], 'typed', [])} onError={setError} />}
      {mode === 'paste' && <PasteLines onAdd={(tickets, problems) => add('Pasted lines', tickets, 'pasted', problems)} />}
      {mode === 'csv' && (
        <ImportCsv
          onAdd={(name, tickets, problems) => add(name, tickets, 'csv', problems)}
          onError={(message) => {
            setError(message)
            setReport(null)
          }}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div className="less-report" role="status" aria-label="What was added">
          <p>
            <strong>{report.what}:</strong> {say(report.outcome)}.
            {report.problems.length > 0 && ` ${report.problems.length} line${report.problems.length === 1 ? ' was' : 's were'} skipped:`}
          </p>
          {report.problems.length > 0 && (
            <ul className="less-problems" aria-label="Skipped lines">
              {report.problems.slice(0, 50).map((p) => (
                <li key={`${p.line}-${p.message}`}>
                  Line {p.line}: {p.message}
                </li>
              ))}
              {report.problems.length > 50 && <li>… and {report.problems.length - 50} more</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}

function TypeTicket(props: { onAdd(ticket: TicketInput): void; onError(message: string | null): void }) {
  const [key, setKey] = useState('')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [notes, setNotes] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (key.trim() && !isTicketKey(key)) return props.onError(`“${key.trim()}” is not a ticket key like ABC-123 (or leave the key empty).`)
    const link = cleanUrl(url)
    if (link === null) return props.onError('The link is not a web address (http or https).')
    if (!title.trim()) return props.onError('Give the ticket a title.')
    props.onAdd({ key: key.trim(), title: title.trim(), ...(link ? { url: link } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) })
    setKey('')
    setTitle('')
    setUrl('')
    setNotes('')
  }
  return (
    <form className="less-type-form" onSubmit={submit}>
      <input aria-label="Ticket key" placeholder="Key (ABC-123)" value={key} maxLength={LESS_LIMITS.key} onChange={(e) => setKey(e.target.value)} />
      <input aria-label="Ticket title" placeholder="Title" value={title} maxLength={LESS_LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
      <input aria-label="Ticket link" placeholder="Link (optional)" value={url} maxLength={LESS_LIMITS.url} onChange={(e) => setUrl(e.target.value)} />
      <input aria-label="Ticket notes" placeholder="Notes (optional)" value={notes} maxLength={LESS_LIMITS.notes} onChange={(e) => setNotes(e.target.value)} />
      <button type="submit" className="button primary" disabled={!title.trim()}>
        Add ticket
      </button>
    </form>
  )
}

function PasteLines(props: { onAdd(tickets: TicketInput[], problems: LineProblem[]): void }) {
  const [text, setText] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = parsePastedLines(text)
    props.onAdd(parsed.tickets, parsed.problems)
    if (parsed.problems.length === 0) setText('')
  }
  return (
    <form className="stack" onSubmit={submit}>
      <label className="field">
        <span className="field-label">One ticket a line</span>
        <span className="field-hint">“ABC-123 Title”, “ABC-123: Title”, a tracker link then the title, or just a title. A key already in the backlog is updated.</span>
        <textarea rows={6} value={text} maxLength={200_000} onChange={(e) => setText(e.target.value)} aria-label="Pasted tickets" />
      </label>
      <button type="submit" className="button primary" disabled={!text.trim()}>
        Add these tickets
      </button>
    </form>
  )
}

function ImportCsv(props: { onAdd(name: string, tickets: TicketInput[], problems: LineProblem[]): void; onError(message: string): void }) {
  const [base, setBase] = useState('')
  const [columns, setColumns] = useState<string | null>(null)
  const choose = async (file: File | undefined) => {
    if (!file) return
    const read = await readTextFile(file, MAX_CSV_BYTES)
    if (!read.ok) return props.onError(read.reason)
    const result = parseTrackerCsv(read.text, base.trim() ? { trackerBase: base.trim() } : {})
    if (!result.ok) return props.onError(`${file.name}: ${result.error}`)
    setColumns(
      CSV_FIELDS.filter((f) => result.columns[f])
        .map((f) => (result.columns[f] === CSV_FIELD_LABELS[f] ? CSV_FIELD_LABELS[f] : `${CSV_FIELD_LABELS[f]} (“${result.columns[f]}”)`))
        .join(' · ')
    )
    props.onAdd(file.name, result.tickets, result.problems)
  }
  return (
    <div className="stack">
      <p className="muted small">
        A CSV export of your tracker (in Jira: Filters → Export → Export CSV). Read: Issue key, Summary, Status, Priority, Story Points and every Sprint column.
        Importing the same file again updates the tickets instead of adding them twice; notes and links written here are kept.
      </p>
      <label className="field">
        <span className="field-label">Tracker address (optional, to link each key)</span>
        <input value={base} placeholder="https://yourcompany.atlassian.net" maxLength={200} onChange={(e) => setBase(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">CSV file</span>
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const input = e.currentTarget
            void choose(input.files?.[0]).finally(() => {
              input.value = ''
            })
          }}
        />
      </label>
      {columns && <p className="muted small">Columns read: {columns}</p>}
    </div>
  )
}
