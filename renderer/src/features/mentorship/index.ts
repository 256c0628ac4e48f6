/**
 * The mentorship program: the org's pool and matching, a pair's journal (directions, sessions,
 * joint projects, OKRs, private notes). Its store lives in ./store; its pure rules in shared/mentorship.
 */
export { mentorshipTabs } from './tabs.tsx'
export { keepPairJournalsSynced } from './store/pairSync.ts'
