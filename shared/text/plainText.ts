import { z } from 'zod'

/**
 * Text that people type and peers send: bounded, and free of what no person types — control
 * characters (NUL, ESC …; tabs and line breaks are fine) and broken UTF-16 (a lone surrogate).
 */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true
  }
  return false
}

/** True when the string holds half of a surrogate pair with no other half (not valid Unicode). */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else return true
    } else if (c >= 0xdc00 && c <= 0xdfff) return true
  }
  return false
}

/** Trimmed text of at most `max` characters, without control characters or broken characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !hasControlCharacter(s), 'contains a control character (such as NUL or ESC) that cannot be shown')
    .refine((s) => !hasLoneSurrogate(s), 'contains a broken character (invalid Unicode)')
}

/** The first `max` characters of `text`, never cutting a character in two (a surrogate pair). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const last = cut.charCodeAt(cut.length - 1)
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut
}

/**
 * A piece of a file or a peer's text to quote in a message: control characters (line breaks and
 * tabs included) and the invisible direction overrides that can make a message read backwards
 * (U+202A–202E, U+2066–2069) shown as "�", lone surrogates too, and at most `max` characters
 * ("…" when cut).
 */
export function quoted(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  const clean = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  const cut = clip(clean, max)
  return cut.length < clean.length ? `${cut}…` : cut
}
