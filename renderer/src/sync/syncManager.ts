import { liveQuery, type Subscription } from 'dexie'
import { DexieYProvider } from 'y-dexie'
import { WebrtcProvider } from 'y-webrtc'
import type * as Y from 'yjs'
import { roomNameFor } from '../../../shared/sync/roomName.ts'
import { db, type IdentityRow, type SpaceRow } from '../data/db.ts'
import { getSettings, type Settings } from '../data/settings.ts'
import { readMeta, upsertSelf } from '../data/spaceDoc.ts'
import { forgetSpace, patchSpaceSync, setPresence, type PresenceUser } from './status.ts'
import { publishKeyCheck } from './keyCheck.ts'

const LAST_SEEN_EVERY_MS = 2 * 60_000
const KEY_CHECK_EVERY_MS = 3_000

/** One active space: its loaded root document and, while online, its y-webrtc provider. */
interface SpaceLink {
  id: string
  doc: Y.Doc
  provider: WebrtcProvider | null
  providerUrls: string
  keyVerified: boolean
  lastKeyCheck: number
  lastSeenWritten: number
  dispose: () => void
}

/**
 * Keeps every active space connected: loads its root document from Dexie, attaches exactly one
 * provider per room (never two, whatever React or hot reload do), follows the settings (online,
 * signaling servers), watches the key, and publishes presence. Commands change rows; this follows.
 */
