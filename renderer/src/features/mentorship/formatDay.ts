/** "2019-04-19" → "Apr 19, 2019" in the reader's locale. */
export function formatDay(date: string | null): string {
  if (!date) return ''
  const d = new Date(`${date}T12:00:00`)
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}
