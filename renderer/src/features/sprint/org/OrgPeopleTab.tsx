import { CEREMONIES } from '@shared/sprint/ceremonies.ts'
import { ORG_ROLE_LABELS, ORG_ROLES, orgCeremoniesOf, type OrgPerson, type OrgRole } from '@shared/sprint/orgRoles.ts'
import { Avatar } from '@ui/ui.tsx'
import type { TabProps } from '@ui/spaceTab.tsx'
import { useOrgRoles } from '../store/orgRoles.ts'
import { Waiting } from '../common/NotSetUp.tsx'
import '../sprint.css'

/**
 * The org's "People" tab: everyone in the org space and the role they hold in the org itself
 * (shared/sprint/orgRoles.ts). Each person sets their own; it brings them to the org's meetings
 * of that role (and their reminders) without being in a team.
 */
export function OrgPeopleTab(props: TabProps) {
  const meId = props.identity.deviceId
  const { people, saveMine } = useOrgRoles(props.space.id, meId)
  if (!people) return <Waiting>Loading the org’s people…</Waiting>
  return (
    <section className="panel" aria-labelledby="org-people-title">
      <h2 id="org-people-title">
        People and org roles <span className="count">{people.length}</span>
      </h2>
      <p className="muted small">
        Someone who works with the teams without being in one — an area product owner, a backlog owner, an engineering lead — sets
        their role here. It brings them to the org’s meetings of that role, and reminds them of those; a team’s own meetings come with
        being in that team.
      </p>
      <table className="sp-table sp-people" aria-label="People of the org">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Org role</th>
            <th scope="col">Org meetings (by default)</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} className={p.id === meId ? 'sp-my-row' : undefined}>
              <th scope="row">
                <span className="sp-person">
                  <Avatar name={p.name} color={p.color} size={28} />
                  <span>
                    {p.name}
                    {p.id === meId && <span className="muted"> (you)</span>}
                  </span>
                </span>
              </th>
              <td>{p.id === meId && saveMine && !props.readOnly ? <RoleSelect person={p} save={saveMine} /> : p.roleLabel}</td>
              <td>{orgCeremoniesOf(p.role).map((k) => CEREMONIES[k].label).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function RoleSelect({ person, save }: { person: OrgPerson; save(role: OrgRole | null): void }) {
  return (
    <select
      aria-label="Your org role"
      value={person.role ?? ''}
      onChange={(e) => save((ORG_ROLES as readonly string[]).includes(e.target.value) ? (e.target.value as OrgRole) : null)}
    >
      <option value="">No org role (I take part through my teams)</option>
      {ORG_ROLES.map((r) => (
        <option key={r} value={r}>
          {ORG_ROLE_LABELS[r]}
        </option>
      ))}
    </select>
  )
}
