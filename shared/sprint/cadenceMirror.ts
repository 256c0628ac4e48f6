import { CADENCE_FIELDS } from './cadenceRecords.ts'

/**
 * An org space and each of its team spaces hold the same cadence records (cadenceRecords.ts), so a
 * team member who is not in the org space still sees the schedule, and the org sees every team.
 * Each value has one home, and a device that has both spaces copies it to the other side:
 *
 *   org → team   the top-level cadence fields, and the occurrence overrides of org ceremonies
 *                (ids `<kind>:org:<date>`): the org sets the rhythm;
 *   team → org   the team's name, zone and ceremony settings (its record in 'teams'), and the
 *                overrides of the team's own occurrences (`<kind>:<teamId>:<date>`): a team runs
 *                its own meetings, and its members may not be in the org space.
 *
 * A copy is written only where it differs, so two devices copying the same values are quiet, and
 * whoever last had both spaces brings the copies up to date. A team the org no longer lists gets
 * nothing from the org and gives nothing back.
 */
export type JsonRecord = Record<string, unknown>

export interface StoredCadence {
  cadence: JsonRecord | null
  teams: Record<string, JsonRecord>
  occurrences: Record<string, JsonRecord>
}

/**
 * Field patches, as `patchRecord` takes them: a field set to undefined is deleted. A record to
 * remove has every field set to undefined (an empty record reads as absent and can be written
 * again later, which a deleted one cannot).
 */
export interface MirrorWrites {
  /** top-level cadence fields */
  cadence?: JsonRecord
  /** fields of the team's record in 'teams' */
  team?: JsonRecord
  /** occurrence id → its new fields, replacing the old ones */
  occurrences: Record<string, JsonRecord>
}

/** Whose an occurrence override is: 'org', a team id, or null for an id that is not one. */
export function occurrenceOwner(id: string): string | null {
  const parts = id.split(':')
  return parts.length === 3 && parts[1] ? parts[1] : null
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as JsonRecord)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)])
    )
  }
  return value
}

/** Deep equality of JSON values, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

function copyFields(from: JsonRecord, to: JsonRecord | null | undefined, fields: readonly string[]): JsonRecord | undefined {
  const patch: JsonRecord = {}
  let changed = false
  for (const field of fields) {
    if (sameJson(from[field], to?.[field])) continue
    patch[field] = from[field]
    changed = true
  }
  return changed ? patch : undefined
}

/** A patch that turns `to` into `from`: its fields, and undefined for the fields `from` lacks. */
export function replacement(from: JsonRecord | undefined, to: JsonRecord | undefined): JsonRecord {
  const patch: JsonRecord = {}
  for (const key of Object.keys(to ?? {})) patch[key] = undefined
  return Object.assign(patch, from ?? {})
}

function copyOccurrences(from: StoredCadence, to: StoredCadence, owner: string): Record<string, JsonRecord> {
  const patches: Record<string, JsonRecord> = {}
  const ids = new Set([...Object.keys(from.occurrences), ...Object.keys(to.occurrences)])
  for (const id of ids) {
    if (occurrenceOwner(id) !== owner) continue
    const source = from.occurrences[id]
    const target = to.occurrences[id]
    if (!sameJson(source ?? null, target ?? null)) patches[id] = replacement(source, target)
  }
  return patches
}

/**
 * What to write on each side so both hold the other's values. `teamName` is the team space's
 * own name (its document's meta), which the org's record follows.
 */
export function planMirror(
  org: StoredCadence,
  team: StoredCadence,
  teamId: string,
  teamName?: string
): { toTeam: MirrorWrites; toOrg: MirrorWrites } {
  const toTeam: MirrorWrites = { occurrences: {} }
  const toOrg: MirrorWrites = { occurrences: {} }
  const orgRecord = org.teams[teamId]
  if (!orgRecord) return { toTeam, toOrg }

  if (org.cadence) {
    const patch = copyFields(org.cadence, team.cadence, [...CADENCE_FIELDS])
    if (patch) toTeam.cadence = patch
  }
  toTeam.occurrences = copyOccurrences(org, team, 'org')

  // the team's record (when it has one) says its zone and settings, absent values included;
  // its name is the team space's own name
  const own = team.teams[teamId]
  const name = teamName?.trim() || (typeof own?.name === 'string' ? own.name.trim() : '')
  const fields: string[] = own ? ['timezone', 'ceremonies'] : []
  if (name) fields.push('name')
  const patch = copyFields({ ...own, name }, orgRecord, fields)
  if (patch) toOrg.team = patch
  toOrg.occurrences = copyOccurrences(team, org, teamId)
  return { toTeam, toOrg }
}

export function isEmptyMirror(writes: MirrorWrites): boolean {
  return !writes.cadence && !writes.team && Object.keys(writes.occurrences).length === 0
}
