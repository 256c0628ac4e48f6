import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { cleanup, connect, forget, sealed, settle, start, withTimeout } from './helpers.ts'

afterEach(cleanup)

describe('signaling server', () => {
  it('relays a publish to every subscriber of the topic, with a clients count, and not to others', async () => {
    const { server } = await start()
    const [a, b, other] = await Promise.all([connect(server), connect(server), connect(server)])
    a.send({ type: 'subscribe', topics: ['room-1'] })
    b.send({ type: 'subscribe', topics: ['room-1', 'room-2'] })
    other.send({ type: 'subscribe', topics: ['room-2'] })
    await Promise.all([settle(a), settle(b), settle(other)])

    a.send({ type: 'publish', topic: 'room-1', data: { sealed: 'xyz' } })
    const atB = await b.next((m) => m.type === 'publish')
    expect(atB).toEqual({ type: 'publish', topic: 'room-1', data: { sealed: 'xyz' }, clients: 2 })
    // the publisher is a subscriber too, so y-webrtc sees its own message
    expect(await a.next((m) => m.type === 'publish')).toEqual(atB)

    await settle(other)
    expect(other.messages.filter((m) => m.type === 'publish')).toEqual([])
    expect(server.stats()).toMatchObject({ connections: 3, topics: 2, relayed: 1 })
  })

  it('stops relaying after unsubscribe and forgets empty topics', async () => {
    const { server } = await start()
    const [a, b] = await Promise.all([connect(server), connect(server)])
    a.send({ type: 'subscribe', topics: ['room-1'] })
    b.send({ type: 'subscribe', topics: ['room-1'] })
    await Promise.all([settle(a), settle(b)])

    b.send({ type: 'unsubscribe', topics: ['room-1'] })
    await settle(b)
    a.send({ type: 'publish', topic: 'room-1', data: 1 })
    expect(await a.next((m) => m.type === 'publish')).toMatchObject({ clients: 1 })
    await settle(b)
    expect(b.messages.filter((m) => m.type === 'publish')).toEqual([])

    a.send({ type: 'unsubscribe', topics: ['room-1'] })
    await settle(a)
    expect(server.stats().topics).toBe(0)
  })

  it('answers ping with pong', async () => {
    const { server } = await start()
    const a = await connect(server)
    a.send({ type: 'ping' })
    expect(await a.next()).toEqual({ type: 'pong' })
  })

  it('serves GET /health as JSON with counts', async () => {
    const { server } = await start()
    const a = await connect(server)
    a.send({ type: 'subscribe', topics: ['t1', 't2'] })
    a.send({ type: 'publish', topic: 't1', data: sealed() })
    await a.next((m) => m.type === 'publish')
    const res = await withTimeout(fetch(`http://127.0.0.1:${server.port}/health`), 'health')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(await res.json()).toEqual({ ok: true, connections: 1, topics: 2, relayed: 1 })
    const other = await withTimeout(fetch(`http://127.0.0.1:${server.port}/`), 'index')
    expect(other.status).toBe(404)
    await other.text()
  })

  it('ignores malformed messages, counts them and keeps the connection', async () => {
    const { server } = await start()
    const a = await connect(server)
    for (const junk of ['{not json', 'null', '[1,2]', '42', JSON.stringify({ type: 7 }), JSON.stringify({ type: 'explode' })]) a.send(junk)
    await settle(a)
    expect(a.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.stats().rejected).toBe(6)
  })

  it('closes a connection that sends a message over maxMessageBytes, and only that one', async () => {
    const { server } = await start({ maxMessageBytes: 1024 })
    const [a, b] = await Promise.all([connect(server), connect(server)])
    a.send({ type: 'publish', topic: 't', data: 'x'.repeat(2000) })
    const { code } = await withTimeout(a.closed, 'close')
    expect(code).toBe(1009)
    await settle(b)
    expect(b.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.stats().rejected).toBe(1)
  })

  it('enforces maxTopicsPerConnection with an error message', async () => {
    const { server, logs } = await start({ maxTopicsPerConnection: 2 })
    const a = await connect(server)
    a.send({ type: 'subscribe', topics: ['t1', 't2', 't3', 't4'] })
    expect(await a.next((m) => m.type === 'error')).toEqual({ type: 'error', reason: 'too many topics' })
    expect(server.stats().topics).toBe(2)
    // topics already held can be subscribed again without error
    a.send({ type: 'subscribe', topics: ['t1'] })
    await settle(a)
    expect(a.messages.filter((m) => m.type === 'error')).toHaveLength(1)
    expect(logs.some((l) => l.includes('limit of 2 topics'))).toBe(true)
    expect(a.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('skips topics that are not strings, empty or too long', async () => {
    const { server } = await start({ maxTopicLength: 8 })
    const a = await connect(server)
    a.send({ type: 'subscribe', topics: [1, '', 'x'.repeat(9), 'ok', null] })
    await settle(a)
    expect(server.stats().topics).toBe(1)
  })

  it('terminates a client that does not answer pings', async () => {
    const { server, logs } = await start({ pingTimeoutMs: 100 })
    const silent = await connect(server, { autoPong: false })
    const lively = await connect(server)
    const { code } = await withTimeout(silent.closed, 'the silent client to be dropped')
    expect(code).toBe(1006) // terminated: no close frame
    expect(logs.some((l) => l.includes('no pong within 100 ms'))).toBe(true)
    // a client that answers pings stays connected through several rounds
    await new Promise((r) => setTimeout(r, 350))
    expect(lively.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.stats().connections).toBe(1)
  })

  it('refuses connections over maxConnections', async () => {
    const { server } = await start({ maxConnections: 1 })
    await connect(server)
    const extra = await connect(server)
    const { code } = await withTimeout(extra.closed, 'the extra client to be refused')
    expect(code).toBe(1013)
  })

  it('close() resolves and drops connected clients', async () => {
    const { server } = await start()
    const a = await connect(server)
    a.send({ type: 'subscribe', topics: ['t'] })
    await settle(a)
    forget(server)
    await withTimeout(server.close(), 'close')
    await withTimeout(a.closed, 'the client to see the close')
    await expect(fetch(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow()
  })
})
