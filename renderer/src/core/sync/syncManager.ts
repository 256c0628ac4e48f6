import { liveQuery, type Subscription } from 'dexie'
import { DexieYProvider } from 'y-dexie'
import type { WebrtcProvider } from 'y-webrtc'
import type * as Y from 'yjs'
import { db, type IdentityRow, type SpaceRow } from '../database/db.ts'
import { docIdFor, ensureDocRow } from '../documents/rows.ts'
import { getSettings, type Settings } from '../device/settings.ts'
import { readMeta, upsertSelf } from '../spaces/spaceDoc.ts'
import { DocLink } from './docLink.ts'
import { SignalingHealth } from './signalingHealth.ts'
import { keepVersioned } from '../documents/index.ts'
import { countPeople, forgetSpace, patchSpaceSync, setPresence } from './status.ts'
import { publishKeyCheck } from './keyCheck.ts'

const LAST_SEEN_EVERY_MS = 2 * 60_000
const KEY_CHECK_EVERY_MS = 3_000
const LINGER_MS = 20_000

interface SpaceState {
  row: SpaceRow
  root: DocLink
  keyVerified: boolean
  lastKeyCheck: number
  lastSeenWritten: number
  dispose: () => void
}

interface Retained {
  link: DocLink
  spaceId: string
  refs: number
  linger: ReturnType<typeof setTimeout> | null
  stopVersioning: () => void
}

/**
 * Keeps every active space connected: loads its root document from Dexie and links it to its room
 * (exactly one provider per room, whatever React or hot reload do); links a space's other
 * documents while the UI retains them; follows the settings (online, signaling servers) and the
 * identity; watches the key; keeps "last seen" fresh. Commands change rows; this follows.
 */
class SyncManager {
  private spaces = new Map<string, SpaceState>()
  private pending = new Map<string, Promise<unknown>>()
  private retained = new Map<string, Retained>()
  private identity: IdentityRow | null = null
  private settings: Settings | null = null
  private sub: Subscription | null = null
  private view = 'home'
  private spaceListeners = new Set<() => void>()
  private health = new SignalingHealth(() => this.relinkAll())

  start(): void {
    if (this.sub) return
    this.sub = liveQuery(async () => ({
      rows: await db().spaces.toArray(),
      settings: await getSettings(),
      identity: (await db().identity.get('me')) ?? null
    })).subscribe({
      next: ({ rows, settings, identity }) => void this.reconcile(rows, settings, identity),
      error: (err) => console.error('sync: could not read spaces', err)
    })
    // the network is back: whatever was given up on is worth a try now
    addEventListener('online', () => this.trySignalingNow())
    setInterval(() => this.touchLastSeen(false), 30_000)
    addEventListener('pagehide', () => this.touchLastSeen(true))
  }

  /** Where the user is, shown to others as presence. */
  setView(view: string): void {
    this.view = view
    for (const s of this.spaces.values()) s.root.setLocalField('view', view)
  }

  /** Keep one of a space's documents loaded and synced until `release`. */
  async retain(spaceId: string, key: string): Promise<DocLink> {
    const docId = docIdFor(spaceId, key)
    const held = this.retained.get(docId)
    if (held) {
      held.refs++
      if (held.linger) clearTimeout(held.linger)
      held.linger = null
      return held.link
    }
    let loading = this.pending.get(docId) as Promise<DocLink> | undefined
    if (!loading) {
      loading = (async () => {
        const row = await ensureDocRow(spaceId, key)
        await DexieYProvider.load(row.doc).whenLoaded
        // brought to this app's layout (or read-only when a newer app wrote it) before anyone reads it
        const stopVersioning = keepVersioned(row.doc, key)
        const link = new DocLink(docId, row.doc, {
          onPeers: () => {},
          onDecryptError: (p) => this.onDecryptError(spaceId, p),
          onPresence: (users) => setPresence(docId, users),
          onTrouble: (what) => this.onTrouble(spaceId, what)
        })
        this.retained.set(docId, { link, spaceId, refs: 0, linger: null, stopVersioning })
        this.connectLink(link, spaceId)
        return link
      })().finally(() => this.pending.delete(docId))
      this.pending.set(docId, loading)
    }
    const link = await loading
    this.retained.get(docId)!.refs++
    return link
  }

  release(spaceId: string, key: string): void {
    const docId = docIdFor(spaceId, key)
    const held = this.retained.get(docId)
    if (!held || --held.refs > 0) return
    // keep the room a little while: views come and go quickly
    held.linger = setTimeout(() => {
      if (held.refs > 0) return
      this.retained.delete(docId)
      held.stopVersioning()
      held.link.destroy()
      DexieYProvider.release(held.link.doc)
      forgetSpace(docId)
    }, LINGER_MS)
  }

  private async reconcile(rows: SpaceRow[], settings: Settings, identity: IdentityRow | null): Promise<void> {
    const identityChanged = JSON.stringify(identity) !== JSON.stringify(this.identity)
    this.identity = identity
    this.settings = settings
    this.health.setUrls(settings.online ? settings.signalingUrls : [])
    if (!identity) return
    const active = new Map(rows.filter((r) => r.status === 'active').map((r) => [r.id, r]))
    for (const id of [...this.spaces.keys()]) if (!active.has(id)) this.detach(id)
    for (const row of active.values()) {
      const state = this.spaces.get(row.id)
      if (!state) {
        if (!this.pending.has(row.id)) this.pending.set(row.id, this.attach(row).finally(() => this.pending.delete(row.id)))
        continue
      }
      if (state.row.key !== row.key || state.root.doc !== row.doc) {
        // deleted and joined again (a row's key never changes): a new document in another room
        this.detach(row.id)
        this.pending.set(row.id, this.attach(row).finally(() => this.pending.delete(row.id)))
        continue
      }
      state.row = row
      state.keyVerified = row.keyVerified
      if (identityChanged) {
        upsertSelf(state.root.doc, this.me(), Date.now())
        state.root.setLocalField('user', this.me())
      }
    }
    for (const s of this.spaces.values()) this.connectLink(s.root, s.row.id)
    for (const r of this.retained.values()) this.connectLink(r.link, r.spaceId)
  }

