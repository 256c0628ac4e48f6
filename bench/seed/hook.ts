import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { sprintDocKey } from '@shared/sprint/sprintRecords.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { editCardText, hasCard } from './retro.ts'
import type { BenchHook, RemoteEditStamps } from './types.ts'

/**
 * The bench's hook in the app (app.html = this + the app's unchanged entry; never in the app's
 * own build). It observes, it does not change what the app does:
 *   - wire: every RTCDataChannel message's arrival time (the `onmessage` handler simple-peer sets
 *     is wrapped: time and bytes are noted, then the app's handler runs as before);
 *   - Yjs: for every document the sync manager retains (sprint boards, journals), when a remote
 *     transaction starts (beforeTransaction) and ends (the 'update' event) and what it carried;
 *   - DOM: on request, a MutationObserver that notes when a token appears in the page.
 * On the second peer it also edits a card through the retro store (retro.ts editCardText).
 */
const now = () => performance.timeOrigin + performance.now()
const RING = 400

interface Arrival {
  at: number
  bytes: Uint8Array
}
const wire: Arrival[] = []
const applied: { yjsAt: number; updateAt: number; bytes: Uint8Array }[] = []

function remember<T>(ring: T[], item: T): void {
  ring.push(item)
  if (ring.length > RING) ring.splice(0, ring.length - RING)
}

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return null
}

// --- wire: wrap the data channel's message handler (simple-peer assigns `onmessage`)
const onmessage = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage')
if (onmessage?.set && onmessage.get) {
  const { get, set } = onmessage
  Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
    configurable: true,
    enumerable: onmessage.enumerable ?? true,
    get(this: RTCDataChannel) {
      return get.call(this) as unknown
    },
    set(this: RTCDataChannel, handler: ((this: RTCDataChannel, ev: MessageEvent) => unknown) | null) {
      if (typeof handler !== 'function') return set.call(this, handler)
      set.call(this, function (this: RTCDataChannel, ev: MessageEvent) {
        const bytes = asBytes(ev.data)
        if (bytes) remember(wire, { at: now(), bytes })
        return handler.call(this, ev)
      })
    }
  })
}

// --- Yjs: remote transactions of retained documents
const starts = new WeakMap<Y.Transaction, number>()
const watched = new WeakSet<Y.Doc>()

function instrument(doc: Y.Doc): void {
  if (watched.has(doc)) return
  watched.add(doc)
  doc.on('beforeTransaction', (tr: Y.Transaction) => {
    // loads from IndexedDB are not arrivals; everything else that is not local came from a peer
    if (!tr.local && !(tr.origin instanceof DexieYProvider)) starts.set(tr, now())
  })
  doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    const yjsAt = starts.get(tr)
    if (yjsAt !== undefined) remember(applied, { yjsAt, updateAt: now(), bytes: update })
  })
}

const retain = syncManager.retain.bind(syncManager)
syncManager.retain = async (spaceId: string, key: string): Promise<DocLink> => {
  const link = await retain(spaceId, key)
  instrument(link.doc)
  return link
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

// --- DOM: when does a token show?
const pending = new Map<string, Promise<RemoteEditStamps | null>>()

function arm(token: string, timeoutMs: number): void {
  const needle = new TextEncoder().encode(token)
  pending.set(
    token,
    new Promise((resolve) => {
      let done = false
      const found = (node: Node | null) => !!node && (node.textContent ?? '').includes(token)
      const observer = new MutationObserver((records) => {
        if (done) return
        for (const r of records) {
          if (found(r.target) || [...r.addedNodes].some(found)) {
            const domAt = now()
            done = true
            observer.disconnect()
            clearTimeout(timer)
            requestAnimationFrame(() => {
              const frameAt = now()
              const w = [...wire].reverse().find((a) => a.at <= domAt && contains(a.bytes, needle))
              const y = [...applied].reverse().find((a) => a.yjsAt <= domAt && contains(a.bytes, needle))
              resolve({ wireAt: w?.at ?? null, yjsAt: y?.yjsAt ?? null, updateAt: y?.updateAt ?? null, domAt, frameAt })
            })
            return
          }
        }
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
      const timer = setTimeout(() => {
        if (done) return
        done = true
        observer.disconnect()
        resolve(null)
      }, timeoutMs)
    })
  )
}

async function seen(token: string): Promise<RemoteEditStamps | null> {
  const result = (await pending.get(token)) ?? null
  pending.delete(token)
  return result
}

// --- the second peer: keep the board's document open and edit through the store
const open = new Map<string, DocLink>()

async function linkFor(teamId: string, sprint: number): Promise<DocLink> {
  const key = `${teamId}/${sprint}`
  let link = open.get(key)
  if (!link) {
    link = await syncManager.retain(teamId, sprintDocKey(sprint))
    open.set(key, link)
  }
  return link
}

const hook: BenchHook = {
  arm,
  seen,
  async openCard(teamId, sprint, cardId, timeoutMs) {
    const link = await linkFor(teamId, sprint)
    const deadline = Date.now() + timeoutMs
    while (!hasCard(link, cardId)) {
      if (Date.now() > deadline) return false
      await new Promise((r) => setTimeout(r, 200))
    }
    return true
  },
  async editCard(teamId, sprint, cardId, text) {
    const link = await linkFor(teamId, sprint)
    const at = now()
    await editCardText(link, teamId, sprint, cardId, text)
    return at
  }
}

declare global {
  interface Window {
    __bench?: BenchHook
  }
}
window.__bench = hook
