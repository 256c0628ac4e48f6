import { CEREMONIES, type CeremonyKind } from '../sprint/ceremonies.ts'
import { QUESTION_KIND_LABELS, type AssignedTicket, type BacklogTicket, type QuestionCopy, type TeamEstimate, type TicketQuestion } from './tickets.ts'
import { cardName, type VoteSummary } from './poker.ts'

/**
 * The division planning and the team scrum as Markdown (a download, for the tracker or the wiki).
 * Everything a peer wrote is escaped: it cannot add headings, links, tables or HTML.
 */
type WithId<T> = T & { readonly id: string }
/** a question of the exported space, with its asker as their member entry names them (askers.ts) */
type AskedQuestion = WithId<TicketQuestion> & { readonly asker: string }

/** One line of text: line breaks folded, Markdown's punctuation escaped. */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-=])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.')
    .trim()
}

function meetingIntro(kind: CeremonyKind): string[] {
  const c = CEREMONIES[kind]
  const lines = [`> ${c.purpose}`, '']
  for (const section of c.agenda) {
    lines.push(`**${section.title}:**`, '')
    for (const item of section.items) lines.push(`- ${item}`)
    lines.push('')
  }
  return lines
}

const ticketName = (t: { key: string; title: string }) => (t.key ? `${mdText(t.key)} ${mdText(t.title)}` : mdText(t.title))

/** A space's own questions are named by `asker`; a copy from the other space by the name the mirror gave it. */
function questionLines(questions: readonly (QuestionCopy | AskedQuestion)[], indent = '  '): string[] {
  return questions.map((q) => {
    const answer = q.answer ? ` — ${mdText(q.answer)}` : ''
    const name = 'asker' in q ? q.asker : q.authorName
    const who = name ? ` (${mdText(name)})` : ''
    return `${indent}- [${q.resolved ? 'x' : ' '}] ${QUESTION_KIND_LABELS[q.kind]}: ${mdText(q.text)}${who}${answer}`
  })
}

export interface DivisionExport {
  orgName: string
  sprint: number
  sprintDates: string
  tickets: readonly WithId<BacklogTicket>[]
  questions: readonly AskedQuestion[]
  teamName: (teamId: string) => string
  present: readonly string[]
}

export function divisionMarkdown(x: DivisionExport): string {
  const selected = x.tickets.filter((t) => t.forSprint === x.sprint)
  const backlog = x.tickets.filter((t) => t.forSprint === null)
  const lines = [`# Division sprint planning — ${mdText(x.orgName)}, sprint ${x.sprint}`, '', `Sprint ${x.sprint}: ${x.sprintDates}`, '']
  lines.push(...meetingIntro('division-sprint-planning'))
  if (x.present.length) lines.push(`Present: ${x.present.map(mdText).join(', ')}`, '')
  lines.push(`## To estimate in sprint ${x.sprint} (${selected.length})`, '')
  const byTeam = new Map<string, WithId<BacklogTicket>[]>()
  for (const t of selected) {
    const team = t.teamId ?? ''
    byTeam.set(team, [...(byTeam.get(team) ?? []), t])
  }
  const teams = [...byTeam.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : x.teamName(a).localeCompare(x.teamName(b))))
  for (const team of teams) {
    lines.push(`### ${team ? mdText(x.teamName(team)) : 'No team yet'}`, '')
    for (const t of byTeam.get(team)!) lines.push(...ticketLines(t, x.questions))
    lines.push('')
  }
  if (selected.length === 0) lines.push('_No ticket selected yet._', '')
  lines.push(`## Backlog (${backlog.length})`, '')
  for (const t of backlog) lines.push(...ticketLines(t, x.questions))
  return `${lines.join('\n').trimEnd()}\n`
}

function ticketLines(t: WithId<BacklogTicket>, questions: readonly AskedQuestion[]): string[] {
  const facts = [t.status, t.priority, t.trackerPoints ? `${t.trackerPoints} pts in the tracker` : '', t.estimate ? `estimate ${t.estimate}` : '']
    .filter(Boolean)
    .map(mdText)
  const lines = [`- ${ticketName(t)}${facts.length ? ` — ${facts.join(' · ')}` : ''}`]
  if (t.url) lines.push(`  ${mdText(t.url)}`)
  if (t.notes) lines.push(`  ${mdText(t.notes)}`)
  lines.push(...questionLines(questions.filter((q) => q.ticketId === t.id)))
  lines.push(...questionLines(t.teamQuestions))
  return lines
}

export interface ScrumExport {
  teamName: string
  sprint: number
  sprintDates: string
  tickets: readonly WithId<AssignedTicket>[]
  estimates: readonly WithId<TeamEstimate>[]
  questions: readonly AskedQuestion[]
  goals: readonly string[]
  /** the last revealed round of each ticket */
  spreads: ReadonlyMap<string, { round: number; summary: VoteSummary }>
  nameOf: (memberId: string) => string
  present: readonly string[]
}

