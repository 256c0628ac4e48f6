import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createRedisStore } from '../../../electron/relay/redisStore.ts'
import { cleanup, forget, peer, startRedis, startRelay, until, type RedisServer } from './helpers.ts'

// Issue 13 #3's scale test: 200 node clients (Yjs + the app's relay provider + WebSockets) in one
// room across 3 relay processes sharing one Redis; every client edits; one process is killed in
// the middle and its clients move to another; all 200 converge with nothing lost.
const CLIENTS = Number(process.env.RELAY_SCALE_CLIENTS ?? 200)
const EDITS = 3

let redis: RedisServer
beforeAll(async () => {
  redis = await startRedis()
}, 20_000)
afterAll(async () => {
  await redis?.stop()
})
afterEach(cleanup)

describe('relay scale-out on Redis', () => {
  it(`${CLIENTS} clients on 3 processes converge, one process killed mid-run`, async () => {
    const prefix = `scale${Date.now()}:`
    const relays = [] as Awaited<ReturnType<typeof startRelay>>[]
    for (let i = 0; i < 3; i++) relays.push(await startRelay(await createRedisStore({ url: redis.url, prefix })))
    const urls = relays.map((r) => r.url)
    // each client's own process first, the others as fallbacks
    const clients = Array.from({ length: CLIENTS }, (_, i) => peer([urls[i % 3]!, urls[(i + 1) % 3]!, urls[(i + 2) % 3]!]))
    await until(() => clients.every((c) => c.provider.state === 'synced'), 'every client to join', 60_000)

    const edit = (round: number) => {
      for (const [i, c] of clients.entries()) c.doc.getArray<string>('edits').push([`${i}:${round}`])
    }
    edit(0)
    await until(() => clients.every((c) => c.doc.getArray('edits').length >= CLIENTS / 2), 'the first round to spread', 60_000)
    // kill one process while edits are in flight
    edit(1)
    forget(relays[0]!)
    await relays[0]!.close()
    for (let round = 2; round < EDITS; round++) edit(round)

    const total = CLIENTS * EDITS
    await until(() => clients.every((c) => c.doc.getArray('edits').length === total && c.provider.unacknowledged === 0), `all ${total} edits everywhere`, 120_000)
    const reference = JSON.stringify([...clients[0]!.doc.getArray<string>('edits').toArray()].sort())
    for (const c of clients) expect(JSON.stringify([...c.doc.getArray<string>('edits').toArray()].sort())).toBe(reference)
    // the clients of the killed process now talk to the others
    expect(clients.filter((_, i) => i % 3 === 0).every((c) => c.provider.state === 'synced')).toBe(true)
  }, 240_000)
})
