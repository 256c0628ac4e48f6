import * as Y from 'yjs'
import type { z } from 'zod'
import { newId } from '@shared/spaces/key.ts'
import { compareOrder, orderKeyAt, orderKeysAtEnd, orderKeysBefore, type Position, type StoredOrder } from '@shared/collections/order.ts'
import { SEP, watch } from './watcher.ts'
import { isReadOnly, ReadOnlyDocumentError } from '../documents/versions.ts'

/**
 * Typed record collections: the only code that touches record-level Yjs types. A record is a
 * root-level Y.Map `<collection>::<id>` of plain JSON fields (root types never replace each
 * other, so two peers creating the same id merge field by field); removing one leaves a
 * tombstone. Each record is validated once when it changes; a malformed record from a peer is
 * skipped and counted, never thrown. Unchanged records keep their identity between reads.
 */
export type Rec<T> = T & { readonly id: string }

const DELETED = '__deleted'

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
}): CollectionDef<T> {
  if (spec.name.includes(SEP)) throw new Error(`collection names cannot contain "${SEP}"`)
  const def: CollectionDef<T> = {
    name: spec.name,
    schema: spec.schema,
    ordered: spec.ordered ?? false,
    parent: spec.parent ? { def: spec.parent.def, field: spec.parent.field } : null,
    children: [],
    onRemove: spec.onRemove ?? null
  }
  if (spec.parent) spec.parent.def.children.push({ def, field: spec.parent.field })
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
  create(fields: Fields<T>, options?: { id?: string; at?: Position }): string
  /** many records appended at once, each at the end of its parent's list (an import) */
  createMany(items: readonly (Fields<T> & { id?: string })[]): string[]
  /** changes only the given fields (undefined removes one); creates the record when missing */
  patch(id: string, fields: Partial<Fields<T>>): void
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
  readonly stats: { skipped: number; validations: number }
}

const recordName = (collection: string, id: string) => `${collection}${SEP}${id}`

class LiveCollection<T> implements Collection<T> {
  private records: Map<string, Rec<T>> | null = null
  private snapshot: readonly Rec<T>[] | null = null
  private byParent: Map<string, Rec<T>[]> | null = null
  private readonly listeners = new Set<() => void>()
  private readonly skippedIds = new Set<string>()
  readonly stats = { skipped: 0, validations: 0 }

  constructor(
    private readonly doc: Y.Doc,
    private readonly def: CollectionDef<T>
  ) {
    watch(doc, def.name, (ids) => this.changed(ids))
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
    this.write(id, { ...(fields as Record<string, unknown>), ...managed })
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
        this.write(ids[i]!, this.def.ordered ? { ...rest, order: keys.get(i) } : rest)
      })
    })
    return ids
  }

  patch(id: string, fields: Partial<Fields<T>>): void {
    this.write(id, fields as Record<string, unknown>)
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
      const record = this.doc.getMap<unknown>(recordName(this.def.name, id))
      for (const key of [...record.keys()]) record.delete(key)
      record.set(DELETED, true)
    })
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
    return [...this.doc.getMap<unknown>(name).keys()].filter((k) => k !== DELETED)
  }

  private write(id: string, fields: Record<string, unknown>): void {
    if (isReadOnly(this.doc)) throw new ReadOnlyDocumentError()
    this.doc.transact(() => {
      const record = this.doc.getMap<unknown>(recordName(this.def.name, id))
      if (record.get(DELETED)) return
      for (const [k, v] of Object.entries(fields)) {
        if (k === 'id' || k === DELETED) continue
        if (v === undefined) record.delete(k)
        else record.set(k, v)
      }
    })
  }

  private index(): Map<string, Rec<T>> {
    if (this.records) return this.records
    const records = new Map<string, Rec<T>>()
    const prefix = this.def.name + SEP
    for (const name of this.doc.share.keys()) {
      if (!name.startsWith(prefix)) continue
      const id = name.slice(prefix.length)
      const r = this.read(id)
      if (r) records.set(id, r)
    }
    this.records = records
    return records
  }

  private read(id: string): Rec<T> | null {
    const name = recordName(this.def.name, id)
    if (!this.doc.share.has(name)) return null
    const fields = this.doc.getMap<unknown>(name).toJSON() as Record<string, unknown>
    if (fields[DELETED] || Object.keys(fields).length === 0) return null
    this.stats.validations++
    const parsed = this.def.schema.safeParse(fields)
    if (!parsed.success) {
      if (!this.skippedIds.has(id)) this.stats.skipped++
      this.skippedIds.add(id)
      return null
    }
    this.skippedIds.delete(id)
    return { ...(parsed.data as T), id }
  }

  private changed(ids: ReadonlySet<string>): void {
    if (!this.records) {
      // nobody has read this collection yet: nothing to keep up to date
      if (this.listeners.size > 0) this.emit()
      return
    }
    let any = false
    for (const id of ids) {
      const before = this.records.get(id)
      const after = this.read(id)
      if (after) this.records.set(id, after)
      else this.records.delete(id)
      if (before !== undefined || after !== null) any = true
    }
    if (any) this.emit()
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
 * author) is written by a throwaway client: a fresh document that first learns everything this one
 * holds (so the write orders after what we have seen), makes the one change, and hands back only
 * that change. Each call is its own throwaway client, so two anonymous writes cannot be linked to
 * each other either. A read-only document refuses them like any other write.
 */
export interface AnonymousWrites<T> {
  create(fields: Fields<T>, options?: { id?: string; at?: Position }): string
  patch(id: string, fields: Partial<Fields<T>>): void
  remove(id: string): void
}

export function anonymously<T>(doc: Y.Doc, def: CollectionDef<T>): AnonymousWrites<T> {
  return {
    create(fields, options) {
      let id = ''
      throughThrowawayClient(doc, (ghost) => {
        id = collection(ghost, def).create(fields, options)
      })
      return id
    },
    patch: (id, fields) => throughThrowawayClient(doc, (ghost) => collection(ghost, def).patch(id, fields)),
    remove: (id) => throughThrowawayClient(doc, (ghost) => collection(ghost, def).remove(id))
  }
}

function throughThrowawayClient(doc: Y.Doc, write: (ghost: Y.Doc) => void): void {
  if (isReadOnly(doc)) throw new ReadOnlyDocumentError()
  const ghost = new Y.Doc()
  try {
    Y.applyUpdate(ghost, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(ghost)
    write(ghost)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ghost, before))
  } finally {
    ghost.destroy()
  }
}

const NONE: never[] = []
const live = new WeakMap<Y.Doc, Map<CollectionDef<unknown>, LiveCollection<unknown>>>()

/** The live collection `def` of this document (one per document and definition). */
export function collection<T>(doc: Y.Doc, def: CollectionDef<T>): Collection<T> {
  let byDef = live.get(doc)
  if (!byDef) live.set(doc, (byDef = new Map()))
  let c = byDef.get(def as CollectionDef<unknown>)
  if (!c) byDef.set(def as CollectionDef<unknown>, (c = new LiveCollection(doc, def as CollectionDef<unknown>)))
  return c as unknown as Collection<T>
}

export type { Position, StoredOrder }
