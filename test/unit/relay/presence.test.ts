import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import { createEmbeddedStore } from '../../../electron/relay/embeddedStore.ts'
import { createRedisStore } from '../../../electron/relay/redisStore.ts'
import { APP_PRESENCE } from '@core/sync/relayLink.ts'
import { roomKeys } from '@shared/relay/crypto.ts'
import { b64, decodePresenceItems, type PresenceItem } from '@shared/relay/protocol.ts'
import { cleanup, peer, rawClient, SPACE_KEY, startRedis, startRelay, until, type RedisServer } from './helpers.ts'

/**
 * Presence at scale (issue 13 #4): what each client receives is bounded per relay tick, whatever
 * the number of people in the room; pointers go only to screens that show them; someone typing
 * comes first; a presence that leaves or is not renewed is gone.
 */
afterEach(cleanup)

/** A WebSocket that records every presence frame it receives (items and bytes). */
function recordingSocket() {
  const frames: { bytes: number; items: PresenceItem[]; here: number }[] = []
  class Recording extends WebSocket {
    constructor(url: string) {
      super(url)
      this.on('message', (data: Buffer) => {
        const text = data.toString()
        if (!text.startsWith('{"t":"aws"')) return
        const f = JSON.parse(text) as { items: string; here: number }
        frames.push({ bytes: data.length, items: decodePresenceItems(f.items, 1 << 20)!, here: f.here })
      })
    }
  }
  return { frames, WebSocketImpl: Recording as unknown as typeof globalThis.WebSocket }
}

function person(url: string, i: number, onBoard: boolean) {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState({ user: { id: `m${i}`, name: `Person ${i}`, color: '#123456' }, ...(onBoard ? { retro: { board: 'b1' } } : {}) })
  const rec = recordingSocket()
  const p = peer([url], { doc, awareness, presence: APP_PRESENCE, awarenessEveryMs: 20, WebSocketImpl: rec.WebSocketImpl })
  return { ...p, awareness, frames: rec.frames }
}

const PER_TICK = 4
const OPTIONS = { presenceEveryMs: 40, presencePerTick: PER_TICK, awarenessPerSecond: 1000 }

/** The largest presence item a tick may carry here: a sealed state of these tests is well below. */
const ITEM_BOUND = 1024

async function crowd(n: number) {
  const server = await startRelay(createEmbeddedStore(), OPTIONS)
  const people = Array.from({ length: n }, (_, i) => person(server.url, i, i % 2 === 0))
  await until(() => people.every((p) => p.provider.state === 'synced'), `${n} people synced`, 30_000)
  // everyone moves their pointer over the board ten times, and types once
  for (let step = 0; step < 10; step++) {
    for (const [i, p] of people.entries()) p.awareness.setLocalStateField('cursor', { board: 'b1', x: step / 10, y: i })
    await new Promise((r) => setTimeout(r, 25))
  }
  // every person's count reaches n: the relay has everyone's presence
  await until(() => people.every((p) => p.frames.at(-1)?.here === n), `everyone to count ${n}`, 30_000)
  const health = (await (await fetch(`${server.url.replace('ws', 'http')}/health`)).json()) as { relay: { presenceTicks: number } }
  return { people, ticks: health.relay.presenceTicks }
}

