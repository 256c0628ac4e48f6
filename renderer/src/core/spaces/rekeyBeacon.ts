import * as Y from 'yjs'
import { beaconRoomOf, RekeyRecord } from '@shared/spaces/rotation.ts'
import { DocLink } from '../sync/docLink.ts'

/**
 * Rotation records across keys (issue 10 #19). After a rotation the remaining devices are in the
 * new key's rooms; a device that was offline meanwhile (with no relay to keep the record for it)
 * has only the old key, and two members who rotated at once are each on their own key: nobody can
 * hear the others. So each key has a **beacon room** (`beaconRoomOf`: named and keyed by the key's
 * beacon key, shared/spaces/rotation.ts) that carries nothing but rotation records — each sealed
 * to remaining devices' box keys, which a removed device cannot open; what it learns there is that
 * a rotation happened, which it knows. A device joins the beacon rooms of its key and of the keys
 * it left in the last 30 days (`SpaceRow.formerKeys`) for a while (`BEACON_WINDOW_MS`) whenever
 * its rooms hear someone it cannot understand (another key in the same y-webrtc room: someone left
 * behind, or someone who moved on; the sync manager's key-check answer makes sure the other side
 * hears us too), when the network comes back, and — when it left a key in those 30 days — after it
 * starts or switches. The records found there come into the root document, and the chain rule
 * (core/spaces/rotation.ts) does the rest. Nothing is open the rest of the time: no extra rooms.
 */
export const BEACON_WINDOW_MS = 5 * 60_000
const REKEYS = 'rekeys'
const MIRROR = 'rekey-mirror'
/** a bound on what the beacons of one space bring into its root document per session (junk from someone with an old key) */
const IMPORT_MAX = 200
/** and on the root document's records, beyond which nothing more is brought in */
const ROOT_MAX = 1_000

/**
 * Keeps a beacon document's records and the root document's in step: every record of the root
 * goes out; a record arriving is brought in when it is well-formed and either replaces the beacon's
 * own key (`isSuccessor`: its proof holds) or continues a record the root already holds.
 */
export function mirrorRekeys(root: Y.Doc, beacon: Y.Doc, isSuccessor: (r: RekeyRecord) => boolean, onImported: () => void, budget = { left: IMPORT_MAX }): () => void {
  const from = root.getMap<unknown>(REKEYS)
  const to = beacon.getMap<unknown>(REKEYS)
  const out = () => {
    const missing = [...from.entries()].filter(([id]) => !to.has(id))
    if (missing.length === 0) return
    beacon.transact(() => {
      for (const [id, v] of missing) if (RekeyRecord.safeParse(v).success) to.set(id, v)
    }, MIRROR)
  }
  const bring = (e: Y.YMapEvent<unknown>) => {
    if (e.transaction.origin === MIRROR) return
    const offered: RekeyRecord[] = []
    for (const id of e.keysChanged) {
      const r = RekeyRecord.safeParse(to.get(id))
      if (!from.has(id) && r.success && r.data.id === id && typeof r.data.after === 'string' && typeof r.data.proof === 'string') offered.push(r.data)
    }
    // a record continuing one brought in with it may come first
    const wanted: RekeyRecord[] = []
    const has = (id: string) => from.has(id) || wanted.some((w) => w.id === id)
    for (let more = true; more; ) {
      more = false
      for (const r of offered) {
        if (has(r.id) || budget.left <= 0 || from.size + wanted.length >= ROOT_MAX) continue
        if (!has(r.after!) && !isSuccessor(r)) continue
        wanted.push(r)
        budget.left--
        more = true
      }
    }
    if (wanted.length === 0) return
    root.transact(() => {
      for (const r of wanted) from.set(r.id, r)
    }, MIRROR)
    onImported()
  }
  out()
  from.observe(out)
  to.observe(bring)
  return () => {
    from.unobserve(out)
    to.unobserve(bring)
  }
}

export interface BeaconWiring {
  /** connect (or disconnect) a beacon link with this device's settings */
  connect(link: DocLink, room: string, beaconKey: string): void
  /** a key's successor the proof of which holds (a record that replaced the key with this beacon key) */
  isSuccessor(beaconKey: string, r: RekeyRecord): boolean
  /** records came in: follow the chain */
  onRecords(): void
}

interface Beacon {
  link: DocLink
  room: string
  key: string
  stop: () => void
}

/** The beacon rooms of one space on this device, open for a while when woken. */
export class RekeyBeacons {
  private open = new Map<string, Beacon>()
  private closeAt: ReturnType<typeof setTimeout> | null = null
  private readonly budget = { left: IMPORT_MAX }
  private wokenAt = 0

  constructor(
    private readonly spaceId: string,
    private readonly root: Y.Doc,
    /** beacon keys: the space key's and those of the keys left in the last 30 days */
    private readonly keys: readonly string[],
    private readonly wiring: BeaconWiring
  ) {}

  /** Open (or keep open) the beacon rooms for another window (a flood of messages we cannot open costs one check each). */
  wake(now = Date.now()): void {
    if (this.open.size > 0 && now - this.wokenAt < 10_000) return
    this.wokenAt = now
    if (this.closeAt) clearTimeout(this.closeAt)
    this.closeAt = setTimeout(() => this.close(), BEACON_WINDOW_MS)
    for (const key of this.keys) {
      if (this.open.has(key)) continue
      const doc = new Y.Doc()
      const room = beaconRoomOf(this.spaceId, key)
      const link = new DocLink(room, doc, { onPeers: () => {}, onDecryptError: () => {}, onPresence: () => {}, onTrouble: () => {} })
      const stop = mirrorRekeys(this.root, doc, (r) => this.wiring.isSuccessor(key, r), () => this.wiring.onRecords(), this.budget)
      this.open.set(key, { link, room, key, stop })
    }
    this.connectAll()
  }

  get awake(): boolean {
    return this.open.size > 0
  }

  connectAll(): void {
    for (const b of this.open.values()) this.wiring.connect(b.link, b.room, b.key)
  }

  close(): void {
    if (this.closeAt) clearTimeout(this.closeAt)
    this.closeAt = null
    for (const b of this.open.values()) {
      b.stop()
      b.link.destroy()
      b.link.doc.destroy()
    }
    this.open.clear()
  }
}
