import { useState } from 'react'
import { journalFromMarkdown, type JournalImport } from '@shared/mentorship/journalMarkdown.ts'
import { JOURNAL_LIMITS_TEXT } from '@shared/mentorship/journalBounds.ts'
import { describeJournalContent } from '@shared/mentorship/journalRecords.ts'
import { importJournal, journalMarkdown, UNPLACED_SESSION_TITLE } from '../store/journalIO.ts'
import { Dialog } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'
import { downloadText } from '@ui/files.ts'
import { readTextFile } from '@ui/textFile.ts'

/** A journal of many years is well under this. */
const MAX_JOURNAL_BYTES = 5 * 1024 * 1024
import { fileSlug } from '../files.ts'
import type { Pair } from './PairPage.tsx'

/** The journal as Markdown in the program's structure: export it, or import one (with a preview). */
export function JournalTransfer({ pair }: { pair: Pair }) {
  const [pending, setPending] = useState<{ file: string; result: JournalImport } | null>(null)
  const [keepUnplaced, setKeepUnplaced] = useState(true)

  const chosen = async (file: File | undefined) => {
    if (!file) return
    const read = await readTextFile(file, MAX_JOURNAL_BYTES)
    if (!read.ok) return toast(read.reason, 'error')
    setKeepUnplaced(true)
    setPending({ file: file.name, result: journalFromMarkdown(read.text, { trackerBaseUrl: pair.tracker ?? undefined }) })
  }

  const apply = () => {
    if (!pending) return
    const summary = importJournal(pair.journal, pending.result.journal, pending.result.unplaced, { keepUnplaced })
    toast(summary)
    setPending(null)
  }

  const issues = pending ? [...pending.result.unplaced.map((i) => ({ ...i, kind: 'Not placed' })), ...pending.result.warnings.map((i) => ({ ...i, kind: 'Note' }))] : []
  return (
    <section className="panel" aria-labelledby="journal-title">
      <h3 id="journal-title">Journal as Markdown</h3>
      <p className="muted small">
        In the program&apos;s document structure: title, first discussed, participants, sessions with date and duration, a section
        per mentor, the joint project. Importing adds to what is here; a file of {JOURNAL_LIMITS_TEXT} is read.
      </p>
      <div className="row">
        <button type="button" className="button" onClick={() => downloadText(`${fileSlug(pair.info.title || 'journal')}.md`, journalMarkdown(pair.journal))}>
          Export Markdown
        </button>
        {!pair.readOnly && (
          <label className="button file-button">
            Import Markdown…
            <input
              type="file"
              accept=".md,.markdown,.txt,text/markdown,text/plain"
              aria-label="Journal Markdown file"
              className="visually-hidden"
              onChange={(e) => {
                void chosen(e.target.files?.[0])
                e.target.value = ''
              }}
            />
          </label>
        )}
      </div>
      <Dialog title="Import journal" open={!!pending} onClose={() => setPending(null)} wide>
        {pending && (
          <>
            <p>
              <strong>{pending.file}</strong>: {describeJournalContent(pending.result.journal)}
              {pending.result.journal.title ? ` from “${pending.result.journal.title}”` : ''}.
            </p>
            {issues.length > 0 ? (
              <>
                <p>
                  {pending.result.unplaced.length > 0
                    ? `${pending.result.unplaced.length} ${pending.result.unplaced.length === 1 ? 'part does' : 'parts do'} not fit the journal's structure:`
                    : 'Worth a look:'}
                </p>
                <ul className="problems warning" aria-label="What could not be placed">
                  {issues.map((issue, i) => (
                    <li key={i}>
                      <span className="problem-where">
                        {issue.kind}, line {issue.line}:
                      </span>{' '}
                      {issue.reason}
                      {issue.text && <q className="problem-text">{issue.text.length > 160 ? `${issue.text.slice(0, 160)}…` : issue.text}</q>}
                    </li>
                  ))}
                </ul>
                {pending.result.unplaced.length > 0 && (
                  <label className="check-line">
                    <input type="checkbox" checked={keepUnplaced} onChange={(e) => setKeepUnplaced(e.target.checked)} />
                    Keep them as the notes of a session called “{UNPLACED_SESSION_TITLE}”, so no text is lost
                  </label>
                )}
              </>
            ) : pending.result.journal.tracks.length + pending.result.journal.jointProjects.length === 0 ? (
              <p role="status">
                No direction (“Daria as a mentor - topic”) or joint project was found in the file, as a heading or a list item: its
                text is kept as session notes.
              </p>
            ) : (
              <p className="ok-line">Everything in the file has its place.</p>
            )}
            <div className="row end">
              <button type="button" className="button" onClick={() => setPending(null)}>
                Cancel
              </button>
              <button type="button" className="button primary" onClick={apply}>
                Import
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  )
}
