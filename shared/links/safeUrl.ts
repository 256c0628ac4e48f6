/**
 * Links that came from a peer or a file (a tracker base URL, a journal's ticket links, a card)
 * are only ever shown or opened as links when they are plain web addresses: http or https, of a
 * sane length, with a host. `javascript:`, `file:`, `data:` and every other scheme stay text.
 */
export const MAX_URL_LENGTH = 2048

const WEB_URL = /^https?:\/\/[^\s/?#\\]+(?:[/?#][^\s]*)?$/i

/** The URL when it is a web address safe to link to, else null. Never throws; linear time. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null
  const url = raw.trim()
  if (url.length === 0 || url.length > MAX_URL_LENGTH) return null
  // control characters (tabs and newlines inside a scheme fool some parsers)
  for (let i = 0; i < url.length; i++) if (url.charCodeAt(i) < 0x20 || url.charCodeAt(i) === 0x7f) return null
  if (!WEB_URL.test(url)) return null
  return hostOf(url) ? url : null
}

/**
 * The host a web address really goes to, as a person should read it before opening it:
 * "https://trusted.example@evil.example/x" goes to evil.example.
 */
export function hostOf(url: string): string {
  const afterScheme = url.slice(url.indexOf('//') + 2)
  const end = afterScheme.search(/[/?#]/)
  const authority = end < 0 ? afterScheme : afterScheme.slice(0, end)
  const host = authority.slice(authority.lastIndexOf('@') + 1)
  return host.replace(/:\d*$/, '').toLowerCase()
}
