import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createAppProtocolHandler, mimeTypeFor, resolveAppPath } from '../../../electron/main/appProtocol.ts'

const ROOT = path.resolve('/srv/tandem/renderer')
const inRoot = (...parts: string[]) => path.join(ROOT, ...parts)

describe('resolveAppPath', () => {
  it("serves index.html for '/' and for the bare origin", () => {
    expect(resolveAppPath(ROOT, 'app://tandem/')).toBe(inRoot('index.html'))
    expect(resolveAppPath(ROOT, 'app://tandem')).toBe(inRoot('index.html'))
  })

  it('maps paths under the root, ignoring query and fragment', () => {
    expect(resolveAppPath(ROOT, 'app://tandem/assets/index-abc.js?v=2#top')).toBe(inRoot('assets', 'index-abc.js'))
    expect(resolveAppPath(ROOT, 'app://tandem/assets/My%20Font.woff2')).toBe(inRoot('assets', 'My Font.woff2'))
  })

  it('keeps literal ../ inside the root (the URL is normalised first)', () => {
    for (const url of ['app://tandem/../../etc/passwd', 'app://tandem/%2e%2e/%2E%2E/etc/passwd', 'app://tandem//etc/passwd']) {
      const file = resolveAppPath(ROOT, url)
      expect(file, url).toBe(inRoot('etc', 'passwd'))
    }
  })

  it.each([
    ['encoded ../', 'app://tandem/%2e%2e%2f%2e%2e%2fetc/passwd'],
    ['encoded ../ after a folder', 'app://tandem/assets/..%2f..%2f..%2fetc/passwd'],
    ['fully encoded', 'app://tandem/%2E%2E%2F%2E%2E%2F%2E%2E%2Fhome%2Fuser%2F.ssh%2Fid_rsa'],
    ['a sibling folder sharing the prefix', 'app://tandem/..%2frenderer-secrets/x'],
    ['a NUL byte', 'app://tandem/index.html%00.png'],
    ['broken percent-encoding', 'app://tandem/%E0%A4%A'],
    ['an unparseable URL', 'not a url']
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull()
  })
})

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/app.JS', 'text/javascript; charset=utf-8'],
    ['chunk.mjs', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['mod.wasm', 'application/wasm'],
    ['app.js.map', 'application/json'],
    ['README', 'application/octet-stream'],
    ['archive.exe', 'application/octet-stream']
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type)
  })
})

describe('createAppProtocolHandler', () => {
  const CSP = "default-src 'self'"
  const files = new Map([[inRoot('index.html'), new TextEncoder().encode('<!doctype html><p>hi')]])
  const readFile = vi.fn(async (file: string) => {
    const body = files.get(file)
    if (!body) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' })
    return body
  })
  const handler = createAppProtocolHandler({ rootDir: ROOT, readFile, csp: CSP })

  it('serves a file with its content type, the CSP and nosniff', async () => {
    const res = await handler({ url: 'app://tandem/' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CSP)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toBe('<!doctype html><p>hi')
    expect(readFile).toHaveBeenLastCalledWith(inRoot('index.html'))
  })

  it('answers 404 for a missing file', async () => {
    const res = await handler({ url: 'app://tandem/missing.js' })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-security-policy')).toBeNull()
  })

  it('answers 403 for a traversal and never reads the file', async () => {
    readFile.mockClear()
    const res = await handler({ url: 'app://tandem/%2e%2e%2f%2e%2e%2fetc/passwd' })
    expect(res.status).toBe(403)
    expect(readFile).not.toHaveBeenCalled()
  })
})
