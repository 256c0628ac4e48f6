/**
 * Retrospectives: a team's live board, its late tickets, the org's insights and sprint retro.
 * Its store lives in ./store; its pure rules in shared/retro.
 */
export { retroTabs } from './tabs.tsx'
export { retroServices } from './store/services.ts'
// a board as its Markdown and CSV exports from bare documents, for backups (issue 14)
export { boardExportsOf } from './store/boardExport.ts'
