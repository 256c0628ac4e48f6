/** Secure defaults for the one window, in one place (see test/unit/main/security.test.ts). */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://tandem`

/**
 * Where the renderer may connect. Signaling runs over WebSockets to servers the user chooses;
 * peer data rides WebRTC, which CSP does not govern.
 *
 * `wss:` is allowed to any host. Plain `ws:` is needed for the bundled server: on this computer
 * (ws://localhost) and, when a teammate hosts it for the LAN (SignalingHost binds 0.0.0.0 and hands
 * out ws://<lan-ip>:<port>), to that teammate's private address. A CSP source can name a host or a
 * `*.`-prefixed domain, never an IP range, and the teammate's address is not known when the page
 * loads, so the policy keeps the `ws:` scheme and main narrows it where CSP cannot:
 * `installWebSocketGuard` (localNetwork.ts) cancels every ws:// request whose host is not loopback,
 * a private or link-local address, or a .local/.home.arpa/.internal name. Anything else must be wss://.
 */
export const CONNECT_SOURCES = ["'self'", 'wss:', 'ws:'] as const

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src ${CONNECT_SOURCES.join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: true
  } as const
}

/** `scheme://host[:port]` of a URL, computed the same way for every scheme (Node's URL gives
 * custom schemes such as app:// an opaque "null" origin, Chromium does not). */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    if (!u.host) return null
    return `${u.protocol}//${u.host}`
  } catch {
    return null
  }
}

/**
 * Only our own pages may talk to main: app://tandem, and the dev server's origin only when one was
 * accepted at start-up (development builds only; see rendererUrl.ts).
 */
export function isTrustedSender(frameUrl: string | undefined, devOrigin: string | null = null): boolean {
  const origin = originOf(frameUrl)
  return origin !== null && (origin === APP_ORIGIN || (devOrigin !== null && origin === devOrigin))
}

/** Links the user clicks open in their browser, and only if they are http(s). */
export function isExternalHttpUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === 'https:' || u.protocol === 'http:'
  } catch {
    return false
  }
}

type PreventableEvent = { preventDefault(): void }

/** The subset of WebContents the hardening needs (a small interface so it is tested in node). */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent & { url: string }, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * No navigation away from the app, no new windows, no <webview>. An http(s) link goes to
 * `openExternal`, which asks the user first (externalLinks.ts); anything else is dropped.
 */
export function hardenContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    if (isExternalHttpUrl(url)) openExternal(url)
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttpUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}
