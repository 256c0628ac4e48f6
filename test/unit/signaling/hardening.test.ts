import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { SIGNALING_DEFAULTS } from '../../../electron/signaling/server.ts'
import { cleanup, connect, publishes, sealed, sealedBytes, settle, sleep, start, until, withTimeout, type Client } from './helpers.ts'

afterEach(cleanup)

/** Sends and waits until the frame is handed to the socket, so a flood cannot pile up in the test. */
const sendNow = (client: Client, text: string) =>
  new Promise<void>((resolve, reject) => client.ws.send(text, (err) => (err ? reject(err) : resolve())))

async function subscribed(topic: string, ...clients: Client[]) {
  for (const c of clients) c.send({ type: 'subscribe', topics: [topic] })
  await Promise.all(clients.map(settle))
}

describe('signaling server: slow readers (backpressure)', () => {
  it('keeps the bytes waiting for readers that never read bounded while a publisher floods', async () => {
    const limit = 256 * 1024
    const { server } = await start({ maxBufferedBytes: limit })
    const slow = await Promise.all(Array.from({ length: 5 }, () => connect(server)))
    const [reader, publisher] = await Promise.all([connect(server), connect(server)])
    await subscribed('flood', ...slow, reader)
    for (const c of slow) c.ws.pause()

    // 34 MB to each subscriber: far more than the operating system's socket buffers take in
    const COUNT = 700
    const frame = (i: number) => JSON.stringify({ type: 'publish', topic: 'flood', data: { i, pad: 'x'.repeat(48 * 1024) } })
    let peak = 0
    const got = (i: number) => (m: Record<string, unknown>) => m.type === 'publish' && (m.data as { i: number }).i === i
    for (let i = 0; i < COUNT; i++) {
      await sendNow(publisher, frame(i))
      if (i % 10 === 9) await reader.next(got(i)) // the reader keeps up: it shares this process
      if (i % 50 === 0) peak = Math.max(peak, server.stats().buffered ?? Infinity)
    }
    await settle(publisher)
    peak = Math.max(peak, server.stats().buffered ?? Infinity)

    // without a limit each slow reader would hold tens of MB on the server
    const oneFrame = frame(0).length + 100
    expect(peak).toBeLessThanOrEqual(6 * (limit + oneFrame))
    expect(server.stats().tooSlow).toBe(5)
    // the reader that keeps up got everything (the loop waited for the last one) and stays
    expect(publishes(reader)).toHaveLength(COUNT)
    expect(reader.ws.readyState).toBe(WebSocket.OPEN)
    expect(publisher.ws.readyState).toBe(WebSocket.OPEN)
  }, 20_000) // a 34 MB flood, fanned out to six subscribers

  it('tells a reader that fell too far behind why it is closed (1008)', async () => {
    const { server, logs } = await start({ maxBufferedBytes: 64 * 1024 })
    const [slow, publisher] = await Promise.all([connect(server), connect(server)])
    await subscribed('flood', slow)
    slow.ws.pause()
    const frame = JSON.stringify({ type: 'publish', topic: 'flood', data: { pad: 'x'.repeat(48 * 1024) } })
    for (let i = 0; i < 2000 && !server.stats().tooSlow; i++) {
      await sendNow(publisher, frame)
      await settle(publisher)
    }
    slow.ws.resume()
    const { code, reason } = await withTimeout(slow.closed, 'the slow reader to be closed')
    expect(code).toBe(1008)
    expect(reason).toBe('too slow: more than 65536 bytes waiting')
    expect(publishes(slow).length).toBeLessThan(2000)
    expect(server.stats().tooSlow).toBe(1)
    expect(logs.some((l) => l.includes('too slow'))).toBe(true)
    expect(SIGNALING_DEFAULTS.maxBufferedBytes).toBe(1024 * 1024)
  }, 20_000)
})

