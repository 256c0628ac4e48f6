import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { DocLink } from '@core/sync/docLink.ts'
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

afterEach(() => setSigner(null))

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
    copied.setLocalState({ user: (adas.link.awareness.getLocalState() as { user: unknown }).user })
    send(copied, receiver.link)
    // Ben proves himself under Ada's name: a proof by his key for her id
    const renamed = new Awareness(new Y.Doc())
    const bens = link()
    setSigner(ben)
    bens.link.awareness.setLocalState({})
    bens.link.setLocalField('user', user(ben))
    setSigner(null)
    const benUser = (bens.link.awareness.getLocalState() as { user: Record<string, unknown> }).user
    renamed.setLocalState({ user: { ...benUser, id: ada.deviceId } })
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
