import { useEffect } from 'react'
import type * as Y from 'yjs'
import { lateTicketMirror, reasonMirror } from '../../../../shared/retro/orgShare.ts'
import { patchRecord, removeRecord } from '../collections.ts'
import { readCustomReasons, readLateTickets, readRetroSettings } from './lateTickets.ts'
import { LATE_REASONS, LATE_TICKETS } from './names.ts'
import { useRetroRootDoc } from './rootDoc.ts'

/**
 * While a view of a team that shares its late tickets is open on a device that also has the org
 * space, the team's entries (and its own reasons) are copied into the org's root document, and
 * taken out again when sharing stops. Only differences are written (shared/retro/orgShare.ts).
 */
export function syncOrgCopies(teamDoc: Y.Doc, teamSpaceId: string, orgDoc: Y.Doc): void {
  const share = readRetroSettings(teamDoc).shareWithOrg
  const tickets = lateTicketMirror(teamSpaceId, share ? readLateTickets(teamDoc) : [], readLateTickets(orgDoc))
  const reasons = reasonMirror(teamSpaceId, share ? readCustomReasons(teamDoc) : [], readCustomReasons(orgDoc))
  if (!tickets.put.length && !tickets.remove.length && !reasons.put.length && !reasons.remove.length) return
  orgDoc.transact(() => {
    for (const { id, ...fields } of reasons.put) patchRecord(orgDoc, LATE_REASONS, id, fields)
    for (const id of reasons.remove) removeRecord(orgDoc, LATE_REASONS, id)
    for (const { id, ...fields } of tickets.put) patchRecord(orgDoc, LATE_TICKETS, id, fields)
    for (const id of tickets.remove) removeRecord(orgDoc, LATE_TICKETS, id)
  })
}

export function useOrgShareMirror(teamDoc: Y.Doc | null, teamSpaceId: string, orgSpaceId: string | null | undefined, enabled: boolean): void {
  const orgDoc = useRetroRootDoc(enabled ? orgSpaceId : null)
  useEffect(() => {
    if (!teamDoc || !orgDoc || !enabled) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const run = () => {
      timer = null
      syncOrgCopies(teamDoc, teamSpaceId, orgDoc)
    }
    const schedule = () => {
      if (!timer) timer = setTimeout(run, 300)
    }
    run()
    teamDoc.on('update', schedule)
    orgDoc.on('update', schedule)
    return () => {
      teamDoc.off('update', schedule)
      orgDoc.off('update', schedule)
      // leaving the view right after a change: copy it now rather than never
      if (timer) {
        clearTimeout(timer)
        run()
      }
    }
  }, [teamDoc, orgDoc, teamSpaceId, enabled])
}
