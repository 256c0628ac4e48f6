import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

/**
 * The relay bench's reference (issue 13): a plain y-websocket server — one process, one Y.Doc per
 * room in memory, y-protocols sync (step 1 / step 2 / update) over WebSockets, no encryption, no
 * storage — as y-websocket's bin/utils does. Written here rather than installed: the maintained
 * package (@y/websocket-server) needs the yjs 14 pre-release, which this app does not use.
 * Messages: [0 = sync, y-protocols sync message]; awareness is left out on both sides.
 */
const MESSAGE_SYNC = 0

export async function startReference(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const rooms = new Map<string, { doc: Y.Doc; conns: Set<WebSocket> }>()
  const server = http.createServer((_, res) => res.end('reference'))
  const wss = new WebSocketServer({ server })
  wss.on('connection', (conn, req) => {
    const name = (req.url ?? '/').slice(1)
    let room = rooms.get(name)
    if (!room) {
      const doc = new Y.Doc()
      const r = { doc, conns: new Set<WebSocket>() }
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        const e = encoding.createEncoder()
        encoding.writeVarUint(e, MESSAGE_SYNC)
        syncProtocol.writeUpdate(e, update)
        const message = encoding.toUint8Array(e)
        for (const c of r.conns) if (c !== origin && c.readyState === 1) c.send(message)
      })
      rooms.set(name, r)
      room = r
    }
    const r = room
    r.conns.add(conn)
    conn.binaryType = 'nodebuffer'
    conn.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, MESSAGE_SYNC)
      syncProtocol.readSyncMessage(decoder, e, r.doc, conn)
      if (encoding.length(e) > 1) conn.send(encoding.toUint8Array(e))
    })
    conn.on('close', () => r.conns.delete(conn))
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(e, r.doc)
    conn.send(encoding.toUint8Array(e))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate()
        wss.close(() => server.close(() => resolve()))
      })
  }
}

/** A reference client: a Y.Doc synced with the reference server over y-protocols. */
export function referenceClient(url: string, room: string, doc: Y.Doc, WS: typeof import('ws').WebSocket): { synced: Promise<void>; close(): void } {
  const ws = new WS(`${url}/${room}`)
  ws.binaryType = 'nodebuffer'
  let resolveSynced: () => void
  const synced = new Promise<void>((r) => (resolveSynced = r))
  const send = (m: Uint8Array) => ws.readyState === 1 && ws.send(m)
  ws.on('open', () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(e, doc)
    send(encoding.toUint8Array(e))
  })
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MESSAGE_SYNC)
    const type = syncProtocol.readSyncMessage(decoder, e, doc, ws)
    if (type === syncProtocol.messageYjsSyncStep2) resolveSynced()
    if (encoding.length(e) > 1) send(encoding.toUint8Array(e))
  })
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === ws) return
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MESSAGE_SYNC)
    syncProtocol.writeUpdate(e, update)
    send(encoding.toUint8Array(e))
  })
  return { synced, close: () => ws.terminate() }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[process.argv.indexOf('--port') + 1] ?? 0)
  const ref = await startReference(port)
  console.log(`reference on ${ref.url}`)
}
