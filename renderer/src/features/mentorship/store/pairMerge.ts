import { useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import { EMPTY_PAIR_FLOW, type PairFlow } from '@shared/mentorship/pairRecords.ts'
import { mergedFlow, mergedInfo, type StartClash } from '@shared/mentorship/pairStarts.ts'
import { collection, resealOwnRecords } from '@core/collections/index.ts'
import { identityOf } from '@core/documents/index.ts'
import { db, type IdentityRow } from '@core/database/db.ts'
import { deleteLocalCopy, leaveSpace } from '@core/spaces/commands.ts'
import { readMembers } from '@core/spaces/spaceDoc.ts'
import { DexieYProvider } from 'y-dexie'
import { syncManager } from '@core/sync/syncManager.ts'
import { forEachProgram, journalDoc, journalOf, PAIR_DOC_KEY, programDoc, type JournalRef } from './docs.ts'
import { FLOW, INFO, PAIR_FLOW, PAIR_INFO } from './lists.ts'
import { patchPairFlow, patchPairInfo, readPairInfo } from './pair.ts'
import { POOL_PAIRS } from './pool.ts'
import { settlePairStarts } from './pairStarts.ts'

/**
 * One pair, two spaces (issue 15 #1): when both people accepted their suggested pair at once while
 * apart, each device created a pair space. Every device picks the same one to keep (the smaller
 * id: pairStarts.ts); a device that holds both merges the other's journal into the kept one — a
 * CRDT merge, so whatever either wrote there stays, and doing it twice, or on both devices, changes
 * nothing more — then leaves and deletes its copy of the other. A device that holds only the other
 * space is told to join the kept one (its key travels only by the invite the other person sends).
 */

function readFlow(doc: Y.Doc): PairFlow {
  return collection(doc, PAIR_FLOW).get(FLOW) ?? EMPTY_PAIR_FLOW
}

/**
 * Merges the journal of the space not kept into the kept one: every record, note and list item of
 * the other arrives (they have ids of their own; the two directions a start writes have ids derived
 * from the pair, so they meet as one), then the header keeps the kept one's values, filled from the
 * other where unset, and a program step done in either is done.
 */
export function mergeJournalInto(kept: JournalRef, other: JournalRef): void {
  const k = journalDoc(kept)
  const o = journalDoc(other)
  // a kept journal that has not arrived here yet (just joined) has no header to keep: the other's
  // stands, and the kept one's merges with it when it arrives
  const keptHasInfo = collection(k, PAIR_INFO).get(INFO) !== null
  const keptInfo = readPairInfo(k)
  const otherInfo = readPairInfo(o)
  const flow = mergedFlow(readFlow(k), readFlow(o))
  const info = { ...keptInfo, ...mergedInfo(keptInfo, otherInfo) }
  // applied on its own (a transaction that applies an update is not this device's: writes of ours
  // in it would make Yjs take a new client id)
  Y.applyUpdate(k, Y.encodeStateAsUpdate(o, Y.encodeStateVector(k)))
  // seals name their document: this device's person's records from the other space are sealed
  // again for the kept one (the partner's device does the same for theirs when it merges; until
  // then theirs read as forged here)
  resealOwnRecords(k, identityOf(o))
  k.transact(() => {
    // the header as decided above, whichever value the merge of concurrent fields left
    if (keptHasInfo) {
      const nowInfo = readPairInfo(k)
      const infoFix = Object.fromEntries(Object.entries(info).filter(([key, v]) => JSON.stringify(nowInfo[key as keyof typeof nowInfo]) !== JSON.stringify(v)))
      if (Object.keys(infoFix).length) patchPairInfo(k, infoFix)
    }
    // (a kept journal with no flow yet: the merged flow is the other's)
    const nowFlow = readFlow(k)
    const flowFix = Object.fromEntries(Object.entries(flow).filter(([key, v]) => JSON.stringify(nowFlow[key as keyof PairFlow]) !== JSON.stringify(v)))
    if (Object.keys(flowFix).length) patchPairFlow(k, flowFix)
  })
}

/** Resolves once IndexedDB has stored what was written to documents before the call (a read waits for earlier writes). */
async function stored(): Promise<void> {
  const d = db()
  const tables = (['spaces', 'docs'] as const).flatMap((t) => (d.table(t).schema.yProps ?? []).map((p) => p.updatesTable))
  await d.transaction('r', tables, async () => {
    for (const t of tables) await d.table(t).count()
  })
}

/** Private notes of the other space go to the kept one (appended to a note on the same topic). */
async function movePrivateNotes(from: string, to: string): Promise<void> {
  const d = db()
  await d.transaction('rw', d.privateNotes, async () => {
    for (const note of await d.privateNotes.where('spaceId').equals(from).toArray()) {
      const id = `${to}/${note.topic}`
      const there = await d.privateNotes.get(id)
      const text = there && there.text !== note.text ? `${there.text}\n\n${note.text}` : note.text
      await d.privateNotes.put({ ...note, id, spaceId: to, text, updatedAt: Math.max(note.updatedAt, there?.updatedAt ?? 0) })
      await d.privateNotes.delete(note.id)
    }
  })
}

/** What a pair's page says while the pair has two spaces. */
export interface StartClashNotice {
  /** kept: this space stays; other: this space goes once the kept one is here */
  role: 'kept' | 'other'
  pairName: string
  /** the space the pair keeps */
  kept: string
  /** kept: someone else is in the kept space already (the other person joined) */
  partnerHere: boolean
}

/** Opens the two journals for a merge; the app's way keeps both loaded and synced meanwhile. */
export type OpenJournals = (keptId: string, otherId: string, f: (kept: JournalRef, other: JournalRef) => void) => Promise<void>

const openBoth: OpenJournals = async (keptId, otherId, f) => {
  const kept = await syncManager.retain(keptId, PAIR_DOC_KEY)
  try {
    const other = await syncManager.retain(otherId, PAIR_DOC_KEY)
    try {
      f(journalOf(kept, keptId), journalOf(other, otherId))
    } finally {
      syncManager.release(otherId, PAIR_DOC_KEY)
    }
  } finally {
    syncManager.release(keptId, PAIR_DOC_KEY)
  }
}

async function othersIn(spaceId: string, me: string): Promise<boolean> {
  const row = await db().spaces.get(spaceId)
  if (!row) return false
  const provider = DexieYProvider.load(row.doc)
  try {
    await provider.whenLoaded
    return readMembers(row.doc).some((m) => m.id !== me && !m.leftAt)
  } finally {
    DexieYProvider.release(row.doc)
  }
}

/**
 * Looks at every org here for pairs accepted twice, settles the org's records, merges and drops
 * the spaces not kept that this device holds next to the kept one, and returns what each pair
 * page still has to say (by pair space id).
 */
export async function convergeStartedPairs(me: IdentityRow, open: OpenJournals = openBoth): Promise<Map<string, StartClashNotice>> {
  const found: { clash: StartClash; pairName: string }[] = []
  await forEachProgram((program) => {
    const pairs = collection(programDoc(program), POOL_PAIRS)
    for (const clash of settlePairStarts(program)) {
      const p = pairs.get(clash.pairId)
      found.push({ clash, pairName: p ? `${p.aName} & ${p.bName}` : 'This pair' })
    }
  })
  const rows = await db().spaces.where('kind').equals('pair').toArray()
  const held = new Set(rows.filter((r) => r.status === 'active').map((r) => r.id))
  const notices = new Map<string, StartClashNotice>()
  for (const { clash, pairName } of found) {
    const others = clash.others.filter((id) => held.has(id))
    if (held.has(clash.kept)) {
      for (const other of others) {
        await open(clash.kept, other, mergeJournalInto)
        await stored()
        await movePrivateNotes(other, clash.kept)
        held.delete(other)
        await leaveSpace(other, me)
        await deleteLocalCopy(other)
      }
      notices.set(clash.kept, { role: 'kept', pairName, kept: clash.kept, partnerHere: await othersIn(clash.kept, me.deviceId) })
    } else {
      for (const other of others) notices.set(other, { role: 'other', pairName, kept: clash.kept, partnerHere: false })
    }
  }
  return notices
}

// ---- what pair pages show ----

let notices = new Map<string, StartClashNotice>()
const listeners = new Set<() => void>()

export function setStartClashNotices(next: Map<string, StartClashNotice>): void {
  notices = next
  for (const l of listeners) l()
}

/** The notice for a pair space while its pair has two spaces; null otherwise. */
export function useStartClash(spaceId: string): StartClashNotice | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => notices.get(spaceId) ?? null
  )
}
