/** Work-tracker ticket keys such as ENG-8504: found anywhere in text, linked to the org's tracker. */
const TICKET_KEY = /\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b/g

export interface TicketMatch {
  key: string
  start: number
  end: number
}

export function findTicketKeys(text: string): TicketMatch[] {
  const out: TicketMatch[] = []
  for (const m of text.matchAll(TICKET_KEY)) out.push({ key: m[0], start: m.index, end: m.index + m[0].length })
  return out
}

/** "https://acme.atlassian.net/browse/" + "ENG-8504"; a base with {key} gets it substituted. */
export function ticketUrl(baseUrl: string, key: string): string {
  if (baseUrl.includes('{key}')) return baseUrl.replace('{key}', encodeURIComponent(key))
  return baseUrl.replace(/\/*$/, '/') + encodeURIComponent(key)
}

/** Checks a tracker base URL typed by a user. */
export function cleanTrackerBaseUrl(raw: string): { ok: true; url: string } | { ok: false; error: string } {
  const url = raw.trim()
  if (!url) return { ok: true, url: '' }
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/i.test(url)) {
    return { ok: false, error: 'A tracker address starts with https:// — e.g. https://acme.atlassian.net/browse/' }
  }
  return { ok: true, url }
}
