import { hasLoneSurrogate } from '../text/plainText.ts'
import { MAX_TITLE_LENGTH } from './entry.ts'

/**
 * Names that come from peers (team names, session titles) made fit for one line of a
 * notification: control characters and broken characters dropped, whitespace collapsed, at most
 * MAX_TITLE_LENGTH characters. Empty → the fallback.
 */
export function oneLine(text: string | null | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  let clean = (text ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim()
  if (hasLoneSurrogate(clean)) clean = clean.replace(/[\ud800-\udfff]/g, (c, i: number, s: string) => (isPaired(s, i) ? c : ''))
  if (clean.length > MAX_TITLE_LENGTH) clean = `${clean.slice(0, MAX_TITLE_LENGTH - 1).replace(/[\ud800-\udbff]$/, '')}…`
  return clean || fallback
}

function isPaired(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  if (c <= 0xdbff) {
    const next = s.charCodeAt(i + 1)
    return next >= 0xdc00 && next <= 0xdfff
  }
  const prev = s.charCodeAt(i - 1)
  return prev >= 0xd800 && prev <= 0xdbff
}
