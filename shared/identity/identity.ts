import { z } from 'zod'

/** This device's person: chosen on first run, editable, carried in presence and member lists. */
export const MEMBER_COLORS = [
  '#d9480f', '#c2255c', '#9c36b5', '#5f3dc4', '#1971c2',
  '#0c8599', '#2b8a3e', '#66a80f', '#e67700', '#495057'
] as const

export const DISPLAY_NAME_MAX = 40

export const Identity = z.object({
  deviceId: z.string().min(8),
  name: z.string().min(1).max(DISPLAY_NAME_MAX),
  color: z.string().regex(/^#[0-9a-f]{6}$/i)
})
export type Identity = z.infer<typeof Identity>

export function cleanDisplayName(raw: string): { ok: true; name: string } | { ok: false; error: string } {
  const name = raw.replace(/\s+/g, ' ').trim()
  if (!name) return { ok: false, error: 'Tell your teammates what to call you.' }
  if (name.length > DISPLAY_NAME_MAX) return { ok: false, error: `Keep your name under ${DISPLAY_NAME_MAX} characters.` }
  return { ok: true, name }
}

/** Two letters for an avatar: "Daria Petrova" → "DP", "bruce" → "BR". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = (word: string) => [...word][0] ?? ''
  if (words.length === 1) return [...words[0]!].slice(0, 2).join('').toUpperCase()
  return (first(words[0]!) + first(words[words.length - 1]!)).toUpperCase()
}

/** A stable colour for a seed (e.g. a device id) so a new person gets a pleasant default. */
export function colorFor(seed: string): string {
  let h = 0
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return MEMBER_COLORS[h % MEMBER_COLORS.length]!
}

const channel = (hex: string, at: number): number => {
  const v = parseInt(hex.slice(at, at + 2), 16) / 255
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
}
const luminance = (hex: string): number => 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5)

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

const hex2 = (v: number): string => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')

/**
 * How initials show on a member's colour at WCAG AA (4.5:1): white text where white reads well,
 * near-black where that does, else the colour darkened (a few steps toward black) under white.
 * Every peer computes the same pair for the same colour; a malformed colour gets the accent.
 */
export function avatarColors(color: string): { background: string; text: string } {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return { background: '#2f5d50', text: '#ffffff' }
  if (contrastRatio('#ffffff', color) >= 4.5) return { background: color, text: '#ffffff' }
  if (contrastRatio('#141a18', color) >= 4.5) return { background: color, text: '#141a18' }
  return { background: underWhite(color), text: '#ffffff' }
}

/** The colour, darkened a few steps if needed, so that white text on it reads at 4.5:1 (name tags). */
export function underWhite(color: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return '#2f5d50'
  let background = color
  for (let step = 0; step < 20 && contrastRatio('#ffffff', background) < 4.5; step++) {
    background = '#' + [1, 3, 5].map((at) => hex2(parseInt(background.slice(at, at + 2), 16) * 0.92)).join('')
  }
  return background
}
