import * as Y from 'yjs'
import type { z } from 'zod'
import { newId } from '@shared/spaces/key.ts'
import { compareOrder, orderKeyAt, orderKeysAtEnd, orderKeysBefore, type Position, type StoredOrder } from '@shared/collections/order.ts'
import { isReservedKey } from '@shared/collections/reserved.ts'
import { FIELD_LIMITS } from '@shared/text/limits.ts'
import { recordIds, recordMap, rootCensus, SEP, watch, watchPrefix } from './watcher.ts'
import { isReadOnly, ReadOnlyDocumentError } from '../documents/versions.ts'
import { identityOf } from '../documents/identity.ts'
import { checkSeal, countForgery, recordText, SEAL_FIELD, sealedValues, sealFor, secretKeyOf, type SignedBy } from './signing.ts'
import { isVerifiableId, verifySealNow } from '@shared/identity/signing.ts'

/**
 * Typed record collections: the only code that touches record-level Yjs types. A record is a
 * root-level Y.Map `<collection>::<id>` of plain JSON fields (root types never replace each
 * other, so two peers creating the same id merge field by field); removing one leaves a
 * tombstone. Each record is validated once when it changes; a malformed record from a peer is
 * skipped and counted, never thrown. Unchanged records keep their identity between reads.
 *
 * What a peer writes is read defensively (issue 10 #14):
 * - Reserved keys (`__proto__`, `constructor`, `toString` …: shared/collections/reserved.ts) are
 *   never a record id and never a field, at any depth: a record id that is one is skipped, a field
 *   or a nested key that is one is dropped (a `__proto__` field could otherwise hand the record an
 *   inherited `__deleted` and hide it).
 * - A record is bounded before its schema sees it (RECORD_LIMITS: fields, characters, depth), so
 *   junk costs little whatever it holds; the schemas cap every field (shared/text/limits.ts).
 * - A collection reads only its own records (the watcher keeps their ids): root keys of other
 *   collections or of none cost it nothing, and after the first read only the records a
 *   transaction touched are validated again. `documentStats` counts what a document holds.
 *
 * ## Removing and restoring
 * `remove` empties the record and sets the tombstone `__deleted`. An edit never revives it: a
 * `patch`, `replace`, `move` or `clear` of a record this device sees as removed writes nothing,
 * and one made concurrently with the removal leaves the tombstone in place. Creating the record
 * again (`create` or `createMany` with its id — a record whose id is derived, such as a sprint's
 * board) restores it: the tombstone this device has seen is deleted and the record holds exactly
 * the new fields. Every peer merges that the same way, because it is a Yjs map write like any
 * other: a removal that saw the restore removes it again, and a removal concurrent with a restore
 * wins (it writes a new tombstone, which the restore did not see, so did not delete).
 *
 * What a peer added to a record while another removed it goes with it too, whichever arrives
 * first: a record whose parent is removed reads as absent (restoring the parent brings it back),
 * and a removed record's attached root types (`attachedPrefix`: a session's notes) are emptied
 * again by whichever peer sees them change after the removal (the hierarchies are one level deep).
 *
 * ## Updates out of order
 * A peer may get a writer's update before an earlier one (a reconnect's sync racing a relayed
 * update). Yjs then applies the update's deletes but holds back its new values, so a field it
 * replaced reads as missing until the gap fills. Meanwhile such a record keeps showing as it last
 * read whole (see `changed`), within GAP_PATIENCE_MS for a gap nobody fills.
 *
 * ## Signed records
 * A collection whose records carry a person's name (`signed`: a retro card, a vote, a shout-out,
 * a profile) keeps their author's seal beside the fields (`__seal`); a record whose seal does not
 * hold is skipped and counted as forged, one whose seal is still being checked reads as absent
 * until it is (see signing.ts). The seal covers the record's document (core/documents/identity.ts):
 * a record of this device's person that holds a seal for another document is sealed again here by
 * `resealOwn` when a merge brings it (called with the document it merged from). Seals from before
 * documents were covered (builds of one day, never released) hold nowhere now: such a record reads
 * as forged until its author writes it again — sealing them again on read would let a member copy
 * an old seal of someone's into any document and have that person's device vouch for it there.
 */
export type Rec<T> = T & { readonly id: string }

/** A write of what another person vouches for (their card's text, their vote): only they can. */
export class ForeignRecordError extends Error {
  constructor() {
    super('Only its author can change this.')
    this.name = 'ForeignRecordError'
  }
}

const DELETED = '__deleted'

/** Bounds of one record, checked before its schema is asked (far above any honest record). */
export const RECORD_LIMITS = {
  /** top-level fields */
  fields: 64,
  /** characters of every string and key in it, plus one for every value */
  chars: 256 * 1024,
  /** arrays and objects inside one another */
  depth: 12
} as const

/** Collection names some definition uses: a record of any other collection belongs to none. */
const definedNames = new Set<string>()
/** definitions whose records carry their author's seal (`resealOwnRecords` looks at them) */
const signedDefs = new Set<CollectionDef<unknown>>()

