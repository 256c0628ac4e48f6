import { z } from 'zod'
import type { MemberRecord } from '../members/presence.ts'
import { CEREMONIES, CEREMONY_KINDS, ROLE_LABELS, Role, type CeremonyKind } from './ceremonies.ts'

/**
 * A role someone holds in the org itself, without being in a team: an area product owner or
 * product manager, a backlog owner, an engineering manager who leads no team. Kept in the org
 * space's root document (collection 'orgRoles': member id → { memberId, role }; each member sets
 * their own, sealed with their key like a vote: nobody can set someone else's). The org's meetings invite by role (division sprint planning: product
 * managers, team leads, backlog owners; the sprint retrospective & demo: everyone), so an org role
 * brings its holder to those meetings and their reminders (shared/reminders/ceremonies.ts) —
 * never to a team's own meetings.
 *
 * 'team-member' is no org role: it is what everyone in a team already is.
 */
export const OrgRoleRecord = z.object({
  /** whose role it is (the record's id too): the seal's author, so only they can set it */
  memberId: z.string().max(256),
  role: Role.catch('team-member')
})
export type OrgRoleRecord = z.infer<typeof OrgRoleRecord>

/** The roles one can hold in the org, in the order the screen offers them. */
export const ORG_ROLES = ['product-manager', 'backlog-owner', 'team-lead'] as const satisfies readonly Role[]
export type OrgRole = (typeof ORG_ROLES)[number]

export const ORG_ROLE_LABELS: Record<OrgRole, string> = {
  'product-manager': `${ROLE_LABELS['product-manager']} (area product owner)`,
  'backlog-owner': ROLE_LABELS['backlog-owner'],
  'team-lead': 'Engineering lead (no team of their own)'
}

export function isOrgRole(role: Role | null | undefined): role is OrgRole {
  return !!role && (ORG_ROLES as readonly Role[]).includes(role)
}

/** The org's meetings a role is invited to by default (the org may change who goes, per meeting). */
export function orgCeremoniesOf(role: Role | null): CeremonyKind[] {
  return CEREMONY_KINDS.filter((k) => CEREMONIES[k].scope !== 'team' && (role === null ? CEREMONIES[k].scope === 'org' : CEREMONIES[k].roles.includes(role)))
}

export interface OrgPerson {
  id: string
  name: string
  color: string
  /** null: no org role (they take part through their teams, and in the whole org's meetings) */
  role: OrgRole | null
  roleLabel: string
}

/** The org space's current members with their org role: those with one first, then by name. */
export function orgPeople(members: readonly MemberRecord[], roles: Readonly<Record<string, Role>>): OrgPerson[] {
  return members
    .filter((m) => !m.leftAt)
    .map((m): OrgPerson => {
      const held = roles[m.id]
      const role = isOrgRole(held) ? held : null
      return { id: m.id, name: m.name, color: m.color, role, roleLabel: role ? ORG_ROLE_LABELS[role] : 'No org role' }
    })
    .sort((a, b) => Number(a.role === null) - Number(b.role === null) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}