describe('signaling server: relaying what was received', () => {
  it('drops a deeply nested publish; its topic keeps its subscribers, and only the sender lost a message', async () => {
    const { server } = await start()
    const [a, b, sender] = await Promise.all([connect(server), connect(server), connect(server)])
    await subscribed('room', a, b, sender)
    const deep = `{"type":"publish","topic":"room","data":${'['.repeat(5000)}${']'.repeat(5000)}}`
    expect(deep.length).toBeGreaterThan(10_000)
    sender.send(deep)
    await Promise.all([settle(a), settle(b), settle(sender)])
    for (const c of [a, b, sender]) expect(c.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.stats().rejected).toBe(1)

    sender.send({ type: 'publish', topic: 'room', data: { after: true } })
    expect(await a.next((m) => m.type === 'publish')).toMatchObject({ data: { after: true }, clients: 3 })
    expect(await b.next((m) => m.type === 'publish')).toMatchObject({ data: { after: true } })
  })

  it('relays the frame as it came, adding only the clients count (a sender cannot set it)', async () => {
    const { server } = await start()
    const [a, b] = await Promise.all([connect(server), connect(server)])
    await subscribed('room', a, b)
    const body = `{"type":"publish", "topic":"room","data":{"n":1.0,"s":"\\u00e9\\"}"},"clients":99 }`
    a.send(`${body}\n`)
    await b.next((m) => m.type === 'publish')
    expect(b.raw.at(-1)).toBe(`${body.slice(0, -1)},"clients":2}`)
    expect(b.messages.at(-1)).toEqual({ type: 'publish', topic: 'room', data: { n: 1, s: 'é"}' }, clients: 2 })
  })

  it('never throws on malformed frames: each is dropped and counted, and other peers see nothing', async () => {
    const uncaught: unknown[] = []
    const onError = (error: unknown) => uncaught.push(error)
    process.on('uncaughtException', onError)
    process.on('unhandledRejection', onError)
    try {
      const { server } = await start()
      const [sub, bad] = await Promise.all([connect(server), connect(server)])
      await subscribed('t', sub, bad)
      const publish = (data: string) => `{"type":"publish","topic":"t","data":${data}}`
      const junk = [
        '', ' ', '{', '}', '{"type":', '"publish"', 'true', '\ufeff{"type":"ping"}', '{"type":null}', '{"type":["ping"]}',
        '{"__proto__":{"type":"publish","topic":"t"}}',
        '{"type":"subscribe"}', '{"type":"subscribe","topics":"t"}', '{"type":"subscribe","topics":{"0":"t"}}',
        '{"type":"unsubscribe","topics":null}',
        '{"type":"publish"}', '{"type":"publish","topic":["t"]}', '{"type":"publish","topic":{"toString":"t"}}',
        '{"type":"publish","topic":""}', `{"type":"publish","topic":"${'t'.repeat(129)}"}`,
        // `data` strings that are not sealed messages: every peer's decoder would throw on them
        publish('"not base64!"'), publish('""'), publish('"AAAA"'), publish('"QUVTLUdDTQ=="'),
        publish(JSON.stringify(sealed({ algorithm: 'AES-CBC' }))),
        publish(JSON.stringify(sealedBytes().subarray(0, 20).toString('base64'))),
        publish(JSON.stringify(`${sealed()} `)),
        publish(JSON.stringify(Buffer.concat([sealedBytes(), Buffer.from([0])]).toString('base64'))),
        publish(`${'['.repeat(10)}${']'.repeat(10)}`),
        `{"type":"explode","topic":"t"}`
      ]
      for (const j of junk) bad.send(j)
      bad.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: true }) // binary, not UTF-8
      bad.ws.send(Buffer.from(publish('"x"')), { binary: true })
      await Promise.all([settle(bad), settle(sub)])
      expect(server.stats().rejected).toBe(junk.length + 2)
      expect(publishes(sub)).toEqual([])
      expect(bad.ws.readyState).toBe(WebSocket.OPEN)

      // a text frame that is not UTF-8 costs its sender the connection (1007), and only that one
      const broken = await connect(server)
      broken.ws.send(Buffer.from([0x7b, 0xff, 0x7d]), { binary: false })
      expect((await withTimeout(broken.closed, 'the broken sender to be closed')).code).toBe(1007)
      await Promise.all([settle(bad), settle(sub)])
      expect(uncaught).toEqual([])
    } finally {
      process.off('uncaughtException', onError)
      process.off('unhandledRejection', onError)
    }
  })
})