/** What every definition has, whatever its record type (parents and children refer to this). */
export interface CollectionBase {
  readonly name: string
  /** records carry an `order` key the collection manages (create at a position, move) */
  readonly ordered: boolean
  /** the record this one belongs to: removing that record removes this one */
  readonly parent: { readonly def: CollectionBase; readonly field: string } | null
  readonly children: { def: CollectionBase; field: string }[]
  /** what else goes with a removed record (its rich-text body …), in the same transaction */
  readonly onRemove: ((doc: Y.Doc, id: string) => void) | null
  /**
   * root keys `<attachedPrefix><id>` (no record) belong to record `id`: when one changes while the
   * record is removed (a peer typed into a session's notes as another removed the session),
   * `onRemove` runs again, so what belongs to a removed record goes on every peer
   */
  readonly attachedPrefix: string | null
  /** the author's seal covers these fields (signing.ts) */
  readonly signed: SignedBy | null
}

export interface CollectionDef<T> extends CollectionBase {
  readonly schema: z.ZodType<T>
}

export function defineCollection<T>(spec: {
  name: string
  schema: z.ZodType<T>
  ordered?: boolean
  parent?: { def: CollectionBase; field: keyof T & string }
  onRemove?: (doc: Y.Doc, id: string) => void
  attachedPrefix?: string
  signed?: SignedBy
}): CollectionDef<T> {
  if (spec.name.includes(SEP)) throw new Error(`collection names cannot contain "${SEP}"`)
  definedNames.add(spec.name)
  const def: CollectionDef<T> = {
    name: spec.name,
    schema: spec.schema,
    ordered: spec.ordered ?? false,
    parent: spec.parent ? { def: spec.parent.def, field: spec.parent.field } : null,
    children: [],
    onRemove: spec.onRemove ?? null,
    attachedPrefix: spec.attachedPrefix ?? null,
    signed: spec.signed ?? null
  }
  if (spec.parent) spec.parent.def.children.push({ def, field: spec.parent.field })
  if (def.signed) signedDefs.add(def as CollectionDef<unknown>)
  return def
}

/** What a caller writes: the record's fields without the ones the collection manages. */
export type Fields<T> = Omit<T, 'order' | 'id'>

export interface Collection<T> {
  /** every valid record, in order (ordered collections) or by id; the same array until one changes */
  list(): readonly Rec<T>[]
  get(id: string): Rec<T> | null
  /** the records whose parent field is `parentId`, in order */
  childrenOf(parentId: string): readonly Rec<T>[]
  /** a new record; with the id of a removed record, restores it (see "Removing and restoring") */
  create(fields: Fields<T>, options?: { id?: string; at?: Position }): string
  /** many records appended at once, each at the end of its parent's list (an import); restores removed ones */
  createMany(items: readonly (Fields<T> & { id?: string })[]): string[]
  /** changes only the given fields (undefined removes one); creates the record when missing */
  patch(id: string, fields: Partial<Fields<T>>): void
  /**
   * `patch`, and a removed record comes back with these fields (see "Removing and restoring"). For
   * records whose id is derived (a member's settings, a day's entry, a singleton): a removal — a
   * peer's, hostile or by mistake — must not swallow every later write to that id for good.
   */
  upsert(id: string, fields: Partial<Fields<T>>): void
  /** sets the record to exactly these fields (an ordered record keeps its place); creates it when missing */
  replace(id: string, fields: Fields<T>): void
  /**
   * empties the record: it reads as absent, and a later write brings it back. For records whose
   * ids come back (a day's timer, a meeting's override): a removed record stays removed for good.
   */
  clear(id: string): void
  move(id: string, to: Position): void
  /** removes the record, and with it the records that belong to it, in one transaction */
  remove(id: string): void
  subscribe(onChange: () => void): () => void
  /**
   * skipped: records found malformed (failed their schema, past RECORD_LIMITS, or filed under a
   * reserved or overlong id), each counted once until it is valid again; validations: schema runs;
   * forged: signed records whose seal does not hold, each version counted once
   */
  readonly stats: { skipped: number; validations: number; forged: number }
}

const recordName = (collection: string, id: string) => `${collection}${SEP}${id}`

/** An id a record may have: not empty, bounded, not a reserved key. */
const isRecordId = (id: string): boolean => id.length > 0 && id.length <= FIELD_LIMITS.id && !isReservedKey(id)

const EMPTY = Symbol('empty')
const TOO_BIG = Symbol('too big')
const FAIL = Symbol('fail')

/**
 * The record's fields as plain values for its schema: reserved keys dropped at every depth (and
 * with them a prototype a `__proto__` key gave a decoded object), within RECORD_LIMITS, or
 * TOO_BIG; EMPTY when it holds no field. Reads each value once, in proportion to its size.
 */
function boundedFields(record: Y.Map<unknown>): Record<string, unknown> | typeof EMPTY | typeof TOO_BIG {
  const budget = { chars: RECORD_LIMITS.chars }
  const out: Record<string, unknown> = {}
  let count = 0
  for (const [key, value] of record.entries()) {
    if (key === DELETED || key === SEAL_FIELD || isReservedKey(key)) continue
    if (++count > RECORD_LIMITS.fields) return TOO_BIG
    budget.chars -= key.length + 1
    const clean = plainValue(value, budget, 0)
    if (clean === FAIL) return TOO_BIG
    out[key] = clean
  }
  return count === 0 ? EMPTY : out
}

