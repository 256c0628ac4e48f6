import type * as Y from 'yjs'

/**
 * Which records each transaction touched, told per collection. A record is a root-level Y.Map
 * named `<collection>::<id>`; one listener per document reads the transaction's changed root
 * types and wakes only the collections they belong to, so a peer's edit of one card costs one
 * record's work, not a scan of the document.
 */
export const SEP = '::'

/** any root type (the document's `share` holds them) */
type RootType = Y.Doc['share'] extends Map<string, infer V> ? V : never

type Listener = (ids: ReadonlySet<string>) => void

class DocWatcher {
  private readonly names = new WeakMap<RootType, string>()
  private readonly listeners = new Map<string, Set<Listener>>()

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', (tr: Y.Transaction) => this.dispatch(tr))
  }

  on(collection: string, listener: Listener): () => void {
    let set = this.listeners.get(collection)
    if (!set) this.listeners.set(collection, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  private dispatch(tr: Y.Transaction): void {
    if (this.listeners.size === 0) return
    const touched = new Map<string, Set<string>>()
    for (const type of tr.changed.keys()) {
      if (type._item !== null) continue
      const name = this.nameOf(type)
      const sep = name ? name.indexOf(SEP) : -1
      if (!name || sep < 0) continue
      const collection = name.slice(0, sep)
      if (!this.listeners.has(collection)) continue
      let ids = touched.get(collection)
      if (!ids) touched.set(collection, (ids = new Set()))
      ids.add(name.slice(sep + SEP.length))
    }
    for (const [collection, ids] of touched) for (const listener of [...(this.listeners.get(collection) ?? [])]) listener(ids)
  }

  /** A root type's name; a type not seen before (a record that just arrived) refreshes the table. */
  private nameOf(type: RootType): string | null {
    const known = this.names.get(type)
    if (known !== undefined) return known
    for (const [name, t] of this.doc.share) this.names.set(t, name)
    return this.names.get(type) ?? null
  }
}

const watchers = new WeakMap<Y.Doc, DocWatcher>()

export function watch(doc: Y.Doc, collection: string, listener: Listener): () => void {
  let watcher = watchers.get(doc)
  if (!watcher) watchers.set(doc, (watcher = new DocWatcher(doc)))
  return watcher.on(collection, listener)
}
