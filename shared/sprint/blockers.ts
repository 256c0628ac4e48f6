/**
 * Whether a daily sync-up answer to "blockers?" names a blocker. People write "none", "no
 * blockers", "-", "n/a", "nothing", "all good" … when they have none: that must not flag them as
 * BLOCKED in front of the team.
 */
const NO_BLOCKER = new Set([
  '-', '--', '—', '–', '/', '.', 'x', '0', 'no', 'none', 'nope', 'nothing', 'nil', 'null', 'na', 'n/a', 'n.a.', 'n a',
  'no blocker', 'no blockers', 'none so far', 'none yet', 'nothing yet', 'not blocked', 'not really', 'all good',
  'all clear', 'good', 'ok', 'okay', 'fine', 'no issues', 'no problems', 'nothing blocking', 'nothing blocking me',
  'no blockers today', 'none today', 'nothing today', 'keine', 'nein', 'aucun', 'ninguno', 'nada'
])

export function hasBlocker(answer: string): boolean {
  const text = answer
    .trim()
    .toLowerCase()
    .replace(/[!.…:;,]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (text.length === 0) return false
  if (NO_BLOCKER.has(text)) return false
  // a short answer made only of dashes, dots or emoji-like symbols is "nothing"
  if (text.length <= 3 && !/[\p{L}\p{N}]/u.test(text)) return false
  return true
}