function plainValue(value: unknown, budget: { chars: number }, depth: number): unknown {
  if (typeof value === 'string') {
    budget.chars -= value.length
    return budget.chars < 0 ? FAIL : value
  }
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value !== 'object' || depth >= RECORD_LIMITS.depth || ArrayBuffer.isView(value) || value instanceof Y.AbstractType) return FAIL
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (const item of value) {
      if (--budget.chars < 0) return FAIL
      const clean = plainValue(item, budget, depth + 1)
      if (clean === FAIL) return FAIL
      out.push(clean)
    }
    return out
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    if (isReservedKey(key)) continue
    budget.chars -= key.length + 1
    if (budget.chars < 0) return FAIL
    const clean = plainValue((value as Record<string, unknown>)[key], budget, depth + 1)
    if (clean === FAIL) return FAIL
    out[key] = clean
  }
  return out
}

class LiveCollection<T> implements Collection<T> {
  private records: Map<string, Rec<T>> | null = null
  private snapshot: readonly Rec<T>[] | null = null
  private byParent: Map<string, Rec<T>[]> | null = null
  private readonly listeners = new Set<() => void>()
  private readonly skippedIds = new Set<string>()
  /** valid records that read as absent because their parent is removed: id → parent id */
  private readonly orphans = new Map<string, string>()
  /** records shown as they last read whole while the updates that complete them wait (see `changed`) */
  private readonly held = new Set<string>()
  /** the gap the held records wait for (Yjs's `missing` clocks), and when to stop waiting */
  private gap: { key: string; stop: () => void } | null = null
  /** a gap waited for in vain: records are read as they are while it lasts */
  private abandonedGap: string | null = null
  /** records written here in a transaction not yet ended: read again before the next read */
  private readonly writtenHere = new Set<string>()
  /** fields this device's writes removed from a record, until the transaction's change is read */
  private readonly droppedHere = new Map<string, Set<string>>()
  /** forged records: id → the seal counted (a new forged version is counted again) */
  private readonly forgedIds = new Map<string, unknown>()
  /** records whose seal was checked in the background since the last read of them */
  private readonly sealsKnown = new Set<string>()
  /** records whose seal is being checked: they read as absent until it is */
  private readonly sealPending = new Set<string>()
  /** the signed values of each record's last version read with its author's seal */
  private readonly lastSealed = new Map<string, Record<string, unknown>>()
  /** told once no record waits for its seal's check (`sealsChecked`) */
  private readonly sealWaiters = new Set<() => void>()
  readonly stats = { skipped: 0, validations: 0, forged: 0 }

  constructor(
    private readonly doc: Y.Doc,
    private readonly def: CollectionDef<T>
  ) {
    watch(doc, def.name, (ids, remote) => this.changed(ids, remote))
    if (def.parent) watch(doc, def.parent.def.name, (ids) => this.parentsChanged(ids))
    if (def.attachedPrefix && def.onRemove) watchPrefix(doc, def.attachedPrefix, (ids) => this.clearWhatBelongs(ids))
  }

