import type * as Y from 'yjs'

/**
 * Versioned shared documents. Each document records which layout versions have been applied to
 * it in a root map `__tandem` (`v2: true`, `v3: true` …; none means version 1). Opening a document
 * runs the migrations it lacks, each in one transaction; a migration is a deterministic function
 * of what the document holds (no clock, no fresh ids, no deletes), and does nothing when the
 * document already has the new shape, so two peers migrating the same document while apart write
 * the same values and converge. A document that carries a version this app does not know was
 * written by a newer app: it opens read-only (writes through the collections are refused).
 */
export const VERSIONS_MAP = '__tandem'
const MIGRATION_ORIGIN = 'tandem-migration'

export interface DocumentKind {
  readonly name: string
  /** the layout this app writes */
  readonly version: number
  /** migration n turns version n-1 into version n */
  readonly migrations: Readonly<Record<number, (doc: Y.Doc) => void>>
}

export function defineDocument(spec: { name: string; version: number; migrations?: Record<number, (doc: Y.Doc) => void> }): DocumentKind {
  const migrations = spec.migrations ?? {}
  for (let n = 2; n <= spec.version; n++) {
    if (!migrations[n]) throw new Error(`document kind ${spec.name} has no migration to version ${n}`)
  }
  return { name: spec.name, version: spec.version, migrations }
}

export class ReadOnlyDocumentError extends Error {
  constructor() {
    super('This was changed by a newer version of Tandem, so this version only shows it. Update Tandem to edit it.')
    this.name = 'ReadOnlyDocumentError'
  }
}

/** The highest layout version applied to the document (1 when none is recorded). */
export function storedVersion(doc: Y.Doc): number {
  if (!doc.share.has(VERSIONS_MAP)) return 1
  let highest = 1
  for (const [key, value] of doc.getMap<unknown>(VERSIONS_MAP)) {
    const match = /^v(\d{1,6})$/.exec(key)
    if (match && value === true) highest = Math.max(highest, Number(match[1]))
  }
  return highest
}

export interface OpenedDocument {
  stored: number
  supported: number
  readOnly: boolean
}

const readOnlyDocs = new WeakSet<Y.Doc>()
const readOnlyListeners = new Set<(doc: Y.Doc) => void>()
let readOnlyCount = 0

/** How many documents opened read-only since start (the UI says so while it is above 0). */
export function readOnlyDocumentCount(): number {
  return readOnlyCount
}

export function isReadOnly(doc: Y.Doc): boolean {
  return readOnlyDocs.has(doc)
}

/** Called when a document turns out to be from a newer app (the UI says so). */
export function onReadOnly(listener: (doc: Y.Doc) => void): () => void {
  readOnlyListeners.add(listener)
  return () => readOnlyListeners.delete(listener)
}

/**
 * Brings a loaded document to this app's version of its kind, or marks it read-only. Call it
 * again when updates arrive: a peer may bring a newer version or data an older peer wrote.
 */
export function openVersioned(doc: Y.Doc, kind: DocumentKind): OpenedDocument {
  const stored = storedVersion(doc)
  if (stored > kind.version) {
    if (!readOnlyDocs.has(doc)) {
      readOnlyDocs.add(doc)
      readOnlyCount++
      for (const l of [...readOnlyListeners]) l(doc)
    }
    return { stored, supported: kind.version, readOnly: true }
  }
  for (let n = stored + 1; n <= kind.version; n++) {
    doc.transact(() => {
      kind.migrations[n]!(doc)
      doc.getMap<unknown>(VERSIONS_MAP).set(`v${n}`, true)
    }, MIGRATION_ORIGIN)
  }
  return { stored, supported: kind.version, readOnly: false }
}
