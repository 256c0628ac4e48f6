import type * as Y from 'yjs'
import { type DeviceFacts, KEEP_SHOWN_MS, NO_DEVICE_FACTS, ShownRecord, nextShown, rankIn, reportsOf, shownRecordId } from '@shared/reminders/devices.ts'
import type { ShownReminder } from '@shared/reminders/engine.ts'
import { instanceKey, MAX_ENTRIES } from '@shared/reminders/entry.ts'
import { collection, defineCollection } from '@core/collections/index.ts'

/**
 * This person's other devices, as the reminders see them (shared/reminders/devices.ts):
 *   - reads, in every active space's root document, this member's records of collection
 *     `remindersShown` (one per device, sealed by the member: meeting → when it was shown) and
 *     keeps the other devices' reports (`shownElsewhere`);
 *   - reads each space's presence: how many of this person's connections with a lower client id
 *     are online there (`standby` ranks), and whether any other one is or was lately (`others`,
 *     also when another device's report is there);
 *   - writes what this device showed into its own record in the space of each meeting
 *     (`report`), pruned.
 * The publisher sends these facts with the schedule; main never reads a space. A change tells
 * the listeners only when the facts differ.
 */
export const SHOWN = defineCollection({ name: 'remindersShown', schema: ShownRecord, signed: { by: 'memberId', fields: ['memberId', 'device', 'shown'] } })

export interface DevicesView {
  shownElsewhere: ShownReminder[]
  devices: DeviceFacts
}

export interface PresenceSource {
  /** everyone present in a space now, this device's own connection included */
  of(spaceId: string): readonly { id: string; clientId: number }[]
  subscribe(f: () => void): () => void
}

export interface ReminderDevicesDeps {
  presence: PresenceSource
  now(): number
  log: { warn(message: string): void }
}

const EMPTY_VIEW: DevicesView = { shownElsewhere: [], devices: NO_DEVICE_FACTS }

export class ReminderDevices {
  private readonly docs = new Map<string, { doc: Y.Doc; stop: () => void }>()
  private readonly listeners = new Set<() => void>()
  private me: string | null = null
  private device: string | null = null
  private view: DevicesView = EMPTY_VIEW
  private text = JSON.stringify(EMPTY_VIEW)
  private stopPresence: (() => void) | null = null
  /** when another connection of this person was last seen in presence (a wake-up is held while it is recent) */
  private othersSeenAt: number | null = null

  constructor(private readonly deps: ReminderDevicesDeps) {}

  /** This member, and this device's own id (its reports are not "elsewhere"). */
  setIdentity(me: string | null, device: string | null): void {
    this.me = me
    this.device = device
    this.refresh()
  }

  /** A space's root document is here (the `reminders.devices` service); returns how to forget it. */
  add(spaceId: string, doc: Y.Doc): () => void {
    this.docs.get(spaceId)?.stop()
    const stop = collection(doc, SHOWN).subscribe(() => this.refresh())
    this.docs.set(spaceId, { doc, stop })
    this.refresh()
    return () => {
      const there = this.docs.get(spaceId)
      if (there?.doc !== doc) return
      there.stop()
      this.docs.delete(spaceId)
      this.refresh()
    }
  }

  facts(): DevicesView {
    return this.view
  }

  subscribe(f: () => void): () => void {
    if (this.listeners.size === 0) this.stopPresence = this.deps.presence.subscribe(() => this.refresh())
    this.listeners.add(f)
    return () => {
      this.listeners.delete(f)
      if (this.listeners.size === 0) {
        this.stopPresence?.()
        this.stopPresence = null
      }
    }
  }

  /** Reads the facts again; tells the listeners when they changed. */
  refresh(): void {
    const next = this.compute()
    const text = JSON.stringify(next)
    if (text === this.text) return
    this.text = text
    this.view = next
    for (const f of [...this.listeners]) f()
  }

  /**
   * What this device showed, written into each meeting's space (`spaceOf`: the space of an entry
   * id, from the schedule; a meeting whose space is not here is left out). Idempotent: a report
   * already there is not written again.
   */
  report(shown: readonly ShownReminder[], spaceOf: (entryId: string) => string | null): void {
    const { me, device } = this
    if (me === null || device === null || shown.length === 0) return
    const bySpace = new Map<string, ShownReminder[]>()
    for (const s of shown) {
      const spaceId = spaceOf(s.id)
      if (spaceId === null) continue
      bySpace.set(spaceId, [...(bySpace.get(spaceId) ?? []), s])
    }
    const now = this.deps.now()
    for (const [spaceId, reports] of bySpace) {
      const there = this.docs.get(spaceId)
      if (!there) continue
      try {
        const records = collection(there.doc, SHOWN)
        const id = shownRecordId(me, device)
        const shown = nextShown(records.get(id)?.shown ?? {}, reports, now)
        // a derived id: `upsert` also restores the record should someone have removed it
        if (shown) records.upsert(id, { memberId: me, device, shown })
      } catch (err) {
        this.deps.log.warn(`reminders: could not tell your other devices what was shown (${spaceId}): ${(err as Error).message}`)
      }
    }
  }

  private compute(): DevicesView {
    const { me, device } = this
    if (me === null || device === null) return EMPTY_VIEW
    const now = this.deps.now()
    const reported = new Map<string, ShownReminder>()
    const standby: DeviceFacts['standby'] = []
    let others = false
    for (const [spaceId, { doc }] of this.docs) {
      const here = rankIn(this.deps.presence.of(spaceId), me, doc.clientID)
      if (here.others > 0) this.othersSeenAt = now
      if (here.rank > 0) standby.push({ spaceId, rank: here.rank })
      let records: readonly ShownRecord[]
      try {
        // this member's other devices' records, each filed under its own member and device
        records = collection(doc, SHOWN)
          .list()
          .filter((r) => r.memberId === me && r.device !== device && r.id === shownRecordId(me, r.device))
      } catch (err) {
        this.deps.log.warn(`reminders: ${(err as Error).message}`)
        continue
      }
      for (const r of records.flatMap((record) => reportsOf(record))) {
        if (r.shownAt > now - KEEP_SHOWN_MS) others = true
        const key = instanceKey(r)
        const before = reported.get(key)
        if (!before || before.shownAt < r.shownAt) reported.set(key, r)
      }
    }
    // another device seen lately still counts when it is not online now: this device may have
    // slept, and its reports may be on their way
    if (this.othersSeenAt !== null && this.othersSeenAt > now - KEEP_SHOWN_MS) others = true
    const shownElsewhere = [...reported.values()]
      .sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(-MAX_ENTRIES * 4)
    standby.sort((a, b) => (a.spaceId < b.spaceId ? -1 : a.spaceId > b.spaceId ? 1 : 0))
    return { shownElsewhere, devices: { others, standby: standby.slice(0, 500) } }
  }
}
