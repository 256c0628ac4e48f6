import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { createEmbeddedStore } from '../../../electron/relay/embeddedStore.ts'
import { createRedisStore } from '../../../electron/relay/redisStore.ts'
import { createRelay } from '../../../electron/relay/server.ts'
import { startSignalingServer } from '../../../electron/signaling/server.ts'
import { cleanup, forget, memoryCursors, peer, startRedis, startRelay, until, withTimeout, type RedisServer } from './helpers.ts'

/**
 * A space may name several relays (issue 13): the cursor is kept per relay log, so moving from one
 * relay to another skips nothing (another relay's positions are not this one's), and naming
 * another relay, or reaching the same log through another process, fetches nothing again.
 */
afterEach(cleanup)

const write = (doc: Y.Doc, text: string) => doc.getText('t').insert(doc.getText('t').length, text)

/** A WebSocket that records the type of every frame, per connection. */
function recording() {
  const connections: string[][] = []
  class Recording extends WebSocket {
    constructor(url: string) {
      super(url)
      const frames: string[] = []
      connections.push(frames)
      this.on('message', (d: Buffer) => frames.push((JSON.parse(d.toString()) as { t: string }).t))
    }
  }
  return { connections, WebSocketImpl: Recording as unknown as typeof globalThis.WebSocket }
}

/** the updates a connection got before it was caught up */
const caughtUp = (frames: string[]) => frames.slice(0, frames.indexOf('synced')).filter((t) => t === 'up' || t === 'snap').length

async function writeThrough(url: string, prefix: string, n: number) {
  const w = peer([url])
  await withTimeout(w.provider.whenSynced(), `${prefix} writer synced`)
  for (let i = 0; i < n; i++) write(w.doc, `${prefix}${i};`)
  await until(() => w.provider.unacknowledged === 0, `${prefix} acknowledged`)
  w.provider.destroy()
  return w.text()
}

describe('relay cursors, per relay log', () => {
  it('moving to another relay of the space skips none of its updates', async () => {
    const one = await startRelay(createEmbeddedStore())
    const two = await startRelay(createEmbeddedStore())
    // relay two holds 20 updates the first has not; relay one 5 of its own
    const onTwo = await writeThrough(two.url, 'two', 20)
    await writeThrough(one.url, 'one', 5)
    const x = peer([one.url, two.url], { cursors: memoryCursors() })
    await until(() => x.text().includes('one4;') && x.provider.unacknowledged === 0, 'X to get relay one’s')
    expect(x.provider.cursor).not.toBeNull()
    // relay one goes away: X moves to relay two, where its cursor on relay one means nothing
    forget(one)
    await one.close()
    await until(() => x.text().includes(onTwo), 'X to get every update of relay two (none skipped)', 20_000)
  })

  it('a relay that lost its data (a new log) hands over everything again, even past the old cursor', async () => {
    const first = await startRelay(createEmbeddedStore())
    const port = first.port
    await writeThrough(first.url, 'old', 6)
    const cursors = memoryCursors()
    const x = peer([first.url], { cursors })
    await until(() => x.text().includes('old5;') && x.provider.unacknowledged === 0, 'X caught up')
    x.provider.destroy()
    forget(first)
    await first.close()
    // the same address, its data gone (memory), and more updates than X's cursor
    const back = await startSignalingServer({ host: '127.0.0.1', port, relay: createRelay({ store: createEmbeddedStore(), log: () => {} }), log: () => {} })
    try {
      const fresh = await writeThrough(back.url, 'new', 12)
      const again = peer([back.url], { cursors, doc: x.doc })
      await until(() => again.text().includes(fresh), 'X to get all of the new log')
    } finally {
      await back.close()
    }
  })

  it('naming another relay fetches nothing again from the first', async () => {
    const one = await startRelay(createEmbeddedStore())
    const two = await startRelay(createEmbeddedStore())
    await writeThrough(one.url, 'u', 10)
    const cursors = memoryCursors()
    const doc = new Y.Doc()
    const x = peer([one.url], { cursors, doc })
    await until(() => x.text().includes('u9;') && x.provider.state === 'synced', 'X caught up')
    x.provider.destroy()
    // the space now names both relays: a new provider (as the app makes one), relay one first
    const rec = recording()
    const y = peer([one.url, two.url], { cursors, doc, WebSocketImpl: rec.WebSocketImpl })
    await withTimeout(y.provider.whenSynced(), 'synced again')
    expect(rec.connections[0]!.includes('synced')).toBe(true)
    expect(caughtUp(rec.connections[0]!)).toBe(0)
  })

  it('two processes sharing one Redis are one log: moving between them fetches nothing again', async () => {
    let redis: RedisServer | null = null
    try {
      redis = await startRedis()
      const one = await startRelay(await createRedisStore({ url: redis.url }))
      const two = await startRelay(await createRedisStore({ url: redis.url }))
      await writeThrough(one.url, 'r', 10)
      const rec = recording()
      const x = peer([one.url, two.url], { cursors: memoryCursors(), WebSocketImpl: rec.WebSocketImpl })
      await until(() => x.text().includes('r9;') && x.provider.state === 'synced', 'X caught up on process one')
      expect(caughtUp(rec.connections[0]!)).toBe(10)
      forget(one)
      await one.close()
      await until(() => rec.connections.length === 2 && rec.connections[1]!.includes('synced'), 'X on process two', 20_000)
      expect(caughtUp(rec.connections[1]!)).toBe(0)
      const more = await writeThrough(two.url, 'late', 2)
      await until(() => x.text().includes(more.slice(-6)), 'X to get what comes later')
    } finally {
      await cleanup()
      await redis?.stop()
    }
  })
})
