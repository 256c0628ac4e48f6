import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRedisStore } from '../../../electron/relay/redisStore.ts'
import { roomKeys } from '@shared/relay/crypto.ts'
import { b64 } from '@shared/relay/protocol.ts'
import { cleanup, OTHER_KEY, peer, rawClient, startRedis, startRelay, until, withTimeout, type RedisServer } from './helpers.ts'

// Debian's redis-server, started here on a free 127.0.0.1 port and stopped after; never skipped
// (.ci/run installs it): without it these tests fail, saying so.
let redis: RedisServer
beforeAll(async () => {
  redis = await startRedis()
}, 20_000)
afterAll(async () => {
  await redis?.stop()
})
afterEach(cleanup)

const write = (doc: Y.Doc, text: string) => doc.getText('t').insert(doc.getText('t').length, text)
let prefixN = 0
/** each test its own key space in the one redis-server */
const store = () => createRedisStore({ url: redis.url, prefix: `t${++prefixN}:` })

describe('relay on Redis (Streams)', () => {
  it('two relay processes sharing one Redis deliver to each other, live and from the mailbox', async () => {
    const prefix = `t${++prefixN}:`
    const r1 = await startRelay(await createRedisStore({ url: redis.url, prefix }))
    const r2 = await startRelay(await createRedisStore({ url: redis.url, prefix }))
    const a = peer([r1.url])
    const b = peer([r2.url])
    await withTimeout(Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]), 'both synced')
    write(a.doc, 'from-A;')
    await until(() => b.text() === 'from-A;', 'B (other process) to get A’s edit live')
    write(b.doc, 'from-B;')
    await until(() => a.text().endsWith('from-B;'), 'A to get B’s')
    for (let i = 0; i < 50; i++) write(i % 2 ? a.doc : b.doc, `${i};`)
    await until(() => a.text() === b.text() && a.provider.unacknowledged === 0 && b.provider.unacknowledged === 0, 'both to converge')
    // a third device, alone on the second process later, gets everything from the log
    const c = peer([r2.url])
    await until(() => c.text() === a.text(), 'C to catch up from Redis')
  })

  it('a relay process can die: its clients move to another process and nothing acknowledged is lost', async () => {
    const prefix = `t${++prefixN}:`
    const r1 = await startRelay(await createRedisStore({ url: redis.url, prefix }))
    const r2 = await startRelay(await createRedisStore({ url: redis.url, prefix }))
    const a = peer([r1.url, r2.url])
    const b = peer([r2.url])
    await withTimeout(Promise.all([a.provider.whenSynced(), b.provider.whenSynced()]), 'both synced')
    for (let i = 0; i < 20; i++) write(a.doc, `${i};`)
    await until(() => a.provider.unacknowledged === 0, 'A acknowledged')
    const { forget } = await import('./helpers.ts')
    forget(r1)
    await r1.close()
    for (let i = 20; i < 30; i++) write(a.doc, `${i};`)
    await until(() => a.provider.state === 'synced' && a.provider.unacknowledged === 0, 'A to move to the other process', 15_000)
    await until(() => b.text() === a.text(), 'B to have everything')
  })

  it('stores no plaintext, refuses strangers, and compaction trims the stream', async () => {
    const s = await store()
    const r = await startRelay(s, { quota: { compactAfter: 20, maxEntries: 10_000, maxBytes: 1 << 22 } })
    const a = peer([r.url])
    await withTimeout(a.provider.whenSynced(), 'A synced')
    for (let i = 0; i < 120; i++) write(a.doc, `REDIS-MARKER-${i} `)
    await until(() => a.provider.unacknowledged === 0, 'A acknowledged')
    const keys = await roomKeys('space-doc-1', (await import('./helpers.ts')).SPACE_KEY)
    await until(async () => (await s.read(keys.room, null)).snapshot !== null, 'a snapshot')
    const after = await s.read(keys.room, null)
    expect(after.count).toBeLessThan(120)
    const fresh = peer([r.url])
    await until(() => fresh.text() === a.text(), 'a newcomer to get the whole document')
    const dump = redis.dumpText()
    expect(dump).toContain(keys.room)
    expect(dump).not.toContain('REDIS-MARKER')

    const stranger = await roomKeys('space-doc-1', OTHER_KEY)
    const c = await rawClient(r.url)
    c.send({ t: 'join', room: keys.room, verifier: stranger.verifier, proof: stranger.prove(b64.decode(c.challenge())), since: null })
    expect((await c.next('error')).code).toBe('not-member')
  })

  it('enforces a room’s quota atomically in Redis', async () => {
    const r = await startRelay(await store(), { quota: { maxEntries: 5, compactAfter: 1000, maxBytes: 1 << 20 } })
    const keys = await roomKeys('space-doc-1', OTHER_KEY)
    const c = await rawClient(r.url)
    c.send({ t: 'join', room: keys.room, verifier: keys.verifier, proof: keys.prove(b64.decode(c.challenge())), since: null })
    await c.next('synced')
    for (let i = 0; i < 8; i++) c.send({ t: 'up', data: b64.encode(await keys.seal('update', Y.encodeStateAsUpdate(new Y.Doc()))) })
    await until(() => c.frames.filter((f) => f.t === 'up').length === 5 && c.frames.filter((f) => f.code === 'quota').length === 3, 'five in, three refused')
  })
})
