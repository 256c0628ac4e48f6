import type * as Y from 'yjs'
import { isEmptyBacklogMirror, planBacklogMirror } from '@shared/less/mirror.ts'
import { namesOf } from '@shared/members/personName.ts'
import { collection, sealsChecked } from '@core/collections/index.ts'
import { membersOf } from '@core/spaces/spaceDoc.ts'
import { LESS_ASSIGNED_RAW, LESS_ESTIMATES, LESS_QUESTIONS, LESS_TEAM_QUESTIONS, LESS_TICKETS } from './collections.ts'
import { linkedOrgOf } from './mirror.ts'

/**
 * Division planning ↔ team scrum on a device that has both spaces (the rules and who owns what
 * are in shared/less/mirror.ts): the team gets a copy of exactly the org's tickets assigned to it,
 * the org's ticket gets the team's accepted estimate and questions. Run by the
 * `sprint.backlogMirror` service (services.ts) after any change of either root document, screen
 * or not, so a team lead who was offline during division planning carries the team's tickets
 * over when they come back. Only what differs is written.
 *
 * Questions are sealed by their askers: the mirror copies those this device read as sealed, named
 * by their member entries (shared/less/mirror.ts). A pass waits until the questions' seals are
 * checked (`mirrorWhenChecked`): one still being checked reads as absent, and a pass then would
 * take it out of the copies for a moment.
 */
export function mirrorBacklog(orgDoc: Y.Doc, orgSpaceId: string, teamDoc: Y.Doc, teamId: string): boolean {
  if (linkedOrgOf(teamDoc) !== orgSpaceId) return false
  const stored: Record<string, Record<string, unknown>> = {}
  for (const { id, ...fields } of collection(teamDoc, LESS_ASSIGNED_RAW).list()) stored[id] = fields
  const writes = planBacklogMirror({
    teamId,
    orgTickets: collection(orgDoc, LESS_TICKETS).list(),
    orgQuestions: collection(orgDoc, LESS_QUESTIONS).list(),
    teamCopies: stored,
    teamEstimates: collection(teamDoc, LESS_ESTIMATES).list(),
    teamQuestions: collection(teamDoc, LESS_TEAM_QUESTIONS).list(),
    orgNames: namesOf(membersOf(orgDoc)),
    teamNames: namesOf(membersOf(teamDoc))
  })
  if (isEmptyBacklogMirror(writes)) return false
  const copies = collection(teamDoc, LESS_ASSIGNED_RAW)
  // one update per document
  teamDoc.transact(() => {
    for (const [id, copy] of Object.entries(writes.toTeam)) copies.replace(id, copy)
    // emptied, not removed: the ticket can be assigned back
    for (const id of writes.clearInTeam) copies.clear(id)
  })
  const tickets = collection(orgDoc, LESS_TICKETS)
  orgDoc.transact(() => {
    for (const [id, patch] of Object.entries(writes.toOrg)) tickets.upsert(id, patch)
  })
  return true
}

/** A pass once both documents' seals are checked, if `stillWanted` then (the service may have moved on). */
export async function mirrorWhenChecked(orgDoc: Y.Doc, orgSpaceId: string, teamDoc: Y.Doc, teamId: string, stillWanted: () => boolean): Promise<boolean> {
  await Promise.all([sealsChecked(orgDoc), sealsChecked(teamDoc)])
  return stillWanted() && mirrorBacklog(orgDoc, orgSpaceId, teamDoc, teamId)
}

/** Calls `f` when a question's seal has been checked (it reads then, with no update of the document). */
export function watchQuestions(orgDoc: Y.Doc, teamDoc: Y.Doc, f: () => void): () => void {
  const stops = [collection(orgDoc, LESS_QUESTIONS).subscribe(f), collection(teamDoc, LESS_TEAM_QUESTIONS).subscribe(f)]
  return () => stops.forEach((stop) => stop())
}
