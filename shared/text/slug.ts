/**
 * "Tomás & Zoë's journal" → "tomas-zoe-s-journal": letters without their accents, digits, and
 * single dashes; `fallback` when nothing is left (a name in another script), at most `max` long.
 */
const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' }

export function slugify(text: string, fallback: string, max = 60): string {
  const slug = text
    .toLowerCase()
    .replace(/[æøœßłđðþı]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '')
  return slug || fallback
}
