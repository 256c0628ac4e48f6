/**
 * Links the app opens in the system browser. Many come from peers (a tracker's base URL, links in a
 * journal or a card), so main decides on its own: only http(s), of a sane length, and only after the
 * user has seen where the link really goes, in a native dialog the page cannot draw or dress up.
 */
export const MAX_EXTERNAL_URL_LENGTH = 2048

export type CheckedLink =
  | {
      ok: true
      /** the parsed, normalised address: exactly what is shown and what is opened (ASCII only) */
      href: string
      /** scheme://host[:port] as a person should read it: punycode, no user name */
      origin: string
      /** the host alone, e.g. evil.example or xn--80ak6aa92e.com */
      host: string
      /** path, query and fragment: "/" when the link is the site itself */
      path: string
      /** text before an @ that only pretends to be the site (https://trusted.example@evil.example) */
      userinfo: string | null
      /** the host is an internationalised name, shown in its ASCII (punycode) form */
      idn: boolean
    }
  | { ok: false; reason: string }

/** Decides whether a link may leave the app, and how it must be shown. Never throws. */
export function checkExternalUrl(raw: unknown): CheckedLink {
  if (typeof raw !== 'string') return { ok: false, reason: 'not text' }
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: `longer than ${MAX_EXTERNAL_URL_LENGTH} characters` }
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c < 0x20 || c === 0x7f) return { ok: false, reason: 'contains control characters' }
  }
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return { ok: false, reason: 'not a web address' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `${url.protocol} links never open outside the app` }
  }
  if (!url.hostname) return { ok: false, reason: 'no host' }
  const href = url.href
  if (href.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: `longer than ${MAX_EXTERNAL_URL_LENGTH} characters` }
  const userinfo = url.username || url.password ? decodeSafely(url.username + (url.password ? `:${url.password}` : '')) : null
  return {
    ok: true,
    href,
    origin: `${url.protocol}//${url.host}`,
    host: url.host,
    path: url.pathname + url.search + url.hash,
    userinfo,
    idn: url.hostname.split('.').some((label) => label.startsWith('xn--'))
  }
}

function decodeSafely(text: string): string {
  try {
    // shown as text in a native dialog; keep it printable ASCII so it cannot reorder the line
    return decodeURIComponent(text).replace(/[^\x20-\x7e]/g, '?')
  } catch {
    return text
  }
}

/** The native dialog's content (Electron MessageBoxOptions, without the window). */
export interface LinkPrompt {
  type: 'question'
  title: string
  message: string
  detail: string
  buttons: string[]
  defaultId: number
  cancelId: number
  noLink: boolean
}

export const OPEN_BUTTON = 0

/**
 * "Open https://evil.example/… in your browser?" — the real site is the dialog's main line (the
 * bold one on every platform), the whole address is below it.
 */
export function linkPrompt(link: Extract<CheckedLink, { ok: true }>): LinkPrompt {
  const more = link.path !== '/'
  const lines = [`Site: ${link.host}`]
  if (link.userinfo !== null) {
    lines.push(`Careful: “${link.userinfo}@” at the start of this address is not the site. The link goes to ${link.host}.`)
  }
  if (link.idn) lines.push(`${link.host} is an international domain name, shown in its ASCII form.`)
  lines.push('', 'Full address:', link.href, '', 'Links can come from other people in your spaces. Open it only if you expected this site.')
  return {
    type: 'question',
    title: 'Open link in your browser?',
    message: `Open ${link.origin}/${more ? '…' : ''} in your browser?`,
    detail: lines.join('\n'),
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true
  }
}

export interface ExternalLinkDeps {
  /** shows the prompt (dialog.showMessageBox) and resolves with the index of the button chosen */
  ask(prompt: LinkPrompt): Promise<number>
  /** shell.openExternal */
  open(href: string): Promise<void>
  log: { warn(message: string): void }
}

export type OpenOutcome = 'opened' | 'declined' | 'refused' | 'busy'

/**
 * Opens a link after the user said yes. One question at a time: while one is showing, further
 * requests are dropped, so a page cannot stack dialogs.
 */
export function createExternalLinkOpener(deps: ExternalLinkDeps): (url: string) => Promise<OpenOutcome> {
  let asking = false
  return async (url) => {
    const link = checkExternalUrl(url)
    if (!link.ok) {
      deps.log.warn(`links: refused to open ${String(url).slice(0, 200)}: ${link.reason}`)
      return 'refused'
    }
    if (asking) return 'busy'
    asking = true
    try {
      const choice = await deps.ask(linkPrompt(link))
      if (choice !== OPEN_BUTTON) return 'declined'
      await deps.open(link.href)
      return 'opened'
    } finally {
      asking = false
    }
  }
}
