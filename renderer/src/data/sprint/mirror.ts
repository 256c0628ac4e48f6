import { useEffect } from 'react'
import type * as Y from 'yjs'
import { type MirrorWrites, isEmptyMirror, planMirror } from '../../../../shared/sprint/cadenceMirror.ts'
import { patchRecord, readRecord, transact } from '../collections.ts'
import { readMeta } from '../spaceDoc.ts'
import {
  CADENCE_COLLECTION,
  CADENCE_RECORD,
  OCCURRENCES_COLLECTION,
  TEAMS_COLLECTION,
  TEAM_LINK_COLLECTION,
  TEAM_LINK_RECORD,
  TeamLink,
  readStoredCadence
} from './cadenceStore.ts'

/**
 * Keeps an org space's and a team space's copies of the cadence in step on a device that has
 * both (the rules, and which side owns what, are in shared/sprint/cadenceMirror.ts). Runs while a
 * sprint view of either space is open; whoever next has both spaces open brings copies up to date.
 * Only a team whose document says it belongs to this org, and which the org lists, is mirrored.
 */
const SETTLE_MS = 150

function write(doc: Y.Doc, teamId: string, writes: MirrorWrites): void {
  if (isEmptyMirror(writes)) return
  transact(doc, () => {
    if (writes.cadence) patchRecord(doc, CADENCE_COLLECTION, CADENCE_RECORD, writes.cadence)
    if (writes.team) patchRecord(doc, TEAMS_COLLECTION, teamId, writes.team)
    // each patch replaces the record: fields the source lacks are set to undefined (deleted)
    for (const [id, fields] of Object.entries(writes.occurrences)) patchRecord(doc, OCCURRENCES_COLLECTION, id, fields)
  })
}

/** One pass: copies what differs, in both directions. Returns whether anything was written. */
export function mirrorCadence(orgDoc: Y.Doc, orgSpaceId: string, teamDoc: Y.Doc, teamId: string): boolean {
  const link = readRecord(teamDoc, TEAM_LINK_COLLECTION, TEAM_LINK_RECORD, TeamLink)
  if (link?.orgSpaceId !== orgSpaceId) return false
  const { toTeam, toOrg } = planMirror(readStoredCadence(orgDoc), readStoredCadence(teamDoc), teamId, readMeta(teamDoc, '').name)
  write(teamDoc, teamId, toTeam)
  write(orgDoc, teamId, toOrg)
  return !isEmptyMirror(toTeam) || !isEmptyMirror(toOrg)
}

/** Mirrors while both documents are loaded here (and the spaces are not left: `enabled`). */
export function useCadenceMirror(orgDoc: Y.Doc | null, orgSpaceId: string | null | undefined, teamDoc: Y.Doc | null, teamId: string, enabled = true): void {
  useEffect(() => {
    if (!orgDoc || !teamDoc || !orgSpaceId || !enabled) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const schedule = () => {
      if (timer) return
      timer = setTimeout(() => {
        timer = null
        mirrorCadence(orgDoc, orgSpaceId, teamDoc, teamId)
      }, SETTLE_MS)
    }
    schedule()
    orgDoc.on('update', schedule)
    teamDoc.on('update', schedule)
    return () => {
      if (timer) clearTimeout(timer)
      orgDoc.off('update', schedule)
      teamDoc.off('update', schedule)
    }
  }, [orgDoc, orgSpaceId, teamDoc, teamId, enabled])
}
