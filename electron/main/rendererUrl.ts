import { APP_ORIGIN } from './security.ts'

/**
 * Where the window loads the renderer from. electron-vite's dev server (ELECTRON_RENDERER_URL) is
 * honoured only in development, and only on this computer's loopback; a packaged build always loads
 * its own files from app://tandem/, whatever the environment says. The dev origin, when accepted,
 * is the only other origin IPC trusts (security.ts isTrustedSender).
 */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export interface RendererSource {
  /** the URL the window loads */
  url: string
  /** the dev server's origin, trusted like app://tandem; null unless in development */
  devOrigin: string | null
  /** why ELECTRON_RENDERER_URL was ignored, when it was set and ignored */
  ignored?: string
}

export function resolveRendererSource(options: { isPackaged: boolean; devServerUrl: string | undefined }): RendererSource {
  const raw = options.devServerUrl?.trim()
  if (!raw) return { url: APP_ENTRY_URL, devOrigin: null }
  if (options.isPackaged) {
    return { url: APP_ENTRY_URL, devOrigin: null, ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged build' }
  }
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    return { url: APP_ENTRY_URL, devOrigin: null, ignored: 'ELECTRON_RENDERER_URL is not a URL' }
  }
  const loopback = (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK_HOSTS.has(u.hostname) && !u.username && !u.password
  if (!loopback) {
    return { url: APP_ENTRY_URL, devOrigin: null, ignored: 'ELECTRON_RENDERER_URL must be http://localhost or http://127.0.0.1' }
  }
  return { url: u.href, devOrigin: `${u.protocol}//${u.host}` }
}
