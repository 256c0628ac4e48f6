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
