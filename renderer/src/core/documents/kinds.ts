import type * as Y from 'yjs'
import { openVersioned, VERSIONS_MAP, type DocumentKind } from './versions.ts'

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
  if (!kind) return () => {}
  openVersioned(doc, kind)
  const marker = doc.getMap<unknown>(VERSIONS_MAP)
  const again = () => void openVersioned(doc, kind)
  marker.observe(again)
  return () => marker.unobserve(again)
}
