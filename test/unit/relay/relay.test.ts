import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createEmbeddedStore, encodeRecord } from '../../../electron/relay/embeddedStore.ts'
import { b64 } from '@shared/relay/protocol.ts'
import { roomKeys } from '@shared/relay/crypto.ts'
import { cleanup, filesText, forget, OTHER_KEY, peer, rawClient, SPACE_KEY, startRelay, tmpDir, until, withTimeout } from './helpers.ts'

afterEach(cleanup)

const write = (doc: Y.Doc, text: string) => doc.getText('t').insert(doc.getText('t').length, text)

describe('relay with the embedded store', () => {
  it('a stranger who knows the room id but not the key is refused, and reads nothing', async () => {
    const server = await startRelay(createEmbeddedStore())
    const a = peer([server.url])
    write(a.doc, 'MARKER-secret-1')
    await withTimeout(a.provider.whenSynced(), 'A synced')
    await until(() => a.provider.unacknowledged === 0, 'A acknowledged')

    // the stranger names the very room, with its own verifier and a valid signature of its own key
    const keys = await roomKeys('space-doc-1', SPACE_KEY)
    const stranger = await roomKeys('space-doc-1', OTHER_KEY)
    const c = await rawClient(server.url)
    c.send({ t: 'join', room: keys.room, verifier: stranger.verifier, proof: stranger.prove(b64.decode(c.challenge())), since: null })
    const err = await c.next('error')
    expect(err.code).toBe('not-member')
    expect((await withTimeout(c.closed, 'closed')).code).toBe(4003)
    expect(c.frames.some((f) => f.t === 'up' || f.t === 'snap')).toBe(false)

    // the right verifier (it is public) with a signature it cannot make: refused too
    const d = await rawClient(server.url)
    d.send({ t: 'join', room: keys.room, verifier: keys.verifier, proof: stranger.prove(b64.decode(d.challenge())), since: null })
    expect((await d.next('error')).code).toBe('not-member')

    // a recorded join (a member's proof over another challenge) cannot be replayed
    const e = await rawClient(server.url)
    e.send({ t: 'join', room: keys.room, verifier: keys.verifier, proof: keys.prove(b64.decode(d.challenge())), since: null })
    expect((await e.next('error')).code).toBe('not-member')

    // and the app's provider with another key ends refused
    const wrong = peer([server.url], { spaceKey: OTHER_KEY })
    await until(() => wrong.provider.state === 'connecting' || wrong.provider.state === 'synced', 'wrong key to connect')
    expect(wrong.text()).toBe('')
  })

  it('a device that was offline gets every edit from the mailbox, then only what is new', async () => {
    const server = await startRelay(createEmbeddedStore())
    const a = peer([server.url])
    await withTimeout(a.provider.whenSynced(), 'A synced')
    for (let i = 0; i < 20; i++) write(a.doc, `a${i};`)
    await until(() => a.provider.unacknowledged === 0, 'A acknowledged')
    a.provider.destroy()

    // B comes online alone
    const cursors = (await import('./helpers.ts')).memoryCursors()
    const b = peer([server.url], { cursors })
    await withTimeout(b.provider.whenSynced(), 'B synced')
    await until(() => b.text() === a.text(), 'B to have all of A’s edits', 3000).catch((e) => {
      console.log(b.troubles, b.provider.state, b.text(), '|', a.text())
      throw e
    })
    const cursor = b.provider.cursor
    expect(cursor).toBe('20-0')
    b.provider.destroy()

    // B again (its cursor kept): only what came after it
    write(a.doc, 'late;')
    const a1 = peer([server.url], { doc: a.doc })
    await withTimeout(a1.provider.whenSynced(), 'A again')
    await until(() => a1.provider.unacknowledged === 0, 'A acknowledged')
    const b1 = peer([server.url], { cursors, doc: b.doc })
    await until(() => b1.text().endsWith('late;'), 'B to get the new edit')
    expect(b1.troubles).toEqual([])
  })

  it('edits made while the relay is down wait, and reach the others once it is back', async () => {
    const dir = tmpDir('relay-down')
    const server = await startRelay(createEmbeddedStore({ dir }))
    const port = server.port
    const b = peer([server.url])
    await withTimeout(b.provider.whenSynced(), 'B synced')
    forget(server)
    await server.close()
    await until(() => b.provider.state !== 'synced', 'B to notice')
    write(b.doc, 'B-offline;')
    expect(b.provider.unacknowledged).toBeGreaterThan(0)
    const { startSignalingServer } = await import('../../../electron/signaling/server.ts')
    const { createRelay } = await import('../../../electron/relay/server.ts')
    const back = await startSignalingServer({ host: '127.0.0.1', port, relay: createRelay({ store: createEmbeddedStore({ dir }), log: () => {} }), log: () => {} })
    try {
      await until(() => b.provider.state === 'synced' && b.provider.unacknowledged === 0, 'B to reconnect and send', 15_000)
      const a = peer([back.url])
      await until(() => a.text() === 'B-offline;', 'A to get B’s offline edit')
    } finally {
      await back.close()
    }
  })

  it('edits made while no provider ran (app closed or offline) are sent at the next start, deletions too', async () => {
    const server = await startRelay(createEmbeddedStore())
    const { memoryCursors } = await import('./helpers.ts')
    const cursors = memoryCursors()
    const a = peer([server.url], { cursors })
    write(a.doc, 'one two three')
    await withTimeout(a.provider.whenSynced(), 'A synced')
    await until(() => a.provider.unacknowledged === 0 && a.provider.state === 'synced', 'A acknowledged')
    a.provider.destroy()
    // no provider: a new client id writes (the app opened offline), and text is deleted
    const again = new Y.Doc()
    Y.applyUpdate(again, Y.encodeStateAsUpdate(a.doc))
    again.getText('t').delete(0, 4)
    write(again, ' four')
    const a2 = peer([server.url], { cursors, doc: again })
    await until(() => a2.provider.state === 'synced' && a2.provider.unacknowledged === 0, 'A to send what it did offline')
    const b = peer([server.url])
    await until(() => b.text() === 'two three four', 'B to get the insert and the deletion')
    // and a start with nothing new sends nothing
    a2.provider.destroy()
    const before = a2.provider.cursor
    const a3 = peer([server.url], { cursors, doc: again })
    await withTimeout(a3.provider.whenSynced(), 'A again')
    await until(() => a3.provider.unacknowledged === 0, 'nothing in flight')
    expect(a3.provider.cursor).toBe(before)
  })

  it('stores no plaintext: the room files hold sealed bytes only', async () => {
    const dir = tmpDir('relay-plain')
    const server = await startRelay(createEmbeddedStore({ dir, fsync: false }))
    const a = peer([server.url])
    const b = peer([server.url])
    write(a.doc, 'PLAINTEXT-MARKER-4711 ')
    await withTimeout(b.provider.whenSynced(), 'B synced')
    await until(() => b.text().includes('PLAINTEXT-MARKER-4711'), 'B to get it live')
    write(b.doc, 'SECOND-MARKER-0815')
    await until(() => a.text().includes('SECOND-MARKER-0815'), 'A to get B’s')
    const stored = filesText(dir)
    expect(stored.length).toBeGreaterThan(100)
    expect(stored).not.toContain('PLAINTEXT-MARKER')
    expect(stored).not.toContain('SECOND-MARKER')
    expect(stored).not.toContain('space-doc-1')
    expect(stored).not.toContain(SPACE_KEY)
  })

  it('compaction keeps a room bounded, and a newcomer still gets everything', async () => {
    const dir = tmpDir('relay-compact')
    const quota = { maxBytes: 256 * 1024, maxEntries: 1000, compactAfter: 25 }
    const store = createEmbeddedStore({ dir, fsync: false })
    const server = await startRelay(store, { quota })
    const a = peer([server.url])
    await withTimeout(a.provider.whenSynced(), 'A synced')
    const keys = await roomKeys('space-doc-1', SPACE_KEY)
    let maxCount = 0
    for (let i = 0; i < 300; i++) {
      write(a.doc, `line ${i} `.padEnd(40, '.'))
      if (i % 10 === 9) {
        await until(() => a.provider.unacknowledged === 0, 'A acknowledged')
        const r = await store.read(keys.room, null)
        maxCount = Math.max(maxCount, r.count)
      }
    }
    await until(async () => (await store.read(keys.room, null)).snapshot !== null, 'a snapshot')
    const r = await store.read(keys.room, null)
    // without compaction: 300 updates; with it, bounded by the threshold plus what arrives while
    // the snapshot is made (the client sends one at most every 10 s, and the relay asks again)
    expect(r.count).toBeLessThan(300)
    expect(maxCount).toBeLessThan(300)
    const size = fs.statSync(path.join(dir, `${keys.room}.log`)).size
    const fresh = peer([server.url])
    await until(() => fresh.text() === a.text(), 'a newcomer to get the whole document')
    expect(size).toBeLessThan(quota.maxBytes)
  })

  it('restarts without loss, and cuts a torn record at the end of a room file', async () => {
    const dir = tmpDir('relay-restart')
    const server = await startRelay(createEmbeddedStore({ dir }))
    const a = peer([server.url])
    for (let i = 0; i < 30; i++) write(a.doc, `e${i};`)
    await withTimeout(a.provider.whenSynced(), 'A synced')
    await until(() => a.provider.unacknowledged === 0, 'A acknowledged')
    const expected = a.text()
    a.provider.destroy()
    // the process dies: nothing closed, nothing flushed beyond what each write(2) did
    forget(server)
    await server.close()
    const keys = await roomKeys('space-doc-1', SPACE_KEY)
    const file = path.join(dir, `${keys.room}.log`)
    const whole = fs.statSync(file).size
    // a crash in the middle of the next record: half of it reached the file
    const torn = encodeRecord({ k: 'u', seq: '31-0', data: 'x'.repeat(200) })
    fs.appendFileSync(file, torn.subarray(0, 100))

    const logs: string[] = []
    const again = await startRelay(createEmbeddedStore({ dir, log: (l) => logs.push(l) }))
    const b = peer([again.url])
    await until(() => b.text() === expected, 'B to get every acknowledged edit after the restart')
    expect(logs.some((l) => l.includes('torn or damaged'))).toBe(true)
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(whole)
    // and the room goes on: a new update lands after the cut
    write(b.doc, 'after-restart;')
    await until(() => b.provider.unacknowledged === 0, 'B acknowledged')
    const c = peer([again.url])
    await until(() => c.text().endsWith('after-restart;'), 'C to get it')
  })

  it('refuses malformed frames with a reason and keeps the connection; enforces quotas', async () => {
    const server = await startRelay(createEmbeddedStore(), { quota: { maxEntries: 3, compactAfter: 100, maxBytes: 1 << 20 } })
    const c = await rawClient(server.url)
    const bad = ['nope', '[]', '{"t":1}', '{"t":"join","room":"x"}', '{"t":"up","data":"!!!"}', '{"t":"up","data":"QUJD"}', '{"t":"x","a":{"b":1}}']
    for (const f of bad) c.send(f)
    await until(() => c.frames.filter((f) => f.t === 'error').length >= bad.length, 'an error for each')
    const codes = c.frames.filter((f) => f.t === 'error').map((f) => f.code)
    // one is well-formed but the connection has not joined yet
    expect(codes.filter((x) => x === 'bad-frame')).toHaveLength(6)
    expect(codes.filter((x) => x === 'not-joined')).toHaveLength(1)
    const keys = await roomKeys('space-doc-1', SPACE_KEY)
    c.send({ t: 'join', room: keys.room, verifier: keys.verifier, proof: keys.prove(b64.decode(c.challenge())), since: null })
    await c.next('synced')
    for (let i = 0; i < 4; i++) c.send({ t: 'up', data: b64.encode(await keys.seal('update', Y.encodeStateAsUpdate(new Y.Doc()))) })
    await until(() => c.frames.filter((f) => f.t === 'up').length === 3 && c.frames.some((f) => f.code === 'quota'), 'three accepted, one refused')
  })

  it('a room full of updates takes a snapshot, and the edits it refused are in it', async () => {
    const server = await startRelay(createEmbeddedStore(), { quota: { maxEntries: 5, compactAfter: 3, maxBytes: 1 << 20 }, snapshotAskEveryMs: 0 })
    const a = peer([server.url], { snapshotEveryMs: 0 })
    await withTimeout(a.provider.whenSynced(), 'A synced')
    for (let i = 0; i < 12; i++) write(a.doc, `${i};`)
    await until(() => a.provider.unacknowledged === 0, 'every edit of A on the relay (acknowledged or in a snapshot)')
    const b = peer([server.url])
    await until(() => b.text() === a.text(), 'B to get all twelve')
    expect(a.troubles.some((t) => t.includes('room full'))).toBe(true)
  })

  it('refuses connections past the limit per address', async () => {
    const server = await startRelay(createEmbeddedStore(), { maxConnectionsPerAddress: 2 })
    await rawClient(server.url)
    await rawClient(server.url)
    const WebSocket = (await import('ws')).default
    const third = new WebSocket(server.url + '/relay')
    const closed = await withTimeout(new Promise<number>((resolve) => third.on('close', (code) => resolve(code))), 'the third to be refused')
    expect(closed).toBe(1013)
  })

  it('closes a connection that floods it', async () => {
    const server = await startRelay(createEmbeddedStore(), { messagesPerSecond: 5, messageBurst: 10 })
    const c = await rawClient(server.url)
    for (let i = 0; i < 40; i++) c.send({ t: 'ping' })
    expect((await withTimeout(c.closed, 'closed')).code).toBe(4429)
  })
})
