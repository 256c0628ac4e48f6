import { WebrtcProvider } from 'y-webrtc'
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { roomNameFor } from '@shared/sync/roomName.ts'
import type { RtcConfig } from '@shared/sync/ice.ts'
import type { PresenceUser } from './status.ts'
import { chunkedWire } from './wire.ts'
import { forgetRelayState, startRelay } from './relayLink.ts'
import type { RelayProvider } from './relayProvider.ts'
import { PROOF_FIELD, presenceVerdict, provenAt, withPresenceProof } from './presenceProof.ts'
import { countForgery } from '../collections/signing.ts'

export interface LinkEvents {
  /** peers connected over WebRTC changed */
  onPeers(webrtcPeers: number, added: number): void
  /** a message in this room, from the signaling server, could not be opened with our key */
  onDecryptError(provider: WebrtcProvider): void
  /** a message from another peer in this room opened with our key (the key is shared) */
  onOpened?(provider: WebrtcProvider, message: OpenedMessage): void
  onPresence(users: PresenceUser[]): void
  /** a message could not be sent to a peer, or one from a peer was refused or malformed */
  onTrouble(what: string): void
}

/** What the y-webrtc patch tells of a signaling message that opened with our key. */
export interface OpenedMessage {
  type: unknown
  /** a key-check asking for an answer */
  ask: boolean
}

/**
 * One document and its room: the loaded Y.Doc, an Awareness that outlives connections (editors
 * bind to it once), and at most one y-webrtc provider, replaced only when the servers change.
 */
export class DocLink {
  readonly awareness: Awareness
  private provider: WebrtcProvider | null = null
  private urls = ''
  /** forged presences already counted */
  private readonly forgedPresence = new Set<string>()
  /** our presence as last set here (put back after a replaced provider removes it) */
  private local: Record<string, unknown> | null = null
  /** the room our providers meet in (presence proofs name it) */
  private room: string
  /**
   * per peer connection: the time of the newest proof accepted from it (older ones are replays)
   * and its lag, the least `receivedAt - proof.at` so far (its clock's offset: presenceProof.ts)
   */
  private readonly proofs = new Map<number, { newest: number; lag: number }>()

