import { slugify } from './templates.ts'

/** File names of the downloads: "retro-platform-team-sprint-12.md", "late-tickets-acme.csv". */
export function boardFileName(teamName: string, sprint: number, extension: 'md' | 'csv'): string {
  return `retro-${slugify(teamName)}-sprint-${sprint}.${extension}`
}

export function reportFileName(scopeName: string, kind: 'report' | 'entries'): string {
  return `late-tickets-${kind === 'report' ? 'report-' : ''}${slugify(scopeName)}.csv`
}
