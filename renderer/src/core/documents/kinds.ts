import type * as Y from 'yjs'
import { defineDocument, openVersioned, VERSIONS_MAP, type DocumentKind } from './versions.ts'

/**
 * Which kind a space's document is, by its key ("journal", "sprint/12"). Features register their
 * kinds; the layer that loads documents versions each one it loads, without knowing features.
 */
const kinds: { matches: (key: string) => boolean; kind: DocumentKind }[] = []

export function registerDocumentKind(matches: (key: string) => boolean, kind: DocumentKind): void {
  kinds.push({ matches, kind })
}

export function documentKindFor(key: string): DocumentKind | null {
  return kinds.find((k) => k.matches(key))?.kind ?? null
}

/**
 * Versions a loaded document now, and again whenever its version marker changes (a peer's
 * newer app may have written it). Returns the function that stops watching.
 */
export function keepVersioned(doc: Y.Doc, key: string): () => void {
  const kind = documentKindFor(key)
  return kind ? watchVersion(doc, kind) : () => {}
}

/**
 * A space's root document holds several features' data (meta and members, the org's cadence and
 * pool, a team's late tickets…), so its layout has one version that every feature shares. A
 * feature that changes what it keeps there registers the migration to the next version here;
 * today it is version 1, and a root document marked newer (a newer app wrote it) opens read-only.
 */
const rootMigrations: Record<number, (doc: Y.Doc) => void> = {}

export function registerRootMigration(version: number, migrate: (doc: Y.Doc) => void): void {
  rootMigrations[version] = migrate
}

export function rootDocumentKind(): DocumentKind {
  const version = Math.max(1, ...Object.keys(rootMigrations).map(Number))
  return defineDocument({ name: 'space root', version, migrations: rootMigrations })
}

/** Versions a space's root document now and whenever its version marker changes. */
export function keepRootVersioned(doc: Y.Doc): () => void {
  return watchVersion(doc, rootDocumentKind())
}

function watchVersion(doc: Y.Doc, kind: DocumentKind): () => void {
  openVersioned(doc, kind)
  const marker = doc.getMap<unknown>(VERSIONS_MAP)
  const again = () => void openVersioned(doc, kind)
  marker.observe(again)
  return () => marker.unobserve(again)
}
