import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { MemberRecord } from '@shared/members/presence.ts'
import type { Role } from '@shared/sprint/ceremonies.ts'
import { OrgRoleRecord, orgPeople, type OrgPerson, type OrgRole } from '@shared/sprint/orgRoles.ts'
import { collection, defineCollection, useRecords } from '@core/collections/index.ts'
import { membersOf, watchMembers } from '@core/spaces/spaceDoc.ts'
import { useSpaceRootDoc } from './spaceRoot.ts'

/**
 * Org roles (shared/sprint/orgRoles.ts): in an org space's root document, collection 'orgRoles'
 * member id → { memberId, role }, sealed by that member (signed records, core/collections). Each
 * member sets their own; the reminders read them (`readOrgRoles`, `watchOrgRoles`). A record
 * filed under another member's id than its own counts for nobody.
 */
export const ORG_ROLE_RECORDS = defineCollection({ name: 'orgRoles', schema: OrgRoleRecord, signed: { by: 'memberId', fields: ['memberId', 'role'] } })

const NO_MEMBERS: readonly MemberRecord[] = []
const nothing = () => () => {}

function useMembers(doc: Y.Doc | null): readonly MemberRecord[] {
  const subscribe = useCallback((f: () => void) => (doc ? watchMembers(doc, f) : nothing()), [doc])
  const snapshot = useCallback(() => (doc ? membersOf(doc) : NO_MEMBERS), [doc])
  return useSyncExternalStore(subscribe, snapshot)
}

export interface OrgRoles {
  /** null while the org's document loads */
  people: OrgPerson[] | null
  /** sets this member's org role (null: none) */
  saveMine: ((role: OrgRole | null) => void) | null
}

export function useOrgRoles(spaceId: string, meId: string): OrgRoles {
  const doc = useSpaceRootDoc(spaceId)
  const members = useMembers(doc)
  const records = useRecords(doc, ORG_ROLE_RECORDS)
  return useMemo(() => {
    if (!doc) return { people: null, saveMine: null }
    const roles = Object.fromEntries(records.filter((r) => r.memberId === r.id).map((r) => [r.id, r.role]))
    return { people: orgPeople(members, roles), saveMine: (role: OrgRole | null) => saveOrgRole(doc, meId, role) }
  }, [doc, members, records, meId])
}

/** A member's org role; null clears it. A derived id: written with `upsert` (a removal does not swallow it). */
export function saveOrgRole(doc: Y.Doc, memberId: string, role: OrgRole | null): void {
  collection(doc, ORG_ROLE_RECORDS).upsert(memberId, { memberId, role: role ?? 'team-member' })
}

/** Member id → the role they hold in this org (for other features' services: reminders). */
export function readOrgRoles(doc: Y.Doc): Record<string, Role> {
  const out: Record<string, Role> = {}
  for (const { id, memberId, role } of collection(doc, ORG_ROLE_RECORDS).list()) if (memberId === id) out[id] = role
  return out
}

/** Calls `f` when an org role changes, or a peer's sealed one has been checked and now reads. */
export function watchOrgRoles(doc: Y.Doc, f: () => void): () => void {
  return collection(doc, ORG_ROLE_RECORDS).subscribe(f)
}
