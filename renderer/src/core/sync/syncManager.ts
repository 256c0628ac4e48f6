import { liveQuery, type Subscription } from 'dexie'
import { DexieYProvider } from 'y-dexie'
import type { WebrtcProvider } from 'y-webrtc'
import type * as Y from 'yjs'
import { db, type IdentityRow, type SpaceRow } from '../database/db.ts'
import { LOCKED } from '../database/secrets.ts'
import { docIdFor, ensureDocRow } from '../documents/rows.ts'
import { getSettings, type Settings } from '../device/settings.ts'
import { readMeta, upsertSelf } from '../spaces/spaceDoc.ts'
import { setSigner } from '../collections/signing.ts'
import { DocLink, type OpenedMessage } from './docLink.ts'
import { SignalingHealth } from './signalingHealth.ts'
import { keepRootVersioned, keepVersioned } from '../documents/index.ts'
import { countPeople, forgetSpace, patchSpaceSync, setPresence } from './status.ts'
import { publishKeyCheck } from './keyCheck.ts'
import { KeyWatch } from './keyWatch.ts'
import { relayUrlsOf } from './relayLink.ts'
import { due, KEY_ANSWER_EVERY_MS, KEY_CHECK_TYPE, KEY_REPLY_EVERY_MS } from '@shared/sync/keyVerdict.ts'
import { rtcConfigFor } from '@shared/sync/ice.ts'
import { observeRoomOf, observeSourceOf } from '@shared/spaces/observe.ts'
import { followRotation, publishBoxKey } from '../spaces/rotation.ts'
import { RekeyBeacons } from '../spaces/rekeyBeacon.ts'
import { beaconKeyOf, recordHolds } from '@shared/spaces/rotation.ts'
import { myBoxKeys } from '../spaces/boxKeys.ts'

const LAST_SEEN_EVERY_MS = 2 * 60_000
const LINGER_MS = 20_000
/** how long a removal owed by a rotation that lost waits for its author's device before anyone makes it (core/spaces/rotation.ts) */
const OWED_PATIENCE_MS = 30_000

