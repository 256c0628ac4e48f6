import { describe, expect, it } from 'vitest'
import { checkProof, newChallenge, ReplayFilter, relayRoomFor, roomKeys } from '@shared/relay/crypto.ts'
import { catchUpPlan, Mailbox, snapshotVerdict, DEFAULT_QUOTA, appendRefusal } from '@shared/relay/mailbox.ts'
import { compareSeq, seqAfter } from '@shared/relay/seq.ts'
import { checkRelayUrl, readRelayUrls, relayEndpoint } from '@shared/relay/urls.ts'
import { OTHER_KEY, SPACE_KEY } from './helpers.ts'

const text = (s: string) => new TextEncoder().encode(s)

describe('relay sealing', () => {
  it('seals and opens; a fresh nonce each time; the room id is one-way and bound to the key', async () => {
    const k = await roomKeys('doc-1', SPACE_KEY)
    const a = await k.seal('update', text('hello'))
    const b = await k.seal('update', text('hello'))
    expect(a).not.toEqual(b)
    expect(new TextDecoder().decode((await k.open('update', a))!)).toBe('hello')
    expect(k.room).toMatch(/^tr-[0-9a-f]{64}$/)
    expect(k.room).not.toContain('doc-1')
    expect(relayRoomFor('doc-1', OTHER_KEY)).not.toBe(k.room)
    expect(relayRoomFor('doc-2', SPACE_KEY)).not.toBe(k.room)
  })

  it('refuses a tampered message, another kind, another room and another key', async () => {
    const k = await roomKeys('doc-1', SPACE_KEY)
    const sealed = await k.seal('update', text('hello'))
    for (const i of [2, 10, 14, sealed.length - 1]) {
      const t = sealed.slice()
      t[i]! ^= 1
      expect(await k.open('update', t)).toBeNull()
    }
    expect(await k.open('snapshot', sealed)).toBeNull()
    expect(await k.open('update', sealed.subarray(0, 20))).toBeNull()
    expect(await (await roomKeys('doc-2', SPACE_KEY)).open('update', sealed)).toBeNull()
    expect(await (await roomKeys('doc-1', OTHER_KEY)).open('update', sealed)).toBeNull()
  })

  it('WebCrypto (the app) and Node’s AES-GCM (node clients) seal the same way: each opens the other’s, and refuses it tampered', async () => {
    const web = await roomKeys('doc-1', SPACE_KEY, 'webcrypto')
    const node = await roomKeys('doc-1', SPACE_KEY, 'node')
    for (const [from, to] of [
      [web, node],
      [node, web]
    ] as const) {
      const sealed = await from.seal('update', text('same bytes'))
      expect(new TextDecoder().decode((await to.open('update', sealed))!)).toBe('same bytes')
      expect(await to.open('awareness', sealed)).toBeNull()
      for (const i of [2, 14, sealed.length - 1]) {
        const t = sealed.slice()
        t[i]! ^= 1
        expect(await to.open('update', t)).toBeNull()
      }
    }
    expect(await (await roomKeys('doc-1', OTHER_KEY, 'node')).open('update', await web.seal('update', text('x')))).toBeNull()
  })

  it('refuses a replayed message', async () => {
    const k = await roomKeys('doc-1', SPACE_KEY)
    const filter = new ReplayFilter(3)
    const m = await k.seal('awareness', text('x'))
    expect(filter.admit(m)).toBe(true)
    expect(filter.admit(m)).toBe(false)
    expect(filter.admit(new Uint8Array(3))).toBe(false)
  })

  it('a membership proof holds for its room and challenge only; a wrong key cannot join', async () => {
    const k = await roomKeys('doc-1', SPACE_KEY)
    const other = await roomKeys('doc-1', OTHER_KEY)
    const c = newChallenge()
    expect(checkProof(k.room, c, k.verifier, k.prove(c))).toBe(true)
    expect(checkProof(k.room, newChallenge(), k.verifier, k.prove(c))).toBe(false)
    expect(checkProof(k.room, c, k.verifier, other.prove(c))).toBe(false)
    expect(checkProof('tr-' + '0'.repeat(64), c, k.verifier, k.prove(c))).toBe(false)
    expect(checkProof(k.room, c, 'garbage', 'garbage')).toBe(false)
  })
})

