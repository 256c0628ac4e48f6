import { originOf } from './security.ts'

/**
 * Electron grants every permission a page asks for unless the app says otherwise. Tandem says
 * otherwise: its own pages get the few permissions it uses, every other origin gets nothing.
 *
 * - notifications: the app's own reminders.
 * - clipboard-sanitized-write: "Copy invite", "Copy link" (navigator.clipboard.writeText); Chromium
 *   asks for it before every write and fails the write when it is denied. Write-only and
 *   sanitized; reading the clipboard (clipboard-read) stays denied.
 * - local-network-access, local-network, loopback-network: Chromium's Local Network Access asks
 *   before a page talks to this computer or the LAN; Tandem's signaling does exactly that
 *   (ws://localhost, a teammate's ws://192.168.x.y). The hosts it may reach over plain ws:// are
 *   narrowed by the WebSocket guard (localNetwork.ts).
 *
 * Everything else (media, geolocation, clipboard-read, openExternal, fullscreen, midi, hid, usb,
 * serial, display-capture, idle-detection, storage-access, …) is denied, for every origin.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
  'local-network-access',
  'local-network',
  'loopback-network'
])

export interface PermissionQuery {
  permission: string
  /** the origin or URL of the frame asking */
  requestingOrigin: string | undefined
  /** set when a cross-origin subframe asks: the origin of the page embedding it */
  embeddingOrigin?: string | undefined
}

/** The one decision, for requests and checks alike. */
export function isPermissionAllowed(query: PermissionQuery, trustedOrigins: readonly string[]): boolean {
  if (!ALLOWED_PERMISSIONS.has(query.permission)) return false
  const origin = originOf(query.requestingOrigin)
  if (origin === null || !trustedOrigins.includes(origin)) return false
  if (query.embeddingOrigin !== undefined && query.embeddingOrigin !== '') {
    const embedding = originOf(query.embeddingOrigin)
    if (embedding === null || !trustedOrigins.includes(embedding)) return false
  }
  return true
}

/** The part of Electron's Session the handlers need. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: { getURL(): string } | null,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string }
    ) => void
  ): void
  setPermissionCheckHandler(
    handler: (
      webContents: { getURL(): string } | null,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string; embeddingOrigin?: string }
    ) => boolean
  ): void
}

export function installPermissionHandlers(
  session: PermissionSession,
  trustedOrigins: readonly string[],
  log: { warn(message: string): void }
): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const requestingOrigin = details.requestingUrl || webContents?.getURL()
    const granted = isPermissionAllowed({ permission, requestingOrigin }, trustedOrigins)
    if (!granted) log.warn(`permissions: denied ${permission} to ${originOf(requestingOrigin) ?? '(unknown origin)'}`)
    callback(granted)
  })
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isPermissionAllowed({ permission, requestingOrigin, embeddingOrigin: details.embeddingOrigin }, trustedOrigins)
  )
}
