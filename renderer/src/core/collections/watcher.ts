import type * as Y from 'yjs'

/**
 * Which records each transaction touched, told per collection. A record is a root-level Y.Map
 * named `<collection>::<id>`; one listener per document reads the transaction's changed root
 * types and wakes only the collections they belong to, so a peer's edit of one card costs one
 * record's work, not a scan of the document.
 *
 * The watcher also keeps, per collection name, the ids of the records the document holds, so a
 * collection's first read visits its own records only: root keys of other collections, and keys
 * that belong to no collection at all (a hostile peer's 50 000 junk keys), cost it nothing.
 *
 * Root types are named as they arrive, never by scanning the whole document again: Yjs only ever
 * appends to `doc.share` (a root type turned from a placeholder into a Y.Map keeps its place), and
 * a Map iterator that has not run out goes on to entries appended after it was made. So the
 * watcher keeps one iterator over `doc.share` and, after each transaction, reads just the entries
 * that were added — work in proportion to what arrived, whatever the document holds.
 */
export const SEP = '::'

/** any root type (the document's `share` holds them) */
type RootType = Y.Doc['share'] extends Map<string, infer V> ? V : never

/** `remote`: the transaction applied an update from elsewhere (a peer, storage), not a write made here */
type Listener = (ids: ReadonlySet<string>, remote: boolean) => void

class DocWatcher {
  private readonly names = new WeakMap<RootType, string>()
  private readonly listeners = new Map<string, Set<Listener>>()
  /** prefix → listeners told of root keys `<prefix><id>` that are no record (a record's rich-text body …) */
  private readonly prefixListeners = new Map<string, Set<Listener>>()
  /** collection name → ids of its records held in the document (valid or not) */
  private readonly records = new Map<string, Set<string>>()
  /** root keys that are no record (`meta`, `session:<id>` …) */
  private others = 0
  private cursor: Iterator<[string, RootType]>
  /** entries of `doc.share` read through `cursor` */
  private read = 0

  constructor(private readonly doc: Y.Doc) {
    this.cursor = doc.share.entries()
    this.catchUp()
    doc.on('afterTransaction', (tr: Y.Transaction) => this.dispatch(tr))
  }

  on(collection: string, listener: Listener): () => void {
    let set = this.listeners.get(collection)
    if (!set) this.listeners.set(collection, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  /** Told which root keys named `<prefix><id>` (not records) a transaction changed, by id. */
  onPrefix(prefix: string, listener: Listener): () => void {
    let set = this.prefixListeners.get(prefix)
    if (!set) this.prefixListeners.set(prefix, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  /** The ids of this collection's records in the document (live: the watcher adds new ones). */
  idsOf(collection: string): ReadonlySet<string> {
    this.catchUp()
    return this.records.get(collection) ?? NO_IDS
  }

  /** A root type this code just made or turned into a Y.Map (its name is known without looking). */
  remember(name: string, type: RootType): void {
    this.names.set(type, name)
  }

  /** Root keys by what they are: records per collection name, and everything else. */
  census(): { records: ReadonlyMap<string, number>; others: number } {
    this.catchUp()
    return { records: new Map([...this.records].map(([name, ids]) => [name, ids.size])), others: this.others }
  }

  private dispatch(tr: Y.Transaction): void {
    this.catchUp()
    if (this.listeners.size === 0 && this.prefixListeners.size === 0) return
    const touched = new Map<string, Set<string>>()
    const touchedByPrefix = new Map<string, Set<string>>()
    const add = (into: Map<string, Set<string>>, key: string, id: string) => {
      let ids = into.get(key)
      if (!ids) into.set(key, (ids = new Set()))
      ids.add(id)
    }
    for (const type of tr.changed.keys()) {
      if (type._item !== null) continue
      const name = this.nameOf(type)
      if (!name) continue
      const sep = name.indexOf(SEP)
      if (sep < 0) {
        for (const prefix of this.prefixListeners.keys()) if (name.startsWith(prefix)) add(touchedByPrefix, prefix, name.slice(prefix.length))
        continue
      }
      const collection = name.slice(0, sep)
      if (this.listeners.has(collection)) add(touched, collection, name.slice(sep + SEP.length))
    }
    const remote = !tr.local
    for (const [collection, ids] of touched) for (const listener of [...(this.listeners.get(collection) ?? [])]) listener(ids, remote)
    for (const [prefix, ids] of touchedByPrefix) for (const listener of [...(this.prefixListeners.get(prefix) ?? [])]) listener(ids, remote)
  }

  /** Names the root types added since the last call (only those: see the note at the top). */
  private catchUp(): void {
    const share = this.doc.share
    while (this.read < share.size) {
      const next = this.cursor.next()
      if (next.done) {
        // never expected (Yjs does not remove root types); start over rather than lose a name
        this.restart()
        return
      }
      this.read++
      this.add(next.value[0], next.value[1])
    }
  }

  private add(name: string, type: RootType): void {
    this.names.set(type, name)
    const sep = name.indexOf(SEP)
    if (sep < 0) {
      this.others++
      return
    }
    const collection = name.slice(0, sep)
    let ids = this.records.get(collection)
    if (!ids) this.records.set(collection, (ids = new Set()))
    ids.add(name.slice(sep + SEP.length))
  }

  private restart(): void {
    this.records.clear()
    this.others = 0
    this.read = 0
    this.cursor = this.doc.share.entries()
    this.catchUp()
  }

  /**
   * A root type's name. Types are named when they arrive and when this code makes one (`remember`);
   * a type someone else turned from a placeholder into a typed one (say, a rich-text fragment)
   * carries the name Yjs filed it under (`_rootKey`: patches/yjs+13.6.33.patch), checked against
   * the document; only without it, one pass over the document names it, once.
   */
  private nameOf(type: RootType): string | null {
    const known = this.names.get(type)
    if (known !== undefined) return known
    const filed = (type as { _rootKey?: unknown })._rootKey
    if (typeof filed === 'string' && this.doc.share.get(filed) === type) {
      this.names.set(type, filed)
      return filed
    }
    for (const [name, t] of this.doc.share) if (t === type) this.names.set(t, name)
    return this.names.get(type) ?? null
  }
}

const NO_IDS: ReadonlySet<string> = new Set()
const watchers = new WeakMap<Y.Doc, DocWatcher>()

function watcherOf(doc: Y.Doc): DocWatcher {
  let watcher = watchers.get(doc)
  if (!watcher) watchers.set(doc, (watcher = new DocWatcher(doc)))
  return watcher
}

export function watch(doc: Y.Doc, collection: string, listener: Listener): () => void {
  return watcherOf(doc).on(collection, listener)
}

/** Root keys `<prefix><id>` that are no record (see DocWatcher.onPrefix). */
export function watchPrefix(doc: Y.Doc, prefix: string, listener: Listener): () => void {
  return watcherOf(doc).onPrefix(prefix, listener)
}

/** The ids of `collection`'s records that the document holds (valid or not, removed or not). */
export function recordIds(doc: Y.Doc, collection: string): ReadonlySet<string> {
  return watcherOf(doc).idsOf(collection)
}

/** The record's Y.Map, made or turned into one here, with its name told to the watcher. */
export function recordMap(doc: Y.Doc, name: string): Y.Map<unknown> {
  const map = doc.getMap<unknown>(name)
  watcherOf(doc).remember(name, map as unknown as RootType)
  return map
}

/** How many root keys the document holds, by collection name, and how many are no record. */
export function rootCensus(doc: Y.Doc): { records: ReadonlyMap<string, number>; others: number } {
  return watcherOf(doc).census()
}