  list(): readonly Rec<T>[] {
    if (this.snapshot) return this.snapshot
    const all = [...this.index().values()]
    all.sort(this.def.ordered ? (a, b) => compareOrder(a as never, b as never) : (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    this.snapshot = all
    return all
  }

  get(id: string): Rec<T> | null {
    return this.index().get(id) ?? null
  }

  childrenOf(parentId: string): readonly Rec<T>[] {
    const field = this.def.parent?.field
    if (!field) return []
    if (!this.byParent) {
      this.byParent = new Map()
      for (const r of this.list()) {
        const p = (r as Record<string, unknown>)[field]
        if (typeof p !== 'string') continue
        const list = this.byParent.get(p)
        if (list) list.push(r)
        else this.byParent.set(p, [r])
      }
    }
    return this.byParent.get(parentId) ?? NONE
  }

  create(fields: Fields<T>, options: { id?: string; at?: Position } = {}): string {
    const id = options.id ?? newId()
    const at = options.at ?? 'last'
    const managed: Record<string, unknown> = {}
    if (this.def.ordered) managed.order = orderKeyAt(this.siblings(fields) as never, at)
    this.write(id, { ...(fields as Record<string, unknown>), ...managed }, true)
    return id
  }

  createMany(items: readonly (Fields<T> & { id?: string })[]): string[] {
    const ids = items.map((item) => item.id ?? newId())
    const keys = new Map<number, string>()
    if (this.def.ordered) {
      // appended within each item's parent, in the order given
      const groups = new Map<unknown, number[]>()
      items.forEach((item, i) => {
        const parent = this.def.parent ? (item as Record<string, unknown>)[this.def.parent.field] : null
        const group = groups.get(parent)
        if (group) group.push(i)
        else groups.set(parent, [i])
      })
      for (const [parent, indexes] of groups) {
        const siblings = typeof parent === 'string' ? this.childrenOf(parent) : this.list()
        orderKeysAtEnd(siblings as never, indexes.length).forEach((key, j) => keys.set(indexes[j]!, key))
      }
    }
    this.doc.transact(() => {
      items.forEach((fields, i) => {
        const { id: _id, ...rest } = fields as Record<string, unknown>
        this.write(ids[i]!, this.def.ordered ? { ...rest, order: keys.get(i) } : rest, true)
      })
    })
    return ids
  }

  patch(id: string, fields: Partial<Fields<T>>): void {
    this.write(id, fields as Record<string, unknown>)
  }

  upsert(id: string, fields: Partial<Fields<T>>): void {
    this.write(id, fields as Record<string, unknown>, true)
  }

  replace(id: string, fields: Fields<T>): void {
    const stale = this.storedKeys(id).filter((k) => !(this.def.ordered && k === 'order'))
    this.write(id, { ...Object.fromEntries(stale.map((k) => [k, undefined])), ...(fields as Record<string, unknown>) })
  }

  clear(id: string): void {
    const keys = this.storedKeys(id)
    if (keys.length > 0) this.write(id, Object.fromEntries(keys.map((k) => [k, undefined])))
  }

  move(id: string, to: Position): void {
    const self = this.get(id)
    if (!self || !this.def.ordered) return
    const siblings = this.siblings(self as never).filter((r) => r.id !== id)
    this.write(id, { order: orderKeyAt(siblings as never, to) })
  }

  remove(id: string): void {
    if (isReadOnly(this.doc)) throw new ReadOnlyDocumentError()
    this.doc.transact(() => {
      for (const child of this.def.children) {
        const children = collection(this.doc, child.def as CollectionDef<unknown>)
        for (const r of [...children.list()]) if ((r as Record<string, unknown>)[child.field] === id) children.remove(r.id)
      }
      this.def.onRemove?.(this.doc, id)
      const record = recordMap(this.doc, recordName(this.def.name, id))
      for (const key of [...record.keys()]) record.delete(key)
      record.set(DELETED, true)
    })
    this.wroteHere(id)
  }

  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange)
    return () => this.listeners.delete(onChange)
  }

  /** Records that share a parent with `fields` (ordering is within a parent). */
  private siblings(fields: unknown): readonly Rec<T>[] {
    const field = this.def.parent?.field
    if (!field) return this.list()
    const parent = (fields as Record<string, unknown>)[field]
    return typeof parent === 'string' ? this.childrenOf(parent) : this.list()
  }

  /** the fields a record holds now, valid or not (without creating it) */
  private storedKeys(id: string): string[] {
    const name = recordName(this.def.name, id)
    if (!this.doc.share.has(name)) return []
    return [...recordMap(this.doc, name).keys()].filter((k) => k !== DELETED)
  }

  /** `restore`: a create, which brings a removed record back (see "Removing and restoring"). */
  private write(id: string, fields: Record<string, unknown>, restore = false): void {
    if (isReadOnly(this.doc)) throw new ReadOnlyDocumentError()
    if (!isRecordId(id)) throw new RangeError(`"${id.slice(0, 40)}" cannot be the id of a record.`)
    const signed = this.def.signed
    const touchesSigned = signed !== null && (restore || signed.fields.some((f) => Object.hasOwn(fields, f)))
    if (touchesSigned) {
      this.assertMayWrite(id, fields, signed)
      fields = this.withUnforgedRest(id, fields, signed)
    }
    this.doc.transact(() => {
      const record = recordMap(this.doc, recordName(this.def.name, id))
      if (record.get(DELETED)) {
        if (!restore) return
        record.delete(DELETED)
        // whatever the removal left behind (a peer may tombstone without emptying) goes too
        for (const k of [...record.keys()]) if (!Object.hasOwn(fields, k)) record.delete(k)
      }
      for (const [k, v] of Object.entries(fields)) {
        if (k === 'id' || k === DELETED || k === SEAL_FIELD || isReservedKey(k)) continue
        if (v === undefined) this.dropHere(id, k)
        if (v === undefined) record.delete(k)
        else record.set(k, v)
      }
      if (touchesSigned) this.seal(id, record, signed)
    })
    this.wroteHere(id)
  }

  /** Refuses a write that would leave a record under a verifiable author this device cannot seal for. */
  private assertMayWrite(id: string, fields: Record<string, unknown>, signed: SignedBy): void {
    const name = recordName(this.def.name, id)
    const stored = this.doc.share.has(name) ? recordMap(this.doc, name) : null
    const author = Object.hasOwn(fields, signed.by) ? fields[signed.by] : stored && !stored.get(DELETED) ? stored.get(signed.by) : undefined
    if (typeof author === 'string' && isVerifiableId(author) && !secretKeyOf(author)) throw new ForeignRecordError()
  }

