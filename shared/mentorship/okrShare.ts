import type { Paragraph, PhrasingContent, RootContent, TableRow } from 'mdast'
import { toMarkdown } from 'mdast-util-to-markdown'
import { gfmToMarkdown } from 'mdast-util-gfm'
import {
  ON_TARGET,
  checkInsNewestFirst,
  keyResultScore,
  okrScore,
  okrStatus,
  quarterBounds,
  roundScore,
  type KeyResult,
  type Okr
} from './okr.ts'

/**
 * "Share for my 1:1": a Markdown summary of a mentee's personal OKR that they can paste into the
 * doc they share with their manager. Built as an mdast tree and written by mdast-util-to-markdown
 * (with GFM tables), so whatever people typed is escaped correctly.
 */

export interface OkrShareContext {
  mentee: string
  mentor: string
  pairName: string
  /** The day of sharing, "YYYY-MM-DD" in the sharer's zone. */
  today: string
  /** How many recent check-ins to list (default 5). */
  recentCheckIns?: number
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100)
}

export function formatScore(score: number): string {
  return roundScore(score).toFixed(1)
}

/** "6 days (from 10, target 4)", "45%", "done". */
export function keyResultProgress(kr: KeyResult): string {
  switch (kr.kind) {
    case 'numeric': {
      const unit = kr.unit ? ` ${kr.unit}` : ''
      return `${formatNumber(kr.current)}${unit} (from ${formatNumber(kr.start)}, target ${formatNumber(kr.target)})`
    }
    case 'percentage':
      return `${formatNumber(kr.current)}%`
    case 'binary':
      return kr.done ? 'done' : 'not done'
  }
}

function checkInValue(kr: KeyResult | undefined, value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'done' : 'not done'
  if (kr?.kind === 'percentage') return `${formatNumber(value)}%`
  return kr?.kind === 'numeric' && kr.unit ? `${formatNumber(value)} ${kr.unit}` : formatNumber(value)
}

/** How far through the quarter a day is, 0–100, or null outside it. */
function quarterElapsed(okr: Okr, today: string): number | null {
  const { start, end } = quarterBounds(okr.quarter)
  if (today < start || today > end) return null
  const day = 86_400_000
  const from = Date.parse(start)
  const total = (Date.parse(end) - from) / day + 1
  return Math.round((((Date.parse(today) - from) / day + 1) / total) * 100)
}

const text = (value: string): PhrasingContent => ({ type: 'text', value })
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] })
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })
const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((cell) => ({ type: 'tableCell', children: [text(cell)] })) })

export function okrShareMarkdown(okr: Okr, context: OkrShareContext): string {
  const today = context.today
  const score = okrScore(okr)
  const elapsed = quarterElapsed(okr, today)
  const quarterNote = elapsed === null ? okr.quarter : `${okr.quarter}, ${elapsed}% of the quarter gone`

  const rows = okr.keyResults.map((kr) => {
    const latest = checkInsNewestFirst(okr, kr.id)[0]
    const confidence = latest ? `${latest.confidence}/10 (${latest.date})` : '—'
    return row([kr.title, keyResultProgress(kr), formatScore(keyResultScore(kr)), confidence])
  })

  const recent = checkInsNewestFirst(okr).slice(0, context.recentCheckIns ?? 5)
  const titles = new Map(okr.keyResults.map((kr) => [kr.id, kr]))

  const children: RootContent[] = [
    { type: 'heading', depth: 2, children: [text(`Personal OKR — ${context.mentee}, ${okr.quarter}`)] },
    paragraph(
      text(`Mentored by ${context.mentor} in the mentoring pair "${context.pairName}". Shared on ${today} (${quarterNote}).`)
    ),
    paragraph(strong('Objective:'), text(` ${okr.objective}`)),
    paragraph(
      strong('Score:'),
      text(` ${formatScore(score)} — ${okrStatus(score)} (scored 0.0–1.0; ${ON_TARGET.toFixed(1)} or more is on target)`)
    ),
    {
      type: 'table',
      align: ['left', 'left', 'right', 'left'],
      children: [row(['Key result', 'Progress', 'Score', 'Latest confidence']), ...rows]
    },
    { type: 'heading', depth: 3, children: [text('Recent check-ins')] }
  ]
  if (recent.length === 0) {
    children.push(paragraph(text('No check-ins yet.')))
  } else {
    children.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: recent.map((checkIn) => {
        const kr = titles.get(checkIn.keyResultId)
        const note = checkIn.note.trim() ? `: ${checkIn.note.trim()}` : ''
        const line = `${checkIn.date} — ${kr?.title ?? checkIn.keyResultId}: ${checkInValue(kr, checkIn.value)}, confidence ${checkIn.confidence}/10${note}`
        return { type: 'listItem', spread: false, children: [paragraph(text(line))] }
      })
    })
  }
  return toMarkdown({ type: 'root', children }, { extensions: [gfmToMarkdown()], bullet: '-' })
}
