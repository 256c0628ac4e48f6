import { z } from 'zod'
import type { LateReason, LateTicket } from './lateTickets.ts'
import { RecordId } from '../text/limits.ts'

/**
 * A team shares its late tickets with its org: while `shareWithOrg` is on, a device that has both
 * spaces copies the team's entries into the org space's root document (`lateTickets`, id
 * `<teamSpaceId>:<ticketId>`) and the team's own reasons into the org's `lateReasons` (their ids
 * are already namespaced by team), so the org report aggregates across teams. Turning sharing off
 * takes the team's copies back out. Copies are written only when they differ: writing an
 * unchanged value would still make a Yjs update, and every peer would echo it.
 */
export const RetroSettings = z.object({
  shareWithOrg: z.boolean().catch(false),
  /** The org to share with when the team is not linked to one by the sprint settings. */
  orgSpaceId: RecordId.optional().catch(undefined)
})
export type RetroSettings = z.infer<typeof RetroSettings>
export const RETRO_SETTINGS_ID = 'retro'

export const orgLateTicketId = (teamSpaceId: string, ticketId: string): string => `${teamSpaceId}:${ticketId}`

export interface MirrorPlan<T> {
  put: T[]
  remove: string[]
}

/** Key order does not matter: a value read back from Yjs may list its fields in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export const sameRecord = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b)

/** What to write into the org so that its copies of this team's tickets equal `shared` (none when not sharing). */
export function lateTicketMirror(teamSpaceId: string, shared: readonly LateTicket[], orgEntries: readonly LateTicket[]): MirrorPlan<LateTicket> {
  const prefix = `${teamSpaceId}:`
  const org = new Map(orgEntries.filter((e) => e.id.startsWith(prefix)).map((e) => [e.id, e]))
  const put: LateTicket[] = []
  const keep = new Set<string>()
  for (const t of shared) {
    const copy = { ...t, id: orgLateTicketId(teamSpaceId, t.id) }
    keep.add(copy.id)
    const there = org.get(copy.id)
    if (!there || !sameRecord(there, copy)) put.push(copy)
  }
  return { put, remove: [...org.keys()].filter((id) => !keep.has(id)).sort() }
}

/** The same for the team's own reasons (ids kept: `custom:<teamId>:…`). */
export function reasonMirror(teamSpaceId: string, shared: readonly LateReason[], orgReasons: readonly LateReason[]): MirrorPlan<LateReason> {
  const mine = shared.filter((r) => r.teamId === teamSpaceId)
  const org = new Map(orgReasons.filter((r) => r.teamId === teamSpaceId).map((r) => [r.id, r]))
  const put = mine.filter((r) => !org.has(r.id) || !sameRecord(org.get(r.id), r))
  const keep = new Set(mine.map((r) => r.id))
  return { put, remove: [...org.keys()].filter((id) => !keep.has(id)).sort() }
}
