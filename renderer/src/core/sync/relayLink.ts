import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { create } from 'zustand'
import { readRelayUrls } from '@shared/relay/urls.ts'
import { RelayProvider, type RelayState } from './relayProvider.ts'
import type { Awareness } from 'y-protocols/awareness'
import { db } from '../database/db.ts'

/**
 * How a document link uses the relay (issue 13 #2): the space's relay URLs are in its root
 * document (`meta.relays`, written by any member, read bounded), and each linked document gets a
 * RelayProvider next to its WebRTC provider. Updates that came from elsewhere (a WebRTC peer, this
 * browser's other tabs through y-dexie, the relay itself) are not sent to the relay: each device
 * sends its own edits, and sends all it has when it cannot know what the relay holds.
 */
export function relayUrlsOf(root: Y.Doc): string[] {
  return readRelayUrls(root.getMap('meta').get('relays'))
}

export function isRemoteOrigin(origin: unknown): boolean {
  if (origin instanceof DexieYProvider || origin instanceof RelayProvider) return true
  // y-webrtc applies a peer's update with its Room as the origin
  return typeof origin === 'object' && origin !== null && 'webrtcConns' in origin
}

/** The relay connection of each linked document, for the screens (root document id = space id). */
export const useRelayStates = create<Record<string, { state: RelayState; detail?: string }>>(() => ({}))

/**
 * Resolves once every update applied to `doc` so far is stored: y-dexie (as patched) writes an
 * update that came from elsewhere, such as the relay's, up to a second later; `writePending`
 * writes it now, and a read over y-dexie's update tables cannot start before the read/write
 * transactions created earlier on them finish (IndexedDB orders transactions with overlapping
 * scopes).
 */
async function whenStored(doc: Y.Doc): Promise<void> {
  ;(DexieYProvider.for(doc) as (DexieYProvider & { writePending?: () => void }) | undefined)?.writePending?.()
  const d = db()
  const tables = (['spaces', 'docs'] as const).flatMap((t) => (d.table(t).schema.yProps ?? []).map((p) => p.updatesTable))
  if (tables.length === 0) return
  await d.transaction('r', tables, async () => {
    for (const t of tables) await d.table(t).get(-1)
  })
}

/** How many have a presence in each linked document's relay room (the relay counts; issue 13 #4). */
export const useRelayHere = create<Record<string, number>>(() => ({}))

/**
 * The app's presence fields as the relay's lanes see them (relayPresence.ts): pointers on a board
 * are motion, sent only to devices showing a board (their own state has `retro`); someone typing
 * on a card is hot, sent first in a big room.
 */
export const APP_PRESENCE = {
  motionFields: ['cursor'],
  isHot: (state: Record<string, unknown>) => {
    const retro = state.retro as { typing?: unknown } | null | undefined
    return typeof retro === 'object' && retro !== null && retro.typing !== undefined && retro.typing !== null
  },
  wantsMotion: (own: Record<string, unknown> | null) => typeof own?.retro === 'object' && own.retro !== null
}

export function startRelay(o: { urls: string[]; docId: string; doc: Y.Doc; spaceKey: string; awareness: Awareness; onTrouble: (what: string) => void }): RelayProvider {
  return new RelayProvider({
    ...o,
    isRemoteOrigin,
    whenStored: () => whenStored(o.doc),
    onState: (state, detail) => useRelayStates.setState({ [o.docId]: { state, detail } }),
    presence: { ...APP_PRESENCE, onHere: (n) => useRelayHere.setState({ [o.docId]: n }) }
  })
}

export function forgetRelayState(docId: string): void {
  useRelayStates.setState((s) => {
    const { [docId]: _gone, ...rest } = s
    return rest
  }, true)
  useRelayHere.setState((s) => {
    const { [docId]: _gone, ...rest } = s
    return rest
  }, true)
}
