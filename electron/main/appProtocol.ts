import path from 'node:path'

/**
 * Serves the built renderer from app://tandem/… . A custom privileged scheme, never file://:
 * IndexedDB belongs to the origin, so the origin must never change under users' data.
 */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.map': 'application/json'
}

export function mimeTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Maps a request URL to a file under rootDir, or null if it would escape it. */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '')
  const root = path.resolve(rootDir)
  const file = path.resolve(root, relative)
  if (file !== root && !file.startsWith(root + path.sep)) return null
  return file
}

export interface AppProtocolDeps {
  rootDir: string
  readFile(file: string): Promise<Uint8Array>
  csp: string
}

export function createAppProtocolHandler(deps: AppProtocolDeps) {
  return async (request: { url: string }): Promise<Response> => {
    const file = resolveAppPath(deps.rootDir, request.url)
    if (!file) return new Response('Forbidden', { status: 403 })
    try {
      const body = await deps.readFile(file)
      return new Response(body as BodyInit, {
        status: 200,
        headers: {
          'content-type': mimeTypeFor(file),
          'content-security-policy': deps.csp,
          'x-content-type-options': 'nosniff'
        }
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  }
}
