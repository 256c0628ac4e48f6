/**
 * Time zone names people type ("New York", "berlin", "Europe/Berlinn") → the IANA zones they most
 * likely mean, so a wrong name is answered with a choice instead of being dropped.
 */
const norm = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, '_')
const cityOf = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).toLowerCase()

/** Levenshtein distance, stopping early past `max` (names are short). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      row.push(v)
      best = Math.min(best, v)
    }
    if (best > max) return max + 1
    prev = row
  }
  return prev[b.length]!
}

/** Up to `limit` zones for what was typed: same name in other case, then city matches, then near misses. */
export function zoneSuggestions(typed: string, zones: readonly string[], limit = 5): string[] {
  const text = norm(typed).slice(0, 64)
  if (text.length < 2) return []
  const exact = zones.filter((z) => z.toLowerCase() === text)
  if (exact.length) return exact.slice(0, limit)
  const city = text.slice(text.lastIndexOf('/') + 1)
  const byCity = zones.filter((z) => cityOf(z) === city)
  const starts = zones.filter((z) => !byCity.includes(z) && (cityOf(z).startsWith(city) || z.toLowerCase().includes(text)))
  const near = byCity.length + starts.length > 0 ? [] : zones.filter((z) => distance(cityOf(z), city, 2) <= 2 || distance(z.toLowerCase(), text, 2) <= 2)
  return [...byCity, ...starts, ...near].slice(0, limit)
}