describe('mailbox rules', () => {
  it('orders positions as numbers, not text', () => {
    expect(compareSeq('10-0', '9-0')).toBeGreaterThan(0)
    expect(compareSeq('1700000000000-2', '1700000000000-10')).toBeLessThan(0)
    expect(seqAfter('5-0')).toBe('5-1')
  })

  it('catch-up: snapshot when the cursor is before it, else updates after the cursor; a cursor ahead resets', () => {
    const snap = { covers: '10-0', data: 'S' }
    expect(catchUpPlan(null, '3-0', null)).toEqual({ withSnapshot: false, after: '0-0', reset: false })
    expect(catchUpPlan(snap, '12-0', '4-0')).toEqual({ withSnapshot: true, after: '10-0', reset: false })
    expect(catchUpPlan(snap, '12-0', '11-0')).toEqual({ withSnapshot: false, after: '11-0', reset: false })
    expect(catchUpPlan(snap, '12-0', '99-0')).toEqual({ withSnapshot: true, after: '10-0', reset: true })
  })

  it('a snapshot drops what it covers; a stale or premature one is refused; quotas', () => {
    const box = new Mailbox('v')
    for (let i = 1; i <= 5; i++) box.append({ seq: `${i}-0`, data: 'x'.repeat(10) })
    expect(box.bytes).toBe(50)
    expect(snapshotVerdict(null, box.head, '9-0', 5, DEFAULT_QUOTA)).toBe('ahead')
    expect(snapshotVerdict(null, box.head, '3-0', 5, DEFAULT_QUOTA)).toBe('accept')
    box.takeSnapshot({ covers: '3-0', data: 'SNAP' })
    expect(box.entries.map((e) => e.seq)).toEqual(['4-0', '5-0'])
    expect(box.bytes).toBe(24)
    expect(snapshotVerdict(box.snapshot, box.head, '2-0', 5, DEFAULT_QUOTA)).toBe('stale')
    expect(box.read('1-0').snapshot?.covers).toBe('3-0')
    expect(box.read('4-0').entries.map((e) => e.seq)).toEqual(['5-0'])
    const q = { maxBytes: 100, maxEntries: 3, compactAfter: 2 }
    expect(appendRefusal(0, 3, 1, q)).toBe('room full (updates)')
    expect(appendRefusal(95, 0, 10, q)).toBe('room full (bytes)')
    expect(appendRefusal(0, 0, 10, q)).toBeNull()
  })
})

describe('relay URLs', () => {
  it('reads ws and wss addresses only, bounded', () => {
    expect(checkRelayUrl(' wss://Relay.Example.org/ ')).toEqual({ ok: true, url: 'wss://relay.example.org' })
    expect(checkRelayUrl('ws://127.0.0.1:4444')).toEqual({ ok: true, url: 'ws://127.0.0.1:4444' })
    for (const bad of ['', 'https://x.org', 'wss://user:pw@x.org', 'wss://x.org/#a', 'wss://x.org:99999', 'javascript:alert(1)', 'wss://' + 'a'.repeat(300)]) {
      expect(checkRelayUrl(bad).ok).toBe(false)
    }
    expect(readRelayUrls(['wss://a.org', 'wss://a.org', 5, 'http://b', 'wss://b.org', 'wss://c.org', 'wss://d.org', 'wss://e.org'])).toEqual([
      'wss://a.org',
      'wss://b.org',
      'wss://c.org',
      'wss://d.org'
    ])
    expect(readRelayUrls('wss://a.org')).toEqual([])
    expect(relayEndpoint('ws://h:1')).toBe('ws://h:1/relay')
    expect(relayEndpoint('wss://h/tandem/relay')).toBe('wss://h/tandem/relay')
  })
})

describe('presence items', () => {
  it('read back what was written; a malformed item refuses the whole frame', async () => {
    const { decodePresenceItems, encodePresenceItems } = await import('@shared/relay/protocol.ts')
    const items = [
      { from: 'abc_-9', lane: 'b' as const, data: 'AQID' },
      { from: 'x', lane: 'm' as const, data: 'BAUG' },
      { from: 'gone1', lane: 'g' as const, data: '' }
    ]
    expect(decodePresenceItems(encodePresenceItems(items), 100)).toEqual(items)
    expect(decodePresenceItems('', 100)).toEqual([])
    for (const bad of ['a.b', 'a.q.AQID', 'a.g.AQID', 'a b.b.AQID', 'a.b.AQ=D', 'a.b.AQID.x', 'a.b.AQID,', `a.b.${'A'.repeat(200)}`]) expect(decodePresenceItems(bad, 100)).toBeNull()
  })
})
