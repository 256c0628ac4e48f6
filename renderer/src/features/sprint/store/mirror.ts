import type * as Y from 'yjs'
import { type MirrorWrites, isEmptyMirror, planMirror } from '@shared/sprint/cadenceMirror.ts'
import { collection } from '@core/collections/index.ts'
import { readMeta } from '@core/spaces/spaceDoc.ts'
import { readStoredCadence } from './cadenceStore.ts'
import { CADENCE, CADENCE_RECORD, OCCURRENCES_RAW, TEAMS_RAW, TEAM_LINK, TEAM_LINK_RECORD } from './collections.ts'

/**
 * Keeps an org space's and a team space's copies of the cadence in step on a device that has
 * both (the rules, and which side owns what, are in shared/sprint/cadenceMirror.ts). The
 * `sprint.cadenceMirror` service (services.ts) runs it whenever either document changes, with or
 * without a screen open; adding a team to an org runs it once at once (teams.ts). Only a team
 * whose document says it belongs to this org, and which the org lists, is mirrored; only what
 * differs is written, so a second pass, or another device's, writes nothing.
 */
function write(doc: Y.Doc, teamId: string, writes: MirrorWrites): void {
  if (isEmptyMirror(writes)) return
  // one update for the whole copy
  doc.transact(() => {
    if (writes.cadence) collection(doc, CADENCE).upsert(CADENCE_RECORD, writes.cadence)
    if (writes.team) collection(doc, TEAMS_RAW).upsert(teamId, writes.team)
    // each patch replaces the record: fields the source lacks are set to undefined (deleted)
    for (const [id, fields] of Object.entries(writes.occurrences)) collection(doc, OCCURRENCES_RAW).upsert(id, fields)
  })
}

/** The org a team space follows, by its document (null: none). */
export function linkedOrgOf(teamDoc: Y.Doc): string | null {
  return collection(teamDoc, TEAM_LINK).get(TEAM_LINK_RECORD)?.orgSpaceId ?? null
}

/** One pass: copies what differs, in both directions. Returns whether anything was written. */
export function mirrorCadence(orgDoc: Y.Doc, orgSpaceId: string, teamDoc: Y.Doc, teamId: string): boolean {
  if (linkedOrgOf(teamDoc) !== orgSpaceId) return false
  const { toTeam, toOrg } = planMirror(readStoredCadence(orgDoc), readStoredCadence(teamDoc), teamId, readMeta(teamDoc, '').name)
  write(teamDoc, teamId, toTeam)
  write(orgDoc, teamId, toOrg)
  return !isEmptyMirror(toTeam) || !isEmptyMirror(toOrg)
}
