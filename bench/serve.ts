import { existsSync, createReadStream, statSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { mimeTypeFor } from '../electron/main/appProtocol.ts'

/**
 * A small static server for the web build on 127.0.0.1 and a random port, so the bench never
 * competes with `vite preview` on 4173 (the e2e suite's port). The app routes by hash, so only
 * real files are served; anything else gets index.html. `mounts` serve other folders under a
 * path prefix on the same origin (the bench's own pages under /bench/, sharing the app's
 * IndexedDB).
 */
export interface StaticServer {
  url: string
  close(): Promise<void>
}

export async function serveStatic(root: string, mounts: Record<string, string> = {}): Promise<StaticServer> {
  const appBase = path.resolve(root)
  if (!existsSync(path.join(appBase, 'index.html'))) {
    throw new Error(`${appBase}/index.html is missing: build the web app first`)
  }
  const server = http.createServer((req, res) => {
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    } catch {
      res.writeHead(400).end()
      return
    }
    let base = appBase
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!pathname.startsWith(prefix)) continue
      base = path.resolve(dir)
      pathname = '/' + pathname.slice(prefix.length)
      break
    }
    let file = path.resolve(base, '.' + pathname)
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end()
      return
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (base !== appBase) {
        res.writeHead(404).end()
        return
      }
      file = path.join(base, 'index.html')
    }
    res.writeHead(200, {
      'content-type': mimeTypeFor(file),
      'cache-control': 'no-store'
    })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