export function scrumMarkdown(x: ScrumExport): string {
  const lines = [`# Team scrum — ${mdText(x.teamName)}, for sprint ${x.sprint}`, '', `Sprint ${x.sprint}: ${x.sprintDates}`, '']
  lines.push(...meetingIntro('team-scrum'))
  if (x.present.length) lines.push(`Present: ${x.present.map(mdText).join(', ')}`, '')
  lines.push(`## Sprint goals for sprint ${x.sprint}`, '')
  if (x.goals.length) x.goals.forEach((g, i) => lines.push(`${i + 1}. ${mdText(g)}`))
  else lines.push('_None yet._')
  lines.push('', `## Tickets (${x.tickets.length})`, '')
  for (const t of x.tickets) {
    const estimate = x.estimates.find((e) => e.id === t.id)
    lines.push(`- ${ticketName(t)} — ${estimate ? `**estimate ${mdText(estimate.value)}**` : 'not estimated'}`)
    if (t.url) lines.push(`  ${mdText(t.url)}`)
    const spread = x.spreads.get(t.id)
    if (spread) {
      const cards = spread.summary.tally.map((c) => `${mdText(cardName(c.value))} × ${c.count} (${c.memberIds.map((m) => mdText(x.nameOf(m))).join(', ')})`)
      lines.push(`  Round ${spread.round}: ${cards.join('; ')}`)
    }
    lines.push(...questionLines(t.questions))
    lines.push(...questionLines(x.questions.filter((q) => q.ticketId === t.id)))
  }
  return `${lines.join('\n').trimEnd()}\n`
}

export interface ReviewExport {
  orgName: string
  sprint: number
  sprintDates: string
  present: readonly string[]
  escalations: readonly { teamName: string; items: readonly { id: string; text: string }[] }[]
  notes: ReadonlyMap<string, string>
  followUps: readonly { escalationId: string; text: string; owner: string; done: boolean }[]
  shoutOuts: readonly { text: string; to: readonly { name: string }[]; author: string; reactions: string }[]
  demos: readonly { teamName: string; done: readonly { text: string; url: string; achieved: boolean }[]; next: readonly { text: string }[]; links: readonly { text: string; url: string }[] }[]
}

export function reviewMarkdown(x: ReviewExport): string {
  const lines = [`# Sprint retrospective & demo — ${mdText(x.orgName)}, sprint ${x.sprint}`, '', `Sprint ${x.sprint}: ${x.sprintDates}`, '']
  lines.push(...meetingIntro('sprint-retro-demo'))
  if (x.present.length) lines.push(`Present: ${x.present.map(mdText).join(', ')}`, '')
  lines.push('## Sprint retrospective', '')
  if (x.escalations.length === 0) lines.push('_Nothing escalated._', '')
  for (const team of x.escalations) {
    lines.push(`### ${mdText(team.teamName)}`, '')
    for (const item of team.items) {
      lines.push(`- ${mdText(item.text)}`)
      const note = x.notes.get(item.id)
      if (note) lines.push(`  Notes: ${mdText(note)}`)
      for (const f of x.followUps.filter((f) => f.escalationId === item.id)) lines.push(`  - [${f.done ? 'x' : ' '}] ${mdText(f.text)}${f.owner ? ` (${mdText(f.owner)})` : ''}`)
    }
    lines.push('')
  }
  lines.push('## Shout-outs', '')
  if (x.shoutOuts.length === 0) lines.push('_None yet._')
  for (const s of x.shoutOuts) lines.push(`- To ${s.to.map((t) => mdText(t.name)).join(', ')}: ${mdText(s.text)} — ${mdText(s.author)}${s.reactions ? ` ${s.reactions}` : ''}`)
  lines.push('', '## Demo', '')
  for (const d of x.demos) {
    lines.push(`### ${mdText(d.teamName)}`, '', `**What we accomplished in sprint ${x.sprint}:**`, '')
    if (d.done.length === 0) lines.push('_Nothing listed._')
    for (const i of d.done) lines.push(`- [${i.achieved ? 'x' : ' '}] ${mdText(i.text)}${i.url ? ` ${mdText(i.url)}` : ''}`)
    lines.push('', `**Our goals for sprint ${x.sprint + 1}:**`, '')
    if (d.next.length === 0) lines.push('_Not set yet._')
    d.next.forEach((g, i) => lines.push(`${i + 1}. ${mdText(g.text)}`))
    if (d.links.length) {
      lines.push('', '**Links:**', '')
      for (const l of d.links) lines.push(`- ${mdText(l.text || l.url)}${l.url && l.text ? ` ${mdText(l.url)}` : ''}`)
    }
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}