interface SpaceState {
  row: SpaceRow
  root: DocLink
  /** what the space's rooms say about its key (shared/sync/keyVerdict.ts) */
  key: KeyWatch
  /** the room of the last message our key could not open: where to ask whether anyone shares it */
  askIn: WebrtcProvider | null
  /** when we last answered a message we could not open, and another's key-check question */
  lastKeyCheck: number | null
  lastReply: number | null
  lastSeenWritten: number
  /** the beacon rooms of this key and of keys left behind (core/spaces/rekeyBeacon.ts); null for an observer */
  beacons: RekeyBeacons | null
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
  /** observe keys of teams whose org may observe them, on members' devices (setObserveKey) */
  private observeKeys = new Map<string, string>()
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
    addEventListener('online', () => {
      this.trySignalingNow()
      // back from away: someone may have rotated a key meanwhile (core/spaces/rekeyBeacon.ts)
      for (const s of this.spaces.values()) s.beacons?.wake()
    })
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
          onOpened: (p, m) => this.onOpened(spaceId, p, m),
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
      this.drop(docId, held)
    }, LINGER_MS)
  }

  private async reconcile(rows: SpaceRow[], settings: Settings, identity: IdentityRow | null): Promise<void> {
    const identityChanged = JSON.stringify(identity) !== JSON.stringify(this.identity)
    this.identity = identity
    // before any member entry is written: it carries this person's seal
    setSigner(identity)
    this.settings = settings
    this.health.setUrls(settings.online ? settings.signalingUrls : [])
    if (!identity) return
    // a key this device cannot open (stored wrapped, the storage key not available) is never used
    const active = new Map(rows.filter((r) => r.status === 'active' && r.key !== LOCKED).map((r) => [r.id, r]))
    for (const id of [...this.spaces.keys()]) if (!active.has(id)) this.detach(id)
    for (const row of active.values()) {
      const state = this.spaces.get(row.id)
      if (!state) {
        if (!this.pending.has(row.id)) this.pending.set(row.id, this.attach(row).finally(() => this.pending.delete(row.id)))
        continue
      }
      if (state.row.key !== row.key || state.root.doc !== row.doc) {
        // deleted and joined again, or the key was rotated: other rooms
        this.detach(row.id)
        this.pending.set(row.id, this.attach(row).finally(() => this.pending.delete(row.id)))
        continue
      }
      state.row = row
      // another tab of this browser proved the key
      if (row.keyVerified && !state.key.verified) state.key.opened()
      if (identityChanged) {
        if (row.access !== 'observer') upsertSelf(state.root.doc, this.me(), Date.now())
        state.root.setLocalField('user', this.me())
      }
    }
    for (const s of this.spaces.values()) {
      this.connectLink(s.root, s.row.id)
      s.beacons?.connectAll()
    }
    for (const r of this.retained.values()) this.connectLink(r.link, r.spaceId)
  }

  private me() {
    const i = this.identity!
    return { id: i.deviceId, name: i.name, color: i.color }
  }

  /**
   * The room and key of a link: the space's own (its document id, the space key); for an observed
   * team (row `access: 'observer'`) and for a member's copies for observers (`~observe/…`), the
   * observe key and its rooms (shared/spaces/observe.ts). Null: nothing to connect (no observe key).
   */
  private targetOf(link: DocLink, space: SpaceState): { room: string; key: string } | null {
    const spaceId = space.row.id
    const docKey = link.docId === spaceId ? '' : link.docId.slice(spaceId.length + 1)
    if (space.row.access === 'observer') return { room: observeRoomOf(spaceId, docKey, space.row.key), key: space.row.key }
    const source = observeSourceOf(docKey)
    // after a rotation (remove member) the same rooms with the new key as password: a removed device
    // can open nothing there (relay rooms derive from the key: new ones); invites need no epoch
    if (source === null) return { room: link.docId, key: space.row.key }
    const key = this.observeKeys.get(spaceId)
    return key ? { room: observeRoomOf(spaceId, source, key), key } : null
  }

  /** A team's observe key on a member's device (null: the org may not observe): its copies connect with it. */
  setObserveKey(spaceId: string, key: string | null): void {
    if ((this.observeKeys.get(spaceId) ?? null) === key) return
    if (key) this.observeKeys.set(spaceId, key)
    else this.observeKeys.delete(spaceId)
    for (const r of this.retained.values()) if (r.spaceId === spaceId) this.connectLink(r.link, spaceId)
  }

  private connectLink(link: DocLink, spaceId: string): void {
    const space = this.spaces.get(spaceId)
    const settings = this.settings
    const target = space ? this.targetOf(link, space) : null
    // the space's relays (its root document names them) do not wait for the signaling servers
    if (space && target && settings?.online) link.setRelays(relayUrlsOf(space.root.doc), target.key, { user: this.me(), view: this.view }, target.room)
    else link.setRelays([], '', {})
    if (!space || !target || !settings || !settings.online || !this.health.shouldConnect()) return link.disconnect()
    // STUN/TURN of this device and the TURN servers of this space's invite (shared/sync/ice.ts)
    link.connect(settings.signalingUrls, target.key, { user: this.me(), view: this.view }, rtcConfigFor(settings, space.row.turn), target.room)
    if (link.connected) this.health.follow(link.connected)
  }

  /** A beacon room (core/spaces/rekeyBeacon.ts): the space's servers, relays and ICE settings; no presence. */
  private connectBeacon(link: DocLink, room: string, beaconKey: string, spaceId: string): void {
    const space = this.spaces.get(spaceId)
    const settings = this.settings
    if (space && settings?.online) link.setRelays(relayUrlsOf(space.root.doc), beaconKey, {}, room)
    else link.setRelays([], '', {})
    if (!space || !settings || !settings.online || !this.health.shouldConnect()) return link.disconnect()
    link.connect(settings.signalingUrls, beaconKey, {}, rtcConfigFor(settings, space.row.turn), room)
  }

  private relinkAll(): void {
    for (const s of this.spaces.values()) s.beacons?.connectAll()
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
    // brought to this app's root layout, or read-only when a newer app wrote it, before anyone reads it
    const stopVersioning = keepRootVersioned(doc)
    const meta = doc.getMap('meta')
    // the row keeps the name last seen (sidebar, invites), written only when it changed: Dexie's
    // modify() puts the row whenever its callback does not return false, and every put wakes every
    // live query of the spaces table (this manager's, the sidebar's, the page's) on each edit of
    // the description
    let lastName = row.name
    const onMeta = () => {
      const { name } = readMeta(doc, lastName)
      if (name === lastName) return
      lastName = name
      void db().spaces.where('id').equals(row.id).modify((r) => {
        if (r.name === name) return false
        r.name = name
      })
    }
    meta.observe(onMeta)
    // a member named other relays: every document of the space follows
    let lastRelays = relayUrlsOf(doc).join(' ')
    const onRelays = () => {
      const relays = relayUrlsOf(doc).join(' ')
      if (relays === lastRelays) return
      lastRelays = relays
      this.connectLink(root, row.id)
      for (const r of this.retained.values()) if (r.spaceId === row.id) this.connectLink(r.link, row.id)
    }
    meta.observe(onRelays)
    const root = new DocLink(row.id, doc, {
      onPeers: (peers) => {
        patchSpaceSync(row.id, { peers })
        if (peers > 0) this.touchLastSeen(false)
      },
      onDecryptError: (p) => this.onDecryptError(row.id, p),
      onOpened: (p, m) => this.onOpened(row.id, p, m),
      onPresence: (users) => {
        setPresence(row.id, users)
        if (this.identity) patchSpaceSync(row.id, { people: countPeople(users, this.identity.deviceId) })
      },
      onTrouble: (what) => this.onTrouble(row.id, what)
    })
    const key = new KeyWatch(row.keyVerified, {
      onVerdict: (verdict) => patchSpaceSync(row.id, { key: verdict }),
      probe: () => this.askRoom(row.id),
      onVerified: () => void db().spaces.update(row.id, { keyVerified: true }).catch((err) => console.error('sync: could not store the proven key', err))
    })
    this.spaces.set(row.id, {
      row,
      root,
      key,
      askIn: null,
      lastKeyCheck: null,
      lastReply: null,
      lastSeenWritten: 0,
      beacons: null,
      dispose: () => {
        stopVersioning()
        key.dispose()
        meta.unobserve(onMeta)
        meta.unobserve(onRelays)
        root.destroy()
        DexieYProvider.release(doc)
      }
    })
    // an observer is no member: it writes nothing into the team's copy (shared/spaces/observe.ts)
    if (row.access !== 'observer') {
      upsertSelf(doc, this.me(), Date.now())
      // remove member = rotate (core/spaces/rotation.ts): this device can be handed the new key,
      // and takes it when a member rotates
      const meId = this.me().id
      // and again whenever the entry changes under it: a copy joined afresh (invited again after a
      // removal) writes its entry concurrently with the old one its peers hold, and Yjs may keep theirs
      const boxKeys = doc.getMap('boxKeys')
      let publish = () => {}
      const onBoxKeys = (e: Y.YMapEvent<unknown>) => void (e.transaction.local || publish())
      void myBoxKeys()
        .then((box) => {
          if (this.spaces.get(row.id)?.root.doc !== doc) return
          publish = () => publishBoxKey(doc, meId, box.publicKey, row.key)
          publish()
        })
        .catch((err) => console.error('sync: could not publish the box key', err))
      boxKeys.observe(onBoxKeys)
      const rekeys = doc.getMap('rekeys')
      // a removal owed by a rotation that lost: its author's device makes it at once; after a while anyone
      let patience: ReturnType<typeof setTimeout> | null = null
      const follow = (anyone: boolean) =>
        void followRotation(row.id, doc, { anyone })
          .then((r) => {
            if (r !== 'waiting' || patience || this.spaces.get(row.id)?.root.doc !== doc) return
            patience = setTimeout(() => {
              patience = null
              follow(true)
            }, OWED_PATIENCE_MS)
          })
          .catch((err) => console.error('sync: could not take the rotated key', err))
      const onRekey = () => follow(false)
      // this device's own rotation switches once its record went out (removeMember); others' at once
      const onRemoteRekey = (e: Y.YMapEvent<unknown>) => void (e.transaction.local || onRekey())
      rekeys.observe(onRemoteRekey)
      onRekey()
      // rotation records across keys: this key's beacon room and those of keys left in the last 30 days
      const now = Date.now()
      const beaconKeys = [beaconKeyOf(row.key), ...(row.formerKeys ?? []).filter((f) => f.until > now).map((f) => f.beacon)]
      const beacons = new RekeyBeacons(row.id, doc, [...new Set(beaconKeys)], {
        connect: (link, room, key) => this.connectBeacon(link, room, key, row.id),
        isSuccessor: (key, r) => recordHolds(key, row.id, r),
        onRecords: onRekey
      })
      const state = this.spaces.get(row.id)!
      state.beacons = beacons
      const dispose = state.dispose
      state.dispose = () => {
        if (patience) clearTimeout(patience)
        beacons.close()
        rekeys.unobserve(onRemoteRekey)
        boxKeys.unobserve(onBoxKeys)
        publish = () => {}
        dispose()
      }
    }
    this.connectLink(root, row.id)
    // a device that left a key in the last 30 days serves its beacon room for a while after each
    // start (and switch); anyone else joins when their rooms hear another key (onDecryptError)
    if ((row.formerKeys ?? []).some((f) => f.until > Date.now())) this.spaces.get(row.id)?.beacons?.wake()
    this.tellSpaces()
    for (const r of this.retained.values()) if (r.spaceId === row.id) this.connectLink(r.link, row.id)
  }

  private detach(id: string): void {
    const state = this.spaces.get(id)
    if (!state) return
    this.spaces.delete(id)
    this.tellSpaces()
    state.dispose()
    for (const [docId, r] of [...this.retained]) {
      if (r.spaceId !== id) continue
      r.link.disconnect()
      // nobody holds it (screens and services let go when the space stopped): gone now, so that a
      // space deleted and joined again never gets back a document of the copy that was deleted
      if (r.refs === 0) this.drop(docId, r)
    }
    forgetSpace(id)
  }

  private drop(docId: string, held: Retained): void {
    if (held.linger) clearTimeout(held.linger)
    held.linger = null
    if (this.retained.get(docId) === held) this.retained.delete(docId)
    held.stopVersioning()
    held.link.destroy()
    DexieYProvider.release(held.link.doc)
    forgetSpace(docId)
  }

  /** Whether a provider is one of this space's current connections (not one already replaced). */
  private isCurrent(spaceId: string, provider: WebrtcProvider): boolean {
    const state = this.spaces.get(spaceId)
    if (!state) return false
    if (state.root.connected === provider) return true
    for (const r of this.retained.values()) if (r.spaceId === spaceId && r.link.connected === provider) return true
    return false
  }

  private onDecryptError(spaceId: string, provider: WebrtcProvider): void {
    const state = this.spaces.get(spaceId)
    if (!state || !this.isCurrent(spaceId, provider)) return
    state.askIn = provider
    state.key.unreadable()
    // someone on another key is in our rooms: left behind by a rotation, or gone on to another
    // (two rotations at once): the beacon rooms carry the records between them
    state.beacons?.wake()
    // a proven key answers, so that a newcomer with a damaged key hears something it cannot open
    // even if nobody else speaks; a stranger's junk gets at most one answer per interval
    const now = Date.now()
    if (!state.key.verified || !due(state.lastKeyCheck, now, KEY_ANSWER_EVERY_MS)) return
    state.lastKeyCheck = now
    void publishKeyCheck(provider, false).catch(() => {})
  }

  private onOpened(spaceId: string, provider: WebrtcProvider, message: OpenedMessage): void {
    const state = this.spaces.get(spaceId)
    if (!state || !this.isCurrent(spaceId, provider)) return
    state.key.opened()
    // someone whose key is not proven yet asks whether anyone shares it: we do
    const now = Date.now()
    if (message.type !== KEY_CHECK_TYPE || !message.ask || !due(state.lastReply, now, KEY_REPLY_EVERY_MS)) return
    state.lastReply = now
    void publishKeyCheck(provider, false).catch(() => {})
  }

  /** Our key is not proven and messages we cannot open arrive: ask the room whether anyone shares it. */
  private askRoom(spaceId: string): void {
    const state = this.spaces.get(spaceId)
    if (!state) return
    const provider = state.askIn && this.isCurrent(spaceId, state.askIn) ? state.askIn : state.root.connected
    if (provider) void publishKeyCheck(provider, true).catch(() => {})
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
      if (s.row.access === 'observer' || (!force && (!s.root.hasPeers || now - s.lastSeenWritten < LAST_SEEN_EVERY_MS))) continue
      s.lastSeenWritten = now
      upsertSelf(s.root.doc, this.me(), now)
    }
  }

  /** The loaded root document of an active space on this device, or null. */
  rootDoc(spaceId: string): Y.Doc | null {
    const space = this.spaces.get(spaceId)
    return space && space.row.access !== 'observer' ? space.root.doc : null
  }

  /** The documents of a space loaded here now: its root and the ones views retain (`sprint/12` …). */
  loadedDocs(spaceId: string): Y.Doc[] {
    const root = this.spaces.get(spaceId)?.root.doc
    const others = [...this.retained.values()].filter((r) => r.spaceId === spaceId).map((r) => r.link.doc)
    return root ? [root, ...others] : others
  }

  /** The active spaces whose root documents are loaded and linked here. */
  activeSpaces(): { id: string; kind: SpaceRow['kind']; root: Y.Doc }[] {
    // an observed team is a read-only copy: no service writes into it
    return [...this.spaces.values()].filter((s) => s.row.access !== 'observer').map((s) => ({ id: s.row.id, kind: s.row.kind, root: s.root.doc }))
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
