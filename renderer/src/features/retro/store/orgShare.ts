import type * as Y from 'yjs'
import { lateTicketMirror, reasonMirror } from '@shared/retro/orgShare.ts'
import { collection, type Collection, type Fields } from '@core/collections/index.ts'
import { readSprintSetup } from '@features/sprint/index.ts'
import { LATE_REASONS, LATE_TICKETS } from './collections.ts'
import { readCustomReasons, readLateTickets, readRetroSettings, storedRetroSettings } from './lateTickets.ts'

/**
 * A team that shares its late tickets has them copied into its org's root document, by any device
 * that has both spaces (services.ts), and taken out again when sharing stops. Only differences are
 * written (shared/retro/orgShare.ts), so a run with nothing new writes nothing, and devices doing
 * it at once write the same records.
 */
export function syncOrgCopies(teamDoc: Y.Doc, teamSpaceId: string, orgDoc: Y.Doc): void {
  const share = readRetroSettings(teamDoc).shareWithOrg
  const tickets = lateTicketMirror(teamSpaceId, share ? readLateTickets(teamDoc) : [], readLateTickets(orgDoc))
  const reasons = reasonMirror(teamSpaceId, share ? readCustomReasons(teamDoc) : [], readCustomReasons(orgDoc))
  if (!tickets.put.length && !tickets.remove.length && !reasons.put.length && !reasons.remove.length) return
  const orgTickets = collection(orgDoc, LATE_TICKETS)
  const orgReasons = collection(orgDoc, LATE_REASONS)
  orgDoc.transact(() => {
    for (const { id, ...fields } of reasons.put) orgReasons.upsert(id, fields)
    for (const id of reasons.remove) clear(orgReasons, id)
    for (const { id, ...fields } of tickets.put) orgTickets.upsert(id, fields)
    for (const id of tickets.remove) clear(orgTickets, id)
  })
}

/**
 * Takes a copy out by emptying it, not removing it: a copy's id is derived from the team's entry,
 * and a removed record never comes back, so sharing again would not bring it back either.
 */
function clear<T extends object>(c: Collection<T>, id: string): void {
  const record = c.get(id)
  if (!record) return
  const empty = Object.fromEntries(Object.keys(record).filter((k) => k !== 'id').map((k) => [k, undefined]))
  c.patch(id, empty as Partial<Fields<T>>)
}

/**
 * The org a team shares with: the one picked in its retro settings, else the org its sprint
 * settings link it to. None while the team's retro settings were never written: the team has not
 * shared yet (there is nothing to copy), or this device has not received them yet (and must not
 * take the org's copies out on a guess).
 */
export function orgToShareWith(teamDoc: Y.Doc): string | null {
  const settings = storedRetroSettings(teamDoc)
  if (!settings) return null
  return settings.orgSpaceId ?? readSprintSetup(teamDoc).link?.orgSpaceId ?? null
}
