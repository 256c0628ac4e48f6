import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { DocLink } from '@core/sync/docLink.ts'
import { FIRST_CONTACT_SKEW_MS, PROOF_MAX_AGE_MS, presenceHolds, withPresenceProof } from '@core/sync/presenceProof.ts'
import type { PresenceUser } from '@core/sync/status.ts'
import { forgeries, setSigner } from '@core/collections/index.ts'
import { person } from '../../fixtures/people.ts'

/** Issue 10 #15: presence claiming to be someone else is dropped before any screen reads it. */
const named = (name: string) => ({ ...person(), name, color: '#1971c2' })
const ada = named('Ada')
const ben = named('Ben')
const user = (p: typeof ada) => ({ id: p.deviceId, name: p.name, color: p.color })

function link(): { link: DocLink; seen: () => PresenceUser[] } {
  let seen: PresenceUser[] = []
  const l = new DocLink('doc', new Y.Doc(), { onPeers() {}, onDecryptError() {}, onPresence: (u) => (seen = u), onTrouble() {} })
  return { link: l, seen: () => seen }
}

/** what a peer's awareness sends, applied to the receiving link's awareness */
function send(from: Awareness, to: DocLink): void {
  applyAwarenessUpdate(to.awareness, encodeAwarenessUpdate(from, [from.clientID]), 'peer')
}

afterEach(() => {
  setSigner(null)
  vi.useRealTimers()
})

describe('presence proofs', () => {
  it("shows a peer's own presence, proven for its connection", () => {
    const sender = link()
    setSigner(ada)
    sender.link.setLocalField('user', user(ada)) // no local state yet: kept for the next connect
    sender.link.awareness.setLocalState({})
    sender.link.setLocalField('user', user(ada))
    setSigner(null)
    const receiver = link()
    send(sender.link.awareness, receiver.link)
    expect(receiver.seen().map((u) => u.id)).toContain(ada.deviceId)
  })

  it('drops a presence naming someone without their proof, or with a proof made for another connection', () => {
    const receiver = link()
    const before = forgeries()
    // Ben claims to be Ada, with no proof
    const bare = new Awareness(new Y.Doc())
    bare.setLocalState({ user: user(ada) })
    send(bare, receiver.link)
    // Ben copies Ada's proven presence onto his own connection
    const adas = link()
    setSigner(ada)
    adas.link.awareness.setLocalState({})
    adas.link.setLocalField('user', user(ada))
    setSigner(null)
    const copied = new Awareness(new Y.Doc())
    const adaState = adas.link.awareness.getLocalState() as { user: unknown; proof: unknown }
    copied.setLocalState({ user: adaState.user, proof: adaState.proof })
    send(copied, receiver.link)
    // Ben proves himself under Ada's name: a proof by his key for her id
    const renamed = new Awareness(new Y.Doc())
    const bens = link()
    setSigner(ben)
    bens.link.awareness.setLocalState({})
    bens.link.setLocalField('user', user(ben))
    setSigner(null)
    const benState = bens.link.awareness.getLocalState() as { user: Record<string, unknown>; proof: unknown }
    renamed.setLocalState({ user: { ...benState.user, id: ada.deviceId }, proof: benState.proof })
    send(renamed, receiver.link)
    expect(receiver.seen()).toEqual([])
    expect([...receiver.link.awareness.getStates().keys()]).toEqual([receiver.link.awareness.clientID])
    expect(forgeries() - before).toBe(3)
    // his own presence is shown
    send(bens.link.awareness, receiver.link)
    expect(receiver.seen().map((u) => u.name)).toEqual(['Ben'])
  })

  it('reads presence of older ids as before', () => {
    const receiver = link()
    const old = new Awareness(new Y.Doc())
    old.setLocalState({ user: { id: 'AbCdEfGhIjKlMnOpQrStUv', name: 'Old', color: '#000000' } })
    send(old, receiver.link)
    expect(receiver.seen().map((u) => u.name)).toEqual(['Old'])
  })
})

describe('counting', () => {
  it('counts a forged presence once, not at every renewal', () => {
    const receiver = link()
    const before = forgeries()
    const bare = new Awareness(new Y.Doc())
    bare.setLocalState({ user: user(ada) })
    send(bare, receiver.link)
    bare.setLocalState({ user: user(ada), view: 'retro' }) // a renewal with a higher clock
    send(bare, receiver.link)
    expect(receiver.seen()).toEqual([])
    expect(forgeries() - before).toBe(1)
  })
})

describe('our own presence', () => {
  it('is proven again when something else sets our user (a rich-text caret with its own colour)', () => {
    const sender = link()
    setSigner(ada)
    sender.link.awareness.setLocalState({})
    sender.link.setLocalField('user', user(ada))
    // the editor's caret extension writes the user field itself, without a proof
    sender.link.awareness.setLocalStateField('user', { id: ada.deviceId, name: 'Ada', color: '#0b4f8a' })
    setSigner(null)
    const receiver = link()
    send(sender.link.awareness, receiver.link)
    expect(receiver.seen()).toMatchObject([{ id: ada.deviceId, color: '#0b4f8a' }])
  })
})