describe('signaling server: connections per address', () => {
  it('refuses an address over maxConnectionsPerAddress with 1013 and a reason; other addresses still get in', async () => {
    const { server, logs } = await start({ maxConnectionsPerAddress: 2 })
    const [a] = await Promise.all([connect(server), connect(server)])
    const third = await connect(server)
    expect(await withTimeout(third.closed, 'the third connection to be refused')).toEqual({
      code: 1013,
      reason: 'too many connections from this address'
    })
    expect(logs.some((l) => l.includes('2 connections from 127.0.0.1 already'))).toBe(true)

    const elsewhere = await connect(server, { localAddress: '127.0.0.2' })
    await settle(elsewhere)
    expect(server.stats()).toMatchObject({ connections: 3, refused: 1 })

    // a slot comes back when a connection ends
    a.ws.close()
    await until(() => server.stats().connections === 2, 'the server to see the close')
    const again = await connect(server)
    await settle(again)
    expect(again.ws.readyState).toBe(WebSocket.OPEN)
    expect(SIGNALING_DEFAULTS.maxConnectionsPerAddress).toBe(64)
  })
})

describe('signaling server: ping timeout', () => {
  it('cuts a client that keeps sending but never answers pings', async () => {
    const { server, logs } = await start({ pingTimeoutMs: 100 })
    const chatty = await connect(server, { autoPong: false })
    // app-level pings every 20 ms for at most 1 s: traffic all along, but no pong
    let sent = 0
    for (; sent < 50 && chatty.ws.readyState === WebSocket.OPEN; sent++) {
      chatty.send({ type: 'ping' })
      await sleep(20)
    }
    expect(chatty.ws.readyState).toBe(WebSocket.CLOSED) // cut while it was still sending
    expect(sent).toBeLessThan(50)
    expect((await withTimeout(chatty.closed, 'the chatty client to be cut')).code).toBe(1006)
    expect(logs.some((l) => l.includes('no pong within 100 ms'))).toBe(true)
    expect(chatty.messages.filter((m) => m.type === 'pong').length).toBeGreaterThan(0)
    await until(() => server.stats().connections === 0, 'the server to forget it')
  })
})

describe('signaling server: replayed sealed messages', () => {
  it('drops a sealed payload already relayed in its topic within the window', async () => {
    const { server } = await start({ replayWindowMs: 300 })
    const [member, newcomer, stranger] = await Promise.all([connect(server), connect(server), connect(server)])
    await subscribed('room', member, newcomer, stranger)
    await subscribed('other', member, newcomer)
    const announce = sealed()
    member.send({ type: 'publish', topic: 'room', data: announce })
    await newcomer.next((m) => m.type === 'publish')

    // the stranger heard it and replays it, as it was and spelt differently
    stranger.send({ type: 'publish', topic: 'room', data: announce })
    const bytes = Buffer.from(announce, 'base64')
    const iv = bytes.subarray(9, 21)
    const cipher = bytes.subarray(22)
    stranger.send({ type: 'publish', topic: 'room', data: sealed({ iv, cipher, lengthExtra: 2 }), extra: 1 })
    await Promise.all([settle(stranger), settle(newcomer)])
    expect(publishes(newcomer)).toHaveLength(1)
    expect(server.stats()).toMatchObject({ replays: 2, relayed: 1 })

    // a fresh message, or the same payload in another topic, is not a replay
    member.send({ type: 'publish', topic: 'room', data: sealed() })
    member.send({ type: 'publish', topic: 'other', data: announce })
    await settle(member)
    await settle(newcomer)
    expect(publishes(newcomer)).toHaveLength(3)

    // after the window the payload is forgotten
    await sleep(350)
    stranger.send({ type: 'publish', topic: 'room', data: announce })
    await newcomer.next((m) => m.type === 'publish' && m.data === announce && m.topic === 'room')
    expect(publishes(newcomer)).toHaveLength(4)
  })

  it('remembers at most replayMaxEntries payloads', async () => {
    const { server } = await start({ replayMaxEntries: 10, replayMaxPerTopic: 4 })
    const [a, b] = await Promise.all([connect(server), connect(server)])
    await subscribed('t1', a, b)
    await subscribed('t2', a, b)
    await subscribed('t3', a, b)
    for (let i = 0; i < 30; i++) a.send({ type: 'publish', topic: `t${(i % 3) + 1}`, data: sealed() })
    await settle(a)
    await until(() => publishes(b).length === 30, 'every fresh payload to arrive')
    expect(server.stats().remembered).toBe(10)
  })
})