class SyncManager {
  private links = new Map<string, SpaceLink>()
  private pending = new Map<string, Promise<void>>()
  private identity: IdentityRow | null = null
  private settings: Settings | null = null
  private sub: Subscription | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private view = 'home'

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
    this.timer = setInterval(() => this.touchLastSeen(false), 30_000)
    addEventListener('pagehide', () => this.touchLastSeen(true))
  }

  /** The document of an active space, once loaded (UI reads it through data hooks). */
  docOf(spaceId: string): Y.Doc | null {
    return this.links.get(spaceId)?.doc ?? null
  }

  /** Where the user is, shown to others as presence. */
  setView(view: string): void {
    this.view = view
    for (const link of this.links.values()) link.provider?.awareness.setLocalStateField('view', view)
  }

  /** Wait until a space is loaded (and connected if online). */
  async ready(spaceId: string): Promise<void> {
    await this.pending.get(spaceId)
  }

  private async reconcile(rows: SpaceRow[], settings: Settings, identity: IdentityRow | null): Promise<void> {
    const identityChanged = JSON.stringify(identity) !== JSON.stringify(this.identity)
    this.identity = identity
    this.settings = settings
    if (!identity) return
    const active = new Map(rows.filter((r) => r.status === 'active').map((r) => [r.id, r]))
    for (const id of [...this.links.keys()]) {
      if (!active.has(id)) this.detach(id)
    }
    for (const row of active.values()) {
      const link = this.links.get(row.id)
      if (!link) {
        if (!this.pending.has(row.id)) {
          const p = this.attach(row).finally(() => this.pending.delete(row.id))
          this.pending.set(row.id, p)
        }
        continue
      }
      link.keyVerified = row.keyVerified
      this.connect(link, row)
      if (identityChanged) {
        upsertSelf(link.doc, { id: identity.deviceId, name: identity.name, color: identity.color }, Date.now())
        link.provider?.awareness.setLocalStateField('user', this.me())
      }
    }
  }

  private me() {
    const i = this.identity!
    return { id: i.deviceId, name: i.name, color: i.color }
  }

  private async attach(row: SpaceRow): Promise<void> {
    const doc = row.doc
    const loader = DexieYProvider.load(doc)
    await loader.whenLoaded
    if (this.links.has(row.id)) return
    const meta = doc.getMap('meta')
    const onMeta = () => {
      const { name } = readMeta(doc, row.name)
      void db().spaces.where('id').equals(row.id).modify((r) => {
        if (r.name !== name) r.name = name
      })
    }
    meta.observe(onMeta)
    const link: SpaceLink = {
      id: row.id,
      doc,
      provider: null,
      providerUrls: '',
      keyVerified: row.keyVerified,
      lastKeyCheck: 0,
      lastSeenWritten: 0,
      dispose: () => {
        meta.unobserve(onMeta)
        DexieYProvider.release(doc)
      }
    }
    this.links.set(row.id, link)
    upsertSelf(doc, this.me(), Date.now())
    this.connect(link, row)
  }

  private detach(id: string): void {
    const link = this.links.get(id)
    if (!link) return
    this.links.delete(id)
    this.dropProvider(link)
    link.dispose()
    forgetSpace(id)
  }

  private connect(link: SpaceLink, row: SpaceRow): void {
    const settings = this.settings!
    const urls = settings.online ? settings.signalingUrls : []
    const wanted = urls.join(' ')
    if (link.provider && link.providerUrls === wanted) return
    this.dropProvider(link)
    if (urls.length === 0) return
    const provider = new WebrtcProvider(roomNameFor(row.id), link.doc, {
      signaling: urls,
      password: row.key,
      maxConns: 30,
      filterBcConns: true,
      peerOpts: { config: { iceServers: [] } }
    })
    link.provider = provider
    link.providerUrls = wanted
    provider.awareness.setLocalState({ user: this.me(), view: this.view })
    const onAwareness = () => setPresence(row.id, presenceOf(provider))
    provider.awareness.on('change', onAwareness)
    onAwareness()
    provider.on('peers', (e: { webrtcPeers: string[]; added: string[] }) => {
      patchSpaceSync(row.id, { peers: e.webrtcPeers.length })
      // a peer's announce opened with our key: the key is good
      if (e.added.length > 0) this.markKeyVerified(link)
      if (e.webrtcPeers.length > 0) this.touchLastSeen(false)
    })
    ;(provider as unknown as { on(ev: 'decrypt-error', f: () => void): void }).on('decrypt-error', () =>
      this.onDecryptError(link, provider)
    )
    patchSpaceSync(row.id, { peers: 0 })
  }

  private dropProvider(link: SpaceLink): void {
    if (!link.provider) return
    link.provider.destroy()
    link.provider = null
    link.providerUrls = ''
    patchSpaceSync(link.id, { peers: 0 })
    setPresence(link.id, [])
  }

  private markKeyVerified(link: SpaceLink): void {
    patchSpaceSync(link.id, { keyMismatch: false })
    if (link.keyVerified) return
    link.keyVerified = true
    void db().spaces.update(link.id, { keyVerified: true })
  }

  private onDecryptError(link: SpaceLink, provider: WebrtcProvider): void {
    if (!link.keyVerified) {
      patchSpaceSync(link.id, { keyMismatch: true })
      return
    }
    const now = Date.now()
    if (now - link.lastKeyCheck < KEY_CHECK_EVERY_MS) return
    link.lastKeyCheck = now
    patchSpaceSync(link.id, { strangers: 1 })
    void publishKeyCheck(provider).catch(() => {})
  }

  private touchLastSeen(force: boolean): void {
    if (!this.identity) return
    const now = Date.now()
    for (const link of this.links.values()) {
      const withPeers = (link.provider?.awareness.getStates().size ?? 0) > 1
      if (!force && (!withPeers || now - link.lastSeenWritten < LAST_SEEN_EVERY_MS)) continue
      link.lastSeenWritten = now
      upsertSelf(link.doc, this.me(), now)
    }
  }

  stop(): void {
    this.sub?.unsubscribe()
    this.sub = null
    if (this.timer) clearInterval(this.timer)
    for (const id of [...this.links.keys()]) this.detach(id)
  }
}

function presenceOf(provider: WebrtcProvider): PresenceUser[] {
  const users: PresenceUser[] = []
  provider.awareness.getStates().forEach((state, clientId) => {
    const u = (state as { user?: Partial<PresenceUser>; view?: unknown }).user
    if (!u || typeof u.id !== 'string' || typeof u.name !== 'string' || typeof u.color !== 'string') return
    users.push({ clientId, id: u.id, name: u.name.slice(0, 60), color: u.color, view: typeof state.view === 'string' ? state.view : undefined })
  })
  return users
}

export const syncManager = new SyncManager()