/** Ada's link with her presence in a meeting, proven on her device. */
function adaIn(meeting: string): DocLink {
  const l = link().link
  setSigner(ada)
  l.awareness.setLocalState({})
  l.setLocalField('user', user(ada))
  l.setLocalField('meeting', meeting)
  setSigner(null)
  return l
}

/** A hostile peer's awareness speaking under `clientId` (awareness updates name their client id themselves). */
function under(clientId: number): Awareness {
  const a = new Awareness(new Y.Doc())
  a.clientID = clientId
  return a
}

/** `state` sent under `clientId` with a clock above anything the receiver has from it. */
function sendAs(to: DocLink, clientId: number, state: unknown): void {
  const a = under(clientId)
  a.meta.set(clientId, { clock: (to.awareness.meta.get(clientId)?.clock ?? 0) + 100, lastUpdated: Date.now() })
  a.setLocalState(state as Record<string, unknown>)
  applyAwarenessUpdate(to.awareness, encodeAwarenessUpdate(a, [clientId]), 'peer')
}

const meetingOf = (l: DocLink, clientId: number) => (l.awareness.getStates().get(clientId) as { meeting?: unknown } | undefined)?.meeting

describe('what a proof covers and for how long', () => {
  it("refuses her proven user with another room, under her client id", () => {
    const adaLink = adaIn('standup')
    const receiver = link()
    send(adaLink.awareness, receiver.link)
    expect(meetingOf(receiver.link, adaLink.awareness.clientID)).toBe('standup')
    const hers = adaLink.awareness.getLocalState()!
    sendAs(receiver.link, adaLink.awareness.clientID, { ...hers, meeting: 'salary-review' })
    expect(meetingOf(receiver.link, adaLink.awareness.clientID)).toBeUndefined()
    expect(receiver.seen()).toEqual([])
  })

  it('refuses a proof made for another room (document) under the same client id', () => {
    const adaLink = adaIn('standup')
    const hers = adaLink.awareness.getLocalState()!
    const elsewhere = new DocLink('other-doc', new Y.Doc(), { onPeers() {}, onDecryptError() {}, onPresence() {}, onTrouble() {} })
    sendAs(elsewhere, adaLink.awareness.clientID, hers)
    expect(elsewhere.awareness.getStates().has(adaLink.awareness.clientID)).toBe(false)
  })

  it('refuses a proof aged past its connection lag, and on first contact one hours away from this clock', () => {
    const place = { room: 'doc', clientId: 5 }
    const state = { user: user(ada), meeting: 'standup' }
    const t = 1_900_000_000_000
    const proven = (at: number) => {
      setSigner(ada)
      try {
        return withPresenceProof(state, place, at)
      } finally {
        setSigner(null)
      }
    }
    // first contact: the sender's clock may be minutes off, not hours
    expect(presenceHolds(place, proven(t), t)).toBe(true)
    expect(presenceHolds(place, proven(t - 4 * 60_000), t)).toBe(true)
    expect(presenceHolds(place, proven(t + 3 * 60_000), t)).toBe(true)
    expect(presenceHolds(place, proven(t - FIRST_CONTACT_SKEW_MS - 1_000), t)).toBe(false)
    expect(presenceHolds(place, proven(t + FIRST_CONTACT_SKEW_MS + 1_000), t)).toBe(false)
    // a connection whose clock is 4 minutes behind (its proofs arrive 240 s "old", lag 240 s)
    const lag = 240_000
    expect(presenceHolds(place, proven(t - lag), t, lag)).toBe(true)
    expect(presenceHolds(place, proven(t - lag - PROOF_MAX_AGE_MS + 1_000), t, lag)).toBe(true)
    expect(presenceHolds(place, proven(t - lag - PROOF_MAX_AGE_MS - 1_000), t, lag)).toBe(false)
    // one 3 minutes ahead (lag negative)
    expect(presenceHolds(place, proven(t + 180_000 - PROOF_MAX_AGE_MS - 1_000), t, -180_000)).toBe(false)
    expect(presenceHolds(place, proven(t + 180_000), t, -180_000)).toBe(true)
  })

  it('shows peers whose clocks are minutes off, and still refuses their presence replayed later (the sprint timer needs their beacons)', () => {
    vi.useFakeTimers()
    for (const offset of [4 * 60_000, -3 * 60_000]) {
      const receiver = link()
      // Ada's device runs its clock `offset` away from the receiver's
      vi.setSystemTime(Date.now() + offset)
      const adaLink = adaIn('standup')
      const hers = adaLink.awareness.getLocalState()!
      vi.setSystemTime(Date.now() - offset)
      send(adaLink.awareness, receiver.link)
      expect(receiver.seen().map((u) => u.id)).toEqual([ada.deviceId])
      // her state kept by someone and sent again well after it was made
      vi.advanceTimersByTime(PROOF_MAX_AGE_MS + 1_000)
      receiver.link.awareness.states.delete(adaLink.awareness.clientID)
      sendAs(receiver.link, adaLink.awareness.clientID, hers)
      expect(receiver.link.awareness.getStates().has(adaLink.awareness.clientID)).toBe(false)
      vi.useRealTimers()
      vi.useFakeTimers()
    }
  })

  it('refuses her state replayed after she left, once it is past its age', () => {
    vi.useFakeTimers()
    const adaLink = adaIn('standup')
    const receiver = link()
    send(adaLink.awareness, receiver.link)
    const last = adaLink.awareness.getLocalState()!
    const clientId = adaLink.awareness.clientID
    // she leaves (her device says so), and the receiver forgets her
    adaLink.destroy()
    expect(receiver.link.awareness.getStates().has(clientId)).toBe(true) // the removal went nowhere here
    receiver.link.awareness.states.delete(clientId)
    vi.advanceTimersByTime(PROOF_MAX_AGE_MS + 1_000)
    const before = forgeries()
    sendAs(receiver.link, clientId, last)
    expect(receiver.link.awareness.getStates().has(clientId)).toBe(false)
    expect(receiver.seen()).toEqual([])
    expect(forgeries() - before).toBe(0) // aged, not counted as forged (an honest clock may be off)
  })

  it('refuses her unchanged state renewed by someone else once it is past its age (a renewal changes nothing)', () => {
    vi.useFakeTimers()
    const adaLink = adaIn('standup')
    const receiver = link()
    send(adaLink.awareness, receiver.link)
    const clientId = adaLink.awareness.clientID
    // she goes quiet (no removal reaches the receiver); someone keeps renewing her last state
    for (let i = 0; i < 8; i++) {
      vi.advanceTimersByTime(15_000)
      sendAs(receiver.link, clientId, adaLink.awareness.getLocalState())
    }
    expect(receiver.link.awareness.getStates().has(clientId)).toBe(false)
    expect(receiver.seen()).toEqual([])
  })

  it('refuses an older state of hers replayed while she is here (her earlier room)', () => {
    vi.useFakeTimers()
    const adaLink = adaIn('standup')
    const receiver = link()
    send(adaLink.awareness, receiver.link)
    const earlier = adaLink.awareness.getLocalState()!
    vi.advanceTimersByTime(5_000)
    setSigner(ada)
    adaLink.setLocalField('meeting', 'retro')
    setSigner(null)
    send(adaLink.awareness, receiver.link)
    expect(meetingOf(receiver.link, adaLink.awareness.clientID)).toBe('retro')
    sendAs(receiver.link, adaLink.awareness.clientID, earlier)
    expect(meetingOf(receiver.link, adaLink.awareness.clientID)).toBeUndefined()
    // her next renewal brings her back as she is
    send(adaLink.awareness, receiver.link)
    expect(meetingOf(receiver.link, adaLink.awareness.clientID)).toBe('retro')
  })

  it('lets anyone move her pointer (not sealed), never her room', () => {
    const adaLink = adaIn('standup')
    const receiver = link()
    send(adaLink.awareness, receiver.link)
    sendAs(receiver.link, adaLink.awareness.clientID, { ...adaLink.awareness.getLocalState()!, cursor: { board: 'b', x: 0.5, y: 10 } })
    expect(meetingOf(receiver.link, adaLink.awareness.clientID)).toBe('standup')
  })
})