describe('presence through the relay at scale', () => {
  it('each client gets at most a few items per tick, the same bound for 6 and for 36 people; pointers only where a board is shown', async () => {
    const perTickBytes: number[] = []
    for (const n of [6, 36]) {
      const { people, ticks } = await crowd(n)
      for (const p of people) {
        // one frame per tick at most, each with at most PER_TICK items (a person's base and motion may share the last place)
        expect(p.frames.length).toBeLessThanOrEqual(ticks)
        for (const f of p.frames) {
          expect(f.items.length).toBeLessThanOrEqual(PER_TICK)
          expect(f.bytes).toBeLessThanOrEqual(PER_TICK * ITEM_BOUND + 100)
        }
        const motion = p.frames.flatMap((f) => f.items).filter((i) => i.lane === 'm').length
        const onBoard = typeof p.awareness.getLocalState()?.retro === 'object'
        if (!onBoard) expect(motion).toBe(0)
      }
      const bytes = people.reduce((sum, p) => sum + p.frames.reduce((s, f) => s + f.bytes, 0), 0)
      perTickBytes.push(bytes / people.length / ticks)
      // what the people sent: n × 10 pointer moves, n base states; what one got is far less than everyone's
      const got = Math.max(...people.map((p) => p.frames.reduce((s, f) => s + f.items.length, 0)))
      expect(got).toBeLessThanOrEqual(ticks * PER_TICK)
      await cleanup()
    }
    // the bytes a client receives per tick do not grow with the room
    for (const b of perTickBytes) expect(b).toBeLessThanOrEqual(PER_TICK * ITEM_BOUND + 100)
  })

  it('a watcher of the board gets the others’ pointers in their awareness state; one that shows no board does not', async () => {
    const server = await startRelay(createEmbeddedStore(), OPTIONS)
    const a = person(server.url, 1, true)
    const b = person(server.url, 2, true)
    const c = person(server.url, 3, false)
    await until(() => [a, b, c].every((p) => p.provider.state === 'synced'), 'synced')
    a.awareness.setLocalStateField('cursor', { board: 'b1', x: 0.5, y: 7 })
    const cursorOfA = (p: ReturnType<typeof person>) => (p.awareness.getStates().get(a.doc.clientID) as { cursor?: { y: number } } | undefined)?.cursor
    await until(() => cursorOfA(b)?.y === 7, 'B to see A’s pointer')
    await until(() => c.awareness.getStates().has(a.doc.clientID), 'C to see A')
    expect(cursorOfA(c)).toBeUndefined()
    // C opens the board: it is owed the pointers now
    c.awareness.setLocalStateField('retro', { board: 'b1' })
    await until(() => cursorOfA(c)?.y === 7, 'C to see A’s pointer once it shows the board')
    // a base change later (A types) keeps A's pointer in B's view of A
    a.awareness.setLocalStateField('retro', { board: 'b1', typing: { columnId: 'c1' } })
    await until(() => (b.awareness.getStates().get(a.doc.clientID) as { retro?: { typing?: unknown } })?.retro?.typing !== undefined, 'B to see A typing')
    expect(cursorOfA(b)?.y).toBe(7)
  })

  it('in a room of many, someone typing reaches a newcomer in its first presence frame', async () => {
    const server = await startRelay(createEmbeddedStore(), OPTIONS)
    const people = Array.from({ length: 20 }, (_, i) => person(server.url, i, false))
    await until(() => people.every((p) => p.provider.state === 'synced'), 'synced')
    const typist = people[13]!
    typist.awareness.setLocalStateField('retro', { board: 'b1', typing: { columnId: 'c1' } })
    await until(() => people[0]!.awareness.getStates().has(typist.doc.clientID) && people[0]!.frames.at(-1)?.here === 20, 'everyone there')
    const newcomer = person(server.url, 99, false)
    await until(() => newcomer.frames.some((f) => f.items.length > 0), 'the newcomer’s first presence')
    const first = newcomer.frames.find((f) => f.items.length > 0)!
    expect(first.items.length).toBeLessThanOrEqual(PER_TICK)
    // the typist's base presence is in it: hot ones go first (20 people wait their turn)
    const opened = await Promise.all(
      first.items.map(async (i) => {
        const keys = await roomKeys('space-doc-1', SPACE_KEY)
        const plain = await keys.open('awareness', b64.decode(i.data))
        return plain ? new TextDecoder().decode(plain) : ''
      })
    )
    expect(opened.some((t) => t.includes('typing'))).toBe(true)
    await until(() => newcomer.awareness.getStates().size === 21, 'the newcomer to see everyone, a few per tick')
  })

  it('a presence is gone when its connection leaves, and when it is not renewed', async () => {
    const server = await startRelay(createEmbeddedStore(), { ...OPTIONS, presenceTtlMs: 400 })
    const a = person(server.url, 1, false)
    const b = person(server.url, 2, false)
    await until(() => a.awareness.getStates().has(b.doc.clientID), 'A to see B')
    b.provider.destroy()
    await until(() => !a.awareness.getStates().has(b.doc.clientID), 'B gone from A as it leaves (not after awareness’ 30 s)')
    await until(() => a.frames.at(-1)?.here === 1, 'the count to drop')

    // a raw member publishes once and never renews: it expires on the relay, and A drops it
    const keys = await roomKeys('space-doc-1', SPACE_KEY)
    const r = await rawClient(server.url)
    r.send({ t: 'join', room: keys.room, verifier: keys.verifier, proof: keys.prove(b64.decode(r.challenge())), since: null })
    await r.next('synced')
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 4242)
    encoding.writeVarUint(e, 1)
    encoding.writeVarString(e, JSON.stringify({ user: { id: 'ghost', name: 'Ghost', color: '#000000' } }))
    r.send({ t: 'aw', lane: 'b', data: b64.encode(await keys.seal('awareness', encoding.toUint8Array(e))) })
    await until(() => a.awareness.getStates().has(4242), 'A to see the ghost')
    await until(() => !a.awareness.getStates().has(4242), 'the ghost to expire (not renewed within the relay’s 400 ms)')
    expect(r.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('across relay processes sharing Redis: counted and seen on both', async () => {
    let redis: RedisServer | null = null
    try {
      redis = await startRedis()
      const one = await startRelay(await createRedisStore({ url: redis.url }), OPTIONS)
      const two = await startRelay(await createRedisStore({ url: redis.url }), OPTIONS)
      const a = person(one.url, 1, true)
      const b = person(two.url, 2, true)
      await until(() => [a, b].every((p) => p.provider.state === 'synced'), 'synced')
      b.awareness.setLocalStateField('cursor', { board: 'b1', x: 0.1, y: 3 })
      await until(() => (a.awareness.getStates().get(b.doc.clientID) as { cursor?: { y: number } } | undefined)?.cursor?.y === 3, 'A (process one) to see B’s pointer (process two)')
      await until(() => a.frames.at(-1)?.here === 2 && b.frames.at(-1)?.here === 2, 'both to count two')
      b.provider.destroy()
      await until(() => !a.awareness.getStates().has(b.doc.clientID), 'B gone on process one too')
    } finally {
      await cleanup()
      await redis?.stop()
    }
  })
})
