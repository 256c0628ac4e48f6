/** Secure defaults for the one window, in one place (see test/unit/main/security.test.ts). */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://tandem`

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // y-webrtc signaling runs over WebSockets to user-chosen servers; peer data rides WebRTC.
  "connect-src 'self' ws: wss:",
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
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: true
  } as const
}

/** Only our own pages may talk to main. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false
  try {
    const url = new URL(frameUrl)
    return `${url.protocol}//${url.host}` === APP_ORIGIN || isDevServerUrl(frameUrl)
  } catch {
    return false
  }
}

function isDevServerUrl(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL
  if (!dev) return false
  try {
    return new URL(url).origin === new URL(dev).origin
  } catch {
    return false
  }
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

/** The subset of WebContents the hardening needs (a small interface so it is tested in node). */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: { preventDefault(): void; url: string }, url: string) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export function hardenContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    if (isExternalHttpUrl(url)) openExternal(url)
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttpUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}