  private me() {
    const i = this.identity!
    return { id: i.deviceId, name: i.name, color: i.color }
  }

  private connectLink(link: DocLink, spaceId: string): void {
    const space = this.spaces.get(spaceId)
    const settings = this.settings
    if (!space || !settings || !settings.online || !this.health.shouldConnect()) return link.disconnect()
    link.connect(settings.signalingUrls, space.row.key, { user: this.me(), view: this.view })
    if (link.connected) this.health.follow(link.connected)
  }

  private relinkAll(): void {
    for (const s of this.spaces.values()) this.connectLink(s.root, s.row.id)
    for (const r of this.retained.values()) this.connectLink(r.link, r.spaceId)
  }

  /** Try the signaling servers again now, after they could not be reached. */
  trySignalingNow(): void {
    this.health.tryNow()
  }

  private async attach(row: SpaceRow): Promise<void> {
    const doc = row.doc
    await DexieYProvider.load(doc).whenLoaded
    if (this.spaces.has(row.id)) return
    const meta = doc.getMap('meta')
    const onMeta = () => {
      const { name } = readMeta(doc, row.name)
      void db().spaces.where('id').equals(row.id).modify((r) => {
        if (r.name !== name) r.name = name
      })
    }
    meta.observe(onMeta)
    const root = new DocLink(row.id, doc, {
      onPeers: (peers, added) => {
        patchSpaceSync(row.id, { peers })
        // a peer's announce opened with our key: the key is good
        if (added > 0) this.markKeyVerified(row.id)
        if (peers > 0) this.touchLastSeen(false)
      },
      onDecryptError: (p) => this.onDecryptError(row.id, p),
      onPresence: (users) => {
        setPresence(row.id, users)
        if (this.identity) patchSpaceSync(row.id, { people: countPeople(users, this.identity.deviceId) })
      },
      onTrouble: (what) => this.onTrouble(row.id, what)
    })
    this.spaces.set(row.id, {
      row,
      root,
      keyVerified: row.keyVerified,
      lastKeyCheck: 0,
      lastSeenWritten: 0,
      dispose: () => {
        meta.unobserve(onMeta)
        root.destroy()
        DexieYProvider.release(doc)
      }
    })
    upsertSelf(doc, this.me(), Date.now())
    this.connectLink(root, row.id)
    this.tellSpaces()
    for (const r of this.retained.values()) if (r.spaceId === row.id) this.connectLink(r.link, row.id)
  }

  private detach(id: string): void {
    const state = this.spaces.get(id)
    if (!state) return
    this.spaces.delete(id)
    this.tellSpaces()
    state.dispose()
    for (const r of this.retained.values()) if (r.spaceId === id) r.link.disconnect()
    forgetSpace(id)
  }

  private markKeyVerified(spaceId: string): void {
    patchSpaceSync(spaceId, { keyMismatch: false })
    const state = this.spaces.get(spaceId)
    if (!state || state.keyVerified) return
    state.keyVerified = true
    void db().spaces.update(spaceId, { keyVerified: true })
  }

  private onDecryptError(spaceId: string, provider: WebrtcProvider): void {
    const state = this.spaces.get(spaceId)
    if (!state) return
    if (!state.keyVerified) {
      patchSpaceSync(spaceId, { keyMismatch: true })
      return
    }
    const now = Date.now()
    if (now - state.lastKeyCheck < KEY_CHECK_EVERY_MS) return
    state.lastKeyCheck = now
    patchSpaceSync(spaceId, { strangers: 1 })
    void publishKeyCheck(provider).catch(() => {})
  }

  /** The connection recovers by itself (a failed one is renewed and syncs again); the user is told. */
  private onTrouble(spaceId: string, what: string): void {
    console.warn(`sync (${spaceId}): ${what}`)
    patchSpaceSync(spaceId, { troubleAt: Date.now() })
  }

  private touchLastSeen(force: boolean): void {
    if (!this.identity) return
    const now = Date.now()
    for (const s of this.spaces.values()) {
      if (!force && (!s.root.hasPeers || now - s.lastSeenWritten < LAST_SEEN_EVERY_MS)) continue
      s.lastSeenWritten = now
      upsertSelf(s.root.doc, this.me(), now)
    }
  }

  /** The loaded root document of an active space on this device, or null. */
  rootDoc(spaceId: string): Y.Doc | null {
    return this.spaces.get(spaceId)?.root.doc ?? null
  }

  /** The active spaces whose root documents are loaded and linked here. */
  activeSpaces(): { id: string; kind: SpaceRow['kind']; root: Y.Doc }[] {
    return [...this.spaces.values()].map((s) => ({ id: s.row.id, kind: s.row.kind, root: s.root.doc }))
  }

  /** Called whenever a space starts or stops being active here. */
  onSpacesChanged(listener: () => void): () => void {
    this.spaceListeners.add(listener)
    return () => this.spaceListeners.delete(listener)
  }

  private tellSpaces(): void {
    for (const l of [...this.spaceListeners]) {
      try {
        l()
      } catch (err) {
        console.error('sync: a space listener failed', err)
      }
    }
  }
}

export const syncManager = new SyncManager()