  /**
   * What this device's person writes to their own record, plus — when what is stored there now is
   * not sealed by them (a forger changed it since) — the signed fields this write leaves alone as
   * they last read sealed, so the new seal never vouches for a forger's values.
   */
  private withUnforgedRest(id: string, fields: Record<string, unknown>, signed: SignedBy): Record<string, unknown> {
    const name = recordName(this.def.name, id)
    if (!this.doc.share.has(name)) return fields
    const record = recordMap(this.doc, name)
    if (record.get(DELETED)) return fields
    const stored = boundedFields(record)
    if (typeof stored !== 'object') return fields
    const author = stored[signed.by]
    if (typeof author !== 'string' || !isVerifiableId(author) || !secretKeyOf(author)) return fields
    const sealed = record.get(SEAL_FIELD)
    const text = (document: string | null) => recordText(signed, this.def.name, id, document, stored)
    const here = identityOf(this.doc)
    if (verifySealNow(sealed, text(here), author)) return fields
    const last = this.lastSealed.get(id) ?? {}
    const out = { ...fields }
    for (const f of signed.fields) if (!Object.hasOwn(fields, f)) out[f] = last[f]
    return out
  }

  /** Seals the record's signed fields as its author (signing.ts: every signed key is written again). */
  private seal(id: string, record: Y.Map<unknown>, signed: SignedBy): void {
    const now = boundedFields(record)
    if (typeof now !== 'object') return
    const author = now[signed.by]
    const sealed = typeof author === 'string' && isVerifiableId(author) ? sealFor(signed, this.def.name, id, identityOf(this.doc), now) : null
    if (!sealed) return
    for (const f of signed.fields) if (now[f] !== undefined) record.set(f, now[f])
    record.set(SEAL_FIELD, sealed)
  }

  /**
   * A read later in the same transaction sees this write (collections are told of changes when a
   * transaction ends: a store that creates records and then lists them in one transaction, as an
   * import does, would not find them otherwise).
   */
  private wroteHere(id: string): void {
    if (!this.records) return // the first read reads everything
    this.writtenHere.add(id)
    this.snapshot = null
    this.byParent = null
  }

  private dropHere(id: string, key: string): void {
    const keys = this.droppedHere.get(id)
    if (keys) keys.add(key)
    else this.droppedHere.set(id, new Set([key]))
  }

  private index(): Map<string, Rec<T>> {
    if (this.records) {
      if (this.writtenHere.size > 0) {
        const ids = [...this.writtenHere]
        this.writtenHere.clear()
        this.refresh(ids, this.droppedHere)
      }
      return this.records
    }
    const records = new Map<string, Rec<T>>()
    for (const id of recordIds(this.doc, this.def.name)) {
      const r = this.read(id)
      if (r) records.set(id, r)
    }
    this.records = records
    return records
  }

  private read(id: string): Rec<T> | null {
    const name = recordName(this.def.name, id)
    this.orphans.delete(id)
    this.sealPending.delete(id)
    if (!this.doc.share.has(name)) return null
    if (!isRecordId(id)) return this.skip(id)
    const record = recordMap(this.doc, name)
    if (record.get(DELETED)) return this.unskip(id)
    const fields = boundedFields(record)
    if (fields === EMPTY) return this.unskip(id)
    if (fields === TOO_BIG) return this.skip(id)
    this.stats.validations++
    const parsed = this.def.schema.safeParse(fields)
    if (!parsed.success) return this.skip(id)
    this.skippedIds.delete(id)
    if (this.def.signed) {
      const seal = record.get(SEAL_FIELD)
      const check = checkSeal(this.def.signed, this.def.name, id, identityOf(this.doc), fields, seal, () => this.sealKnown(id))
      if (check === 'pending') {
        this.sealPending.add(id)
        return null
      }
      if (check === 'forged') return this.forged(id, seal)
      this.forgedIds.delete(id)
      const author = fields[this.def.signed.by]
      if (typeof author === 'string' && isVerifiableId(author)) this.lastSealed.set(id, sealedValues(this.def.signed, fields))
    }
    const parent = this.def.parent
    const parentId = parent ? (parsed.data as Record<string, unknown>)[parent.field] : undefined
    if (parent && typeof parentId === 'string' && isRemoved(this.doc, parent.def.name, parentId)) {
      // added to it on one peer while another removed it: it goes with its parent (read as absent
      // on every peer, whatever order the two arrive in; restoring the parent brings it back)
      this.orphans.set(id, parentId)
      return null
    }
    return { ...(parsed.data as T), id }
  }

  /**
   * Seals again, for this document, this device's person's records whose seal holds for document
   * `from` and not here: their records a merge brought from another document. Others' records stay
   * as they are (only their authors can seal them). Returns how many were sealed again.
   */
  resealOwn(from: string, ids: Iterable<string> = recordIds(this.doc, this.def.name)): number {
    const signed = this.def.signed
    const here = identityOf(this.doc)
    if (!signed || here === from || isReadOnly(this.doc)) return 0
    const mine: string[] = []
    for (const id of ids) {
      const name = recordName(this.def.name, id)
      if (!this.doc.share.has(name)) continue
      const record = recordMap(this.doc, name)
      const fields = record.get(DELETED) ? EMPTY : boundedFields(record)
      if (typeof fields !== 'object') continue
      const author = fields[signed.by]
      if (typeof author !== 'string' || !isVerifiableId(author) || !secretKeyOf(author)) continue
      const sealed = record.get(SEAL_FIELD)
      const text = (document: string | null) => recordText(signed, this.def.name, id, document, fields)
      if (!verifySealNow(sealed, text(here), author) && verifySealNow(sealed, text(from), author)) mine.push(id)
    }
    if (mine.length > 0) this.doc.transact(() => mine.forEach((id) => this.seal(id, recordMap(this.doc, recordName(this.def.name, id)), signed)))
    return mine.length
  }