  constructor(
    readonly docId: string,
    readonly doc: Y.Doc,
    private readonly events: LinkEvents
  ) {
    this.room = docId
    this.awareness = new Awareness(doc)
    // first of all listeners: a presence claiming someone it cannot prove to be is dropped before
    // any screen reads it (presenceProof.ts); 'update' also brings renewals that change nothing
    // ('change' does not), where a replayed or aged proof shows
    this.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
      if (origin !== 'local') this.dropUnproven([...added, ...updated])
    })
    this.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
      if (origin !== 'local') return this.dropUnproven([...added, ...updated])
      // our own state changed or was renewed: sealed fields set by something else (a rich-text
      // caret sets `user` with its own colour) or a proof near its age get a new proof, before
      // the providers (listening after us) send it
      const state = this.awareness.getLocalState()
      if (!state) return
      const proven = withPresenceProof(state, this.place())
      if (proven !== state) this.awareness.setLocalState(proven)
    })
    let last = ''
    this.awareness.on('change', () => {
      // clock beacons and cursor moves change presence often; tell only when who/where changed
      const users = presenceOf(this.awareness)
      const key = JSON.stringify(users)
      if (key === last) return
      last = key
      this.events.onPresence(users)
    })
  }

  get connected(): WebrtcProvider | null {
    return this.provider
  }

  /**
   * Connect to these servers with this key (no servers: stay offline). Idempotent; other servers
   * or another ICE configuration (STUN/TURN, relay only) replace the provider: its peers reconnect.
   */
  connect(
    urls: string[],
    key: string,
    localState: Record<string, unknown>,
    rtc: RtcConfig = { iceServers: [], iceTransportPolicy: 'all' },
    /** the room, as a document id (default: this document's; observers' copies meet elsewhere, shared/spaces/observe.ts) */
    room: string = this.docId
  ): void {
    const wanted = urls.join(' ') + '|' + JSON.stringify(rtc) + (room === this.docId ? '' : `|${room}|${key}`)
    if (this.provider && this.urls === wanted) return
    this.disconnect()
    if (urls.length === 0) return
    this.room = room
    const local = withPresenceProof(localState, this.place())
    this.awareness.setLocalState(local)
    this.local = local
    const provider = new WebrtcProvider(roomNameFor(room), this.doc, {
      signaling: urls,
      password: key,
      awareness: this.awareness,
      maxConns: 30,
      filterBcConns: true,
      peerOpts: { config: rtc },
      // other tabs of this browser share our database (y-dexie brings their edits) and reach us
      // over WebRTC like any peer: no BroadcastChannel, which cost every page an encryption and a
      // post per update, received ones included (patches/y-webrtc+10.3.0.patch; issue 9)
      broadcastChannel: false,
      wire: chunkedWire({
        onSendError: (peer, error) => this.events.onTrouble(`could not send to ${peer}: ${String(error)}`),
        onRefused: (peer, reason) => this.events.onTrouble(`refused a message from ${peer}: ${reason}`)
      })
    } as ConstructorParameters<typeof WebrtcProvider>[2])
    this.provider = provider
    this.urls = wanted
    provider.on('peers', (e: { webrtcPeers: string[]; added: string[] }) => this.events.onPeers(e.webrtcPeers.length, e.added.length))
    const patched = provider as unknown as { on(ev: string, f: (e: { peer?: string; error?: unknown; source?: string; type?: unknown; ask?: boolean }) => void): void }
    // another tab of this browser shares our database and so our key: what it cannot open is no stranger's
    patched.on('decrypt-error', (e) => {
      if (e.source !== 'broadcastchannel') this.events.onDecryptError(provider)
    })
    patched.on('decrypted', (e) => this.events.onOpened?.(provider, { type: e.type, ask: e.ask === true }))
    patched.on('send-error', (e) => this.events.onTrouble(`could not send to ${e.peer}: ${String(e.error)}`))
    patched.on('peer-error', (e) => this.events.onTrouble(`a malformed message from ${e.peer}: ${String(e.error)}`))
  }

  disconnect(): void {
    if (!this.provider) return
    // destroy() alone leaves the provider registered with its signaling connections, which then
    // retry their servers forever (also servers no longer in the settings): disconnect first
    const old = this.provider
    old.disconnect()
    old.destroy()
    // y-webrtc's destroy() removes our own presence from the shared Awareness later, once the old
    // room's key is derived (a promise): when a new provider replaced it in the meantime (other
    // servers or ICE settings), we would stay invisible to every peer. Callbacks on one promise run
    // in order, so this one runs after that removal and puts our presence back.
    void (old as unknown as { key: PromiseLike<unknown> }).key.then(() => {
      // with a new proof: peers refuse one older than the newest they have from us
      if (this.provider && this.local && this.awareness.getLocalState() === null) this.awareness.setLocalState(withPresenceProof({ ...this.local, [PROOF_FIELD]: null }, this.place()))
    })
    this.provider = null
    this.urls = ''
    // peers are gone from here on: do not wait for their presence to time out
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID)
    removeAwarenessStates(this.awareness, others, 'offline')
    // and forget their clocks: a peer that stayed resends its state unchanged (same clock) when we
    // reconnect, which awareness ignores as already known; they would show as away until their
    // next renewal (up to 15 s), e.g. after a change of the ICE settings
    for (const id of others) this.awareness.meta.delete(id)
    this.events.onPeers(0, 0)
  }

  private relay: RelayProvider | null = null
  private relayWanted = ''
  private relayRoom = ''

  /** Also sync through these relays (issue 13 #2; none: no relay), whatever WebRTC does. Idempotent. */
  setRelays(urls: string[], key: string, localState: Record<string, unknown>, room: string = this.docId): void {
    const wanted = urls.length > 0 ? `${urls.join(' ')}\n${key}\n${room}` : ''
    if (wanted === this.relayWanted) return
    this.relay?.destroy()
    this.relay = null
    this.relayWanted = wanted
    if (this.relayRoom !== this.docId) forgetRelayState(this.relayRoom)
    this.relayRoom = room
    if (!wanted) return forgetRelayState(this.docId)
    this.room = room
    if (this.awareness.getLocalState() === null) this.awareness.setLocalState(withPresenceProof(localState, this.place()))
    this.relay = startRelay({ urls, docId: room, doc: this.doc, spaceKey: key, awareness: this.awareness, onTrouble: (what) => this.events.onTrouble(what) })
  }

  /** Sets one field of our presence, proven again in the same message when a sealed field changed. */
  setLocalField(field: string, value: unknown): void {
    const state = this.awareness.getLocalState()
    if (state !== null) this.awareness.setLocalState(withPresenceProof({ ...state, [field]: value }, this.place()))
    if (this.local) this.local = { ...this.local, [field]: value }
  }

  private place(clientId: number = this.doc.clientID): { room: string; clientId: number } {
    return { room: this.room, clientId }
  }

  /** Removes the peers' presences among `ids` that do not prove to be theirs (forgeries counted). */
  private dropUnproven(ids: number[]): void {
    const states = this.awareness.getStates()
    const now = Date.now()
    const refused: number[] = []
    for (const id of ids) {
      const state = states.get(id)
      if (id === this.doc.clientID || state === undefined) continue
      const seen = this.proofs.get(id)
      let verdict = presenceVerdict(this.place(id), state, now, seen?.lag)
      const at = provenAt(state)
      if (verdict === 'holds' && at !== undefined) {
        // an earlier state of theirs, sent again (after they moved on, or left) under a newer clock
        if (seen && at < seen.newest) verdict = 'stale'
        else {
          this.proofs.delete(id)
          this.proofs.set(id, { newest: at, lag: Math.min(seen?.lag ?? Infinity, now - at) })
          if (this.proofs.size > 4_096) this.proofs.delete(this.proofs.keys().next().value!)
        }
      }
      if (verdict === 'holds') continue
      refused.push(id)
      if (verdict !== 'forged') continue
      // counted once per connection and claim, not at every renewal
      const claim = `${id} ${JSON.stringify((state as { user?: unknown }).user)}`.slice(0, 2_000)
      if (this.forgedPresence.has(claim)) continue
      if (this.forgedPresence.size > 1_000) this.forgedPresence.clear()
      this.forgedPresence.add(claim)
      countForgery()
    }
    if (refused.length === 0) return
    removeAwarenessStates(this.awareness, refused, 'forged')
    // and forget the clocks they came with: a refused message under someone's client id with a
    // high clock would otherwise shadow that person's own renewals (lower clocks) for good
    for (const id of refused) this.awareness.meta.delete(id)
  }

  /** someone else is here (awareness holds more than our own state) */
  get hasPeers(): boolean {
    return this.awareness.getStates().size > 1
  }

  destroy(): void {
    this.setRelays([], '', {})
    this.disconnect()
    this.awareness.destroy()
  }
}

function presenceOf(awareness: Awareness): PresenceUser[] {
  const users: PresenceUser[] = []
  awareness.getStates().forEach((state, clientId) => {
    const u = (state as { user?: Partial<PresenceUser> }).user
    if (!u || typeof u.id !== 'string' || typeof u.name !== 'string' || typeof u.color !== 'string') return
    const view = (state as { view?: unknown }).view
    users.push({ clientId, id: u.id, name: u.name.slice(0, 60), color: u.color, view: typeof view === 'string' ? view : undefined })
  })
  return users
}
