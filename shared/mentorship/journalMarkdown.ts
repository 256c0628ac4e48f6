/**
 * Markdown import and export of a pair's journal, in the structure of the program's documents.
 * The reading lives in journalImport.ts and the writing in journalExport.ts; this is the one place
 * the rest of the app imports them from.
 *
 *   const { journal, unplaced, warnings } = journalFromMarkdown(text, { trackerBaseUrl })
 *   const text = journalToMarkdown(journal, { dateStyle: 'us' })
 */
export { journalFromMarkdown, type JournalImport, type JournalImportOptions, type JournalIssue } from './journalImport.ts'
export { journalToMarkdown, type JournalExportOptions } from './journalExport.ts'