  /** Resolves once no record of this collection waits for its seal's check (each then reads as it is). */
  sealsChecked(): Promise<void> {
    this.index()
    if (this.sealPending.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.sealWaiters.add(resolve))
  }

  private tellSealWaiters(): void {
    if (this.sealPending.size > 0 || this.sealWaiters.size === 0) return
    const waiters = [...this.sealWaiters]
    this.sealWaiters.clear()
    for (const w of waiters) w()
  }

  private forged(id: string, seal: unknown): null {
    if (!this.forgedIds.has(id) || this.forgedIds.get(id) !== seal) {
      this.stats.forged++
      countForgery()
    }
    this.forgedIds.set(id, seal)
    return null
  }

  /** A seal checked in the background: the records waiting on it are read again, many at once. */
  private sealKnown(id: string): void {
    if (this.sealsKnown.size === 0) setTimeout(() => {
      const ids = new Set(this.sealsKnown)
      this.sealsKnown.clear()
      this.changed(ids, false)
      this.tellSealWaiters()
    }, 0)
    this.sealsKnown.add(id)
  }

  private skip(id: string): null {
    if (!this.skippedIds.has(id)) this.stats.skipped++
    this.skippedIds.add(id)
    return null
  }

  /** a removed or emptied record is absent, not malformed */
  private unskip(id: string): null {
    this.skippedIds.delete(id)
    this.forgedIds.delete(id)
    this.lastSealed.delete(id)
    return null
  }

  /**
   * A record may read incomplete only because an update that completes it waits for an earlier
   * one of its writer: Yjs applies an update's deletes at once (they name items it has) and holds
   * its new items back until the gap fills (`store.pendingStructs`, a reconnect's sync racing a
   * relayed update; the deletes may even belong to the missing update, whose values are not here
   * at all). While the document waits, a record that lost fields keeps showing as it last read
   * whole — the lost fields keep their last value, or the whole record when it read as empty or
   * malformed — and is read again once the gap fills. A removal (its tombstone) is never held,
   * nor what this device's own write removed. A gap nobody fills (a peer that sent updates with a
   * hole and left, or a hostile one) is waited for GAP_PATIENCE_MS; then records are read as they
   * are while that gap lasts, so a real change never stays hidden.
   * `remote`: the change came from elsewhere (a peer, storage).
   */
  private changed(ids: ReadonlySet<string>, remote: boolean): void {
    const dropped = remote ? null : new Map(this.droppedHere)
    this.droppedHere.clear()
    this.writtenHere.clear()
    if (remote && this.def.onRemove) this.clearWhatBelongs(ids)
    if (!this.records) {
      // nobody has read this collection yet: nothing to keep up to date
      if (this.listeners.size > 0) this.emit()
      return
    }
    if (this.refresh(ids, dropped)) this.emit()
  }

  /** Reads these records again (keeping them whole while a gap lasts); whether any shows or showed. */
  private refresh(ids: Iterable<string>, dropped: ReadonlyMap<string, ReadonlySet<string>> | null): boolean {
    const records = this.records!
    const gap = gapKey(this.doc)
    const waiting = gap !== null && gap !== this.abandonedGap
    let any = false
    for (const id of ids) {
      const before = records.get(id)
      let after = this.read(id)
      this.held.delete(id)
      if (waiting && before !== undefined) {
        const whole = this.asLastWhole(id, before, after, dropped?.get(id))
        if (whole !== after) this.held.add(id)
        after = whole
      }
      if (after) records.set(id, after)
      else records.delete(id)
      if (before !== undefined || after !== null) any = true
    }
    if (this.held.size > 0 && gap !== null) this.waitForGap(gap)
    return any
  }

  private asLastWhole(id: string, before: Rec<T>, after: Rec<T> | null, droppedHere: ReadonlySet<string> | undefined): Rec<T> | null {
    if (after === null) {
      if (isRemoved(this.doc, this.def.name, id) || this.orphans.has(id)) return null
      // a version whose seal does not hold (or is not checked yet) never mixes into what shows
      if (this.forgedIds.has(id) || this.sealPending.has(id)) return before
      // emptied by this device (clear): gone
      if (droppedHere && Object.keys(before).every((k) => k === 'id' || droppedHere.has(k))) return null
      // a signed record is never rebuilt from parts: its last whole, verified version stands
      if (this.def.signed) return before
      // it lost fields to the gap: what it held, with what it holds now (this device's write)
      const kept = Object.entries(before).filter(([k]) => k !== 'id' && !droppedHere?.has(k))
      const now = boundedFields(recordMap(this.doc, recordName(this.def.name, id)))
      const parsed = this.def.schema.safeParse({ ...Object.fromEntries(kept), ...(typeof now === 'object' ? now : {}) })
      return parsed.success ? { ...(parsed.data as T), id } : before
    }
    // lost: what the record holds no more (a schema's default may stand in for it in `after`)
    const stored = new Set(this.storedKeys(id))
    let whole: Record<string, unknown> | null = null
    for (const [k, v] of Object.entries(before)) {
      if (k === 'id' || stored.has(k) || droppedHere?.has(k)) continue
      // a signed field lost (its author deleted, say): the version that shows is the last verified one
      if (this.def.signed?.fields.includes(k)) return before
      whole ??= { ...after }
      whole[k] = v
    }
    return whole ? (whole as Rec<T>) : after
  }