describe('our own presence over time', () => {
  it('still proves after renewals, signing again only as the proof ages, not at each pointer move', () => {
    vi.useFakeTimers()
    const adaLink = adaIn('standup')
    const receiver = link()
    const proofOf = () => JSON.stringify((adaLink.awareness.getLocalState() as { proof: unknown }).proof)
    const first = proofOf()
    setSigner(ada)
    for (let i = 0; i < 20; i++) adaLink.setLocalField('cursor', { board: 'b', x: i / 20, y: i })
    expect(proofOf()).toBe(first)
    // ten minutes of awareness renewals, each sent to the receiver: a renewal sets the same state
    // again every 15 s (y-protocols does it on its own clock, lib0's, which fake timers do not move)
    send(adaLink.awareness, receiver.link)
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(15_000)
      adaLink.awareness.setLocalState(adaLink.awareness.getLocalState())
      send(adaLink.awareness, receiver.link)
      expect(receiver.seen().map((u) => u.id)).toEqual([ada.deviceId])
    }
    setSigner(null)
    expect(proofOf()).not.toBe(first)
    expect(meetingOf(receiver.link, adaLink.awareness.clientID)).toBe('standup')
  })

  it('signs again when a sealed field changes', () => {
    const adaLink = adaIn('standup')
    const first = JSON.stringify((adaLink.awareness.getLocalState() as { proof: unknown }).proof)
    setSigner(ada)
    adaLink.setLocalField('view', 'retro')
    setSigner(null)
    expect(JSON.stringify((adaLink.awareness.getLocalState() as { proof: unknown }).proof)).not.toBe(first)
    const receiver = link()
    send(adaLink.awareness, receiver.link)
    expect(receiver.seen()).toMatchObject([{ id: ada.deviceId, view: 'retro' }])
  })
})
