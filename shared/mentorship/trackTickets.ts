import { findTicketKeys, ticketKeyInUrl, ticketUrl } from '../tickets/tickets.ts'

/**
 * The tickets a direction works on: the ones linked explicitly (with the URL they came with) and
 * every key mentioned in its first steps and thoughts, once each, in order of first appearance.
 */
export interface TrackTicketLink {
  key: string
  url: string | null
  /** linked on purpose (can be removed), not only mentioned in a step or thought */
  linked: boolean
}

export function trackTicketList(linked: readonly { key: string; url: string | null }[], texts: readonly string[], trackerBaseUrl: string | null): TrackTicketLink[] {
  const out = new Map<string, TrackTicketLink>()
  for (const t of linked) if (!out.has(t.key)) out.set(t.key, { key: t.key, url: t.url ?? ticketUrl(t.key, trackerBaseUrl), linked: true })
  for (const text of texts) {
    for (const key of findTicketKeys(text)) if (!out.has(key)) out.set(key, { key, url: ticketUrl(key, trackerBaseUrl), linked: false })
  }
  return [...out.values()]
}

/** "https://shippo.atlassian.net/browse/ENG-8504" → "https://shippo.atlassian.net/browse/". */
export function trackerBaseFromTicketUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null
  const key = ticketKeyInUrl(url)
  if (!key) return null
  const at = url.lastIndexOf(key)
  return at > 0 && url.slice(at + key.length).replace(/\/$/, '') === '' ? url.slice(0, at) : null
}

/** The base the imported tickets agree on (the most used one), or null. */
export function trackerBaseFromTickets(tickets: readonly { url: string | null }[]): string | null {
  const counts = new Map<string, number>()
  for (const t of tickets) {
    const base = trackerBaseFromTicketUrl(t.url)
    if (base) counts.set(base, (counts.get(base) ?? 0) + 1)
  }
  let best: string | null = null
  for (const [base, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = base
  return best
}