  /** Reads the held records again when the gap fills (or when it is given up on). */
  private waitForGap(key: string): void {
    if (this.gap?.key === key) return
    this.gap?.stop()
    const readAgain = () => {
      const ids = new Set(this.held)
      this.held.clear()
      if (ids.size > 0) this.changed(ids, false)
    }
    const check = () => {
      const now = gapKey(this.doc)
      if (now === key) return
      stop()
      if (now !== null && this.held.size > 0) this.waitForGap(now) // another gap: wait on
      else readAgain()
    }
    const timer = setTimeout(() => {
      stop()
      this.abandonedGap = key
      readAgain()
    }, GAP_PATIENCE_MS)
    ;(timer as { unref?: () => void }).unref?.()
    const stop = () => {
      clearTimeout(timer)
      this.doc.off('afterTransaction', check)
      if (this.gap?.key === key) this.gap = null
    }
    this.doc.on('afterTransaction', check)
    this.gap = { key, stop }
  }

  /** A parent's removal (or its restore) hides (or shows again) the records that belong to it. */
  private parentsChanged(parentIds: ReadonlySet<string>): void {
    if (!this.records) return // every read looks at the parent
    const parent = this.def.parent!
    const affected = new Set<string>()
    for (const pid of parentIds) {
      if (isRemoved(this.doc, parent.def.name, pid)) for (const r of this.childrenOf(pid)) affected.add(r.id)
      else for (const [child, p] of this.orphans) if (p === pid) affected.add(child)
    }
    if (affected.size > 0) this.changed(affected, false)
  }

  /** What belongs to a removed record (its rich-text body …) goes, also when it arrives later. */
  private clearWhatBelongs(ids: ReadonlySet<string>): void {
    const onRemove = this.def.onRemove
    if (!onRemove || isReadOnly(this.doc)) return
    for (const id of ids) if (isRemoved(this.doc, this.def.name, id)) this.doc.transact(() => onRemove(this.doc, id))
  }

  private emit(): void {
    this.snapshot = null
    this.byParent = null
    for (const l of [...this.listeners]) l()
  }
}

/**
 * Gives records that still carry a legacy numeric order an order key, keeping the order they show
 * in: within each parent, before the first record that has a key. Deterministic (the same state
 * gives the same keys on every peer), and a no-op once every record has a key.
 */
export function rekeyLegacyOrders<T>(doc: Y.Doc, def: CollectionDef<T>): void {
  if (!def.ordered) return
  const c = collection(doc, def)
  const groups = new Map<unknown, Rec<T>[]>()
  for (const r of c.list()) {
    const parent = def.parent ? (r as Record<string, unknown>)[def.parent.field] : null
    const group = groups.get(parent)
    if (group) group.push(r)
    else groups.set(parent, [r])
  }
  for (const group of groups.values()) {
    const legacy = group.filter((r) => typeof (r as { order?: unknown }).order === 'number')
    if (legacy.length === 0) continue
    const keys = orderKeysBefore(group as never, legacy.length)
    legacy.forEach((r, i) => c.patch(r.id, { order: keys[i] } as never))
  }
}

/**
 * Writes that carry no trace of this device. Every Yjs change is stamped with its writer's client
 * id, and presence ties client ids to people, so an anonymous record (a retro card without an
 * author) is written by a throwaway client: for the one transaction of the write the document
 * writes as that client (Yjs stamps what a transaction makes with `doc.clientID`), so the change
 * orders after everything this device has seen and costs what it changes. (It was written in a
 * fresh document that first learned the whole state: 283 ms a card with a hostile member's 50 000
 * junk root maps, bench/junk.ts.) A read-only document refuses them like any other write.
 *
 * Every client that ever wrote stays in the document's state vector for good, so a client per
 * write grows the document with every anonymous card (1 800 clients, 506 KB after one fuzz run;
 * issue 10 #16). With a `session` key (say, a board's id) all anonymous writes of that session on
 * this device go through ONE throwaway client id: drawn at random the first time (never derived
 * from this device's client id or its member's identity, and not a client the document already
 * knows), kept in memory only, so the state vector grows by one client per session, however many
 * cards it writes. Writes of one session can be told apart from other clients' writes as one
 * writer's — the price of the bound; a new session (another board, or after a restart) is a new
 * client. Without a key each write is its own client, as before.
 */
