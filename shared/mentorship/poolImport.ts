import type { Profile } from './profile.ts'
import type { ImportedProfile } from './profileYaml.ts'

/**
 * Bringing imported profiles into a pool that may already hold some of them: a profile whose name
 * (case-insensitive, spaces collapsed) is already in the pool updates that entry, so importing a
 * corrected file again never doubles people; a name seen twice in one import ends as the last one.
 */
export interface PoolWrite {
  id: string
  profile: Profile
  importedFrom: string
  /** false when an existing entry is replaced */
  isNew: boolean
}

export function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLocaleLowerCase()
}

export function planPoolImport(existing: readonly { id: string; name: string; ownerId?: string | null }[], imported: readonly ImportedProfile[], newId: () => string): PoolWrite[] {
  const byName = new Map(existing.map((p) => [nameKey(p.name), { id: p.id, isNew: false }]))
  // a profile a member has claimed is theirs: an import never writes over it (poolOwnership.ts)
  const claimed = new Set(existing.filter((p) => p.ownerId).map((p) => nameKey(p.name)))
  const writes = new Map<string, PoolWrite>()
  for (const { profile, file } of imported) {
    const key = nameKey(profile.name)
    if (claimed.has(key)) continue
    let target = byName.get(key)
    if (!target) {
      target = { id: newId(), isNew: true }
      byName.set(key, target)
    }
    writes.set(target.id, { id: target.id, profile, importedFrom: file, isNew: target.isNew })
  }
  return [...writes.values()]
}

/** "Added 2 profiles, updated 1." */
export function describePoolWrites(writes: readonly PoolWrite[]): string {
  const added = writes.filter((w) => w.isNew).length
  const updated = writes.length - added
  const plural = (n: number) => `${n} profile${n === 1 ? '' : 's'}`
  if (added && updated) return `Added ${plural(added)}, updated ${plural(updated)}.`
  if (updated) return `Updated ${plural(updated)}.`
  return `Added ${plural(added)}.`
}
