/**
 * The mentorship program: the org's pool and matching, a pair's journal (directions, sessions,
 * joint projects, OKRs, private notes). Its store lives in ./store; its pure rules in shared/mentorship.
 */
export { mentorshipTabs } from './tabs.tsx'
export { keepPairJournalsSynced } from './store/pairSync.ts'
// what the reminders read from a pair's journal (a bare Y.Doc is accepted, as in node callers)
export { readPairInfo } from './store/pair.ts'
export { readSessions } from './store/sessions.ts'
export { PAIR_DOC_KEY } from './store/docs.ts'
// a pair's journal in the program's Markdown structure, for backups (issue 14; a bare Y.Doc is accepted)
export { journalMarkdown } from './store/journalIO.ts'