export interface AnonymousWrites<T> {
  create(fields: Fields<T>, options?: { id?: string; at?: Position }): string
  patch(id: string, fields: Partial<Fields<T>>): void
  remove(id: string): void
}

export function anonymously<T>(doc: Y.Doc, def: CollectionDef<T>, session?: string): AnonymousWrites<T> {
  const through = (write: () => void) => throughThrowawayClient(doc, session, write)
  const records = () => collection(doc, def)
  return {
    create(fields, options) {
      let id = ''
      through(() => {
        id = records().create(fields, options)
      })
      return id
    },
    patch: (id, fields) => through(() => records().patch(id, fields)),
    remove: (id) => through(() => records().remove(id))
  }
}

/** document → anonymous session key → the throwaway client id of that session (this run only) */
const sessionClients = new WeakMap<Y.Doc, Map<string, number>>()

function sessionClient(doc: Y.Doc, session: string): number {
  let byKey = sessionClients.get(doc)
  if (!byKey) sessionClients.set(doc, (byKey = new Map()))
  let id = byKey.get(session)
  if (id === undefined) byKey.set(session, (id = unusedClient(doc)))
  return id
}

/** A random client id: not this device's, and not one the document already knows. */
function unusedClient(doc: Y.Doc): number {
  const random = new Uint32Array(1)
  do crypto.getRandomValues(random)
  while (random[0] === doc.clientID || doc.store.clients.has(random[0]!))
  return random[0]!
}

function throughThrowawayClient(doc: Y.Doc, session: string | undefined, write: () => void): void {
  if (isReadOnly(doc)) throw new ReadOnlyDocumentError()
  const own = doc.clientID
  const writer = session !== undefined ? sessionClient(doc, session) : unusedClient(doc)
  doc.transact(() => {
    // what the write makes is stamped with the throwaway client; the document is itself again
    // before the transaction ends, so its listeners and every later write see this device's id
    doc.clientID = writer
    try {
      write()
    } finally {
      doc.clientID = own
    }
  })
}

/**
 * What a document's root holds, for a health line or a test: its records, how many of them belong
 * to no collection this app defines (a peer's junk, or a newer app's collections), and the root
 * keys that are no record (rich-text fragments, `meta`, `members` …). Counted as root types
 * arrive, never by a scan per call.
 */
export function documentStats(doc: Y.Doc): { records: number; foreignRecords: number; otherRootKeys: number } {
  const census = rootCensus(doc)
  let records = 0
  let foreignRecords = 0
  for (const [name, count] of census.records) {
    records += count
    if (!definedNames.has(name)) foreignRecords += count
  }
  return { records, foreignRecords, otherRootKeys: census.others }
}

/** How long held records wait for a gap to fill (see LiveCollection.changed). */
export const GAP_PATIENCE_MS = 20_000

/** Which earlier updates the document waits for (null: none), as a key that changes with them. */
function gapKey(doc: Y.Doc): string | null {
  const pending = doc.store.pendingStructs
  if (!pending) return null
  return [...pending.missing].map(([client, clock]) => `${client}:${clock}`).join(',')
}

/** The record's tombstone is set: removed (not merely emptied). */
function isRemoved(doc: Y.Doc, collectionName: string, id: string): boolean {
  const name = recordName(collectionName, id)
  return doc.share.has(name) && Boolean(recordMap(doc, name).get(DELETED))
}

const NONE: never[] = []
const live = new WeakMap<Y.Doc, Map<CollectionDef<unknown>, LiveCollection<unknown>>>()

/**
 * After records of another document were merged into `doc` (`from`: that document's identity, as
 * core/documents/identity.ts gives it): this device's person's records among them are sealed again
 * for `doc`, so they read as theirs here; others' read as forged here until their authors' devices
 * do the same. Returns how many were sealed again.
 */
export function resealOwnRecords(doc: Y.Doc, from: string | null): number {
  if (from === null) return 0
  let n = 0
  for (const def of signedDefs) if (recordIds(doc, def.name).size > 0) n += (collection(doc, def) as unknown as LiveCollection<unknown>).resealOwn(from)
  return n
}

/**
 * Resolves once the seals of the signed records `doc` holds are checked, so a read shows every
 * valid one: for a document read once, start to end (a backup's readable export), where a record
 * still being checked would be left out.
 */
export async function sealsChecked(doc: Y.Doc): Promise<void> {
  const waits: Promise<void>[] = []
  for (const def of signedDefs) if (recordIds(doc, def.name).size > 0) waits.push((collection(doc, def) as unknown as LiveCollection<unknown>).sealsChecked())
  await Promise.all(waits)
}

/** The live collection `def` of this document (one per document and definition). */
export function collection<T>(doc: Y.Doc, def: CollectionDef<T>): Collection<T> {
  let byDef = live.get(doc)
  if (!byDef) live.set(doc, (byDef = new Map()))
  let c = byDef.get(def as CollectionDef<unknown>)
  if (!c) byDef.set(def as CollectionDef<unknown>, (c = new LiveCollection(doc, def as CollectionDef<unknown>)))
  return c as unknown as Collection<T>
}

export type { Position, StoredOrder }
