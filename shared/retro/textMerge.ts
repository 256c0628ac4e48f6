/**
 * Merging two edits of one card's text. A card's text is one field (last writer wins in Yjs), so
 * when I save an edit I started from `base` and the card now reads `theirs` (someone — often my
 * other device — saved meanwhile), the two edits are merged instead of mine silently replacing
 * theirs: each edit is the one span it changed; spans that do not overlap both apply; when they
 * overlap, mine wins (I am saving now, with their text in front of me after the merge).
 */
interface Edit {
  start: number
  end: number
  insert: string
}

/** The single span of `base` that `next` replaced: common prefix and suffix kept. */
export function editOf(base: string, next: string): Edit {
  let start = 0
  const max = Math.min(base.length, next.length)
  while (start < max && base[start] === next[start]) start++
  let tail = 0
  while (tail < max - start && base[base.length - 1 - tail] === next[next.length - 1 - tail]) tail++
  return { start, end: base.length - tail, insert: next.slice(start, next.length - tail) }
}

export function mergeText(base: string, mine: string, theirs: string): string {
  const merged = mergeEdits(base, mine, theirs)
  // two deletions that together remove everything: a card is never emptied by a merge, my save wins
  return merged.trim() === '' && mine.trim() !== '' ? mine : merged
}

function mergeEdits(base: string, mine: string, theirs: string): string {
  if (mine === theirs || theirs === base) return mine
  if (mine === base) return theirs
  const a = editOf(base, mine)
  const b = editOf(base, theirs)
  const [first, second] = a.start < b.start || (a.start === b.start && a.end < b.end) ? [a, b] : [b, a]
  // both typed at the same spot: keep both, theirs first (it was saved first)
  if (a.start === a.end && b.start === b.end && a.start === b.start) return base.slice(0, a.start) + b.insert + a.insert + base.slice(a.start)
  if (first.end > second.start) return mine
  return base.slice(0, first.start) + first.insert + base.slice(first.end, second.start) + second.insert + base.slice(second.end)
}
