import { ROLES, ROLE_LABELS, Role } from '@shared/sprint/ceremonies.ts'
import { LocalTime } from '@shared/sprint/localTime.ts'
import type { PersonSettings, TeamPerson } from '@shared/sprint/people.ts'
import { zoneOffsetLabel } from '@shared/sprint/viewerTime.ts'
import { useTeamSprint } from '../store/teamSprint.ts'
import { Avatar } from '@ui/ui.tsx'
import type { TabProps } from '@ui/spaceTab.tsx'
import { useNow } from '@ui/useNow.ts'
import { Waiting } from '../common/NotSetUp.tsx'
import { ZoneInput } from '../common/ZoneInput.tsx'
import { SyncUpFinder } from './SyncUpFinder.tsx'
import '../sprint.css'

/** The team's people: role, zone and working hours (each edits their own), and the sync-up time finder. */
export function PeopleTab(props: TabProps) {
  const ts = useTeamSprint(props.space, props.identity.deviceId)
  const now = useNow(60_000)
  const commands = ts.commands
  if (!commands) return <Waiting />
  const meId = props.identity.deviceId
  const saveMine = (patch: Partial<PersonSettings>) => commands.savePerson(meId, patch)
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title">
          People <span className="count">{ts.people.filter((p) => !p.observer).length}</span>
        </h2>
        <p className="muted small">Everyone sets their own role, time zone and working hours; the sync-up time finder uses them.</p>
        <table className="sp-table sp-people" aria-label="People">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              <th scope="col">Time zone</th>
              <th scope="col">Working hours</th>
            </tr>
          </thead>
          <tbody>
            {ts.people.map((p) =>
              p.id === meId && !props.readOnly ? (
                <MyRow key={p.id} person={p} save={saveMine} />
              ) : (
                <tr key={p.id} className={p.observer ? 'sp-off' : undefined}>
                  <th scope="row">
                    <PersonName person={p} />
                  </th>
                  <td>{p.observer ? 'Observer' : p.roleLabel}</td>
                  <td>
                    {p.timezone} <span className="muted small">{zoneOffsetLabel(p.timezone, now)}</span>
                  </td>
                  <td>
                    {p.workStart}–{p.workEnd}
                    {!p.configured && <span className="muted small"> (not set yet)</span>}
                  </td>
                </tr>
              )
            )}
          </tbody>
        </table>
      </section>
      {ts.setup.composed && <SyncUpFinder ts={ts} readOnly={props.readOnly} />}
    </div>
  )
}

function PersonName({ person, me }: { person: TeamPerson; me?: boolean }) {
  return (
    <span className="sp-person">
      <Avatar name={person.name} color={person.color} size={28} />
      <span>
        {person.name}
        {me && <span className="muted"> (you)</span>}
      </span>
    </span>
  )
}

function MyRow({ person, save }: { person: TeamPerson; save(patch: Partial<PersonSettings>): void }) {
  const saveTime = (field: 'workStart' | 'workEnd', value: string) => {
    if (LocalTime.safeParse(value).success) save({ [field]: value })
  }
  return (
    <tr className="sp-my-row">
      <th scope="row">
        <PersonName person={person} me />
      </th>
      <td>
        <select
          aria-label="Your role"
          value={person.observer ? 'observer' : person.role}
          onChange={(e) => {
            const role = Role.safeParse(e.target.value)
            save(role.success ? { role: role.data, observer: false } : { observer: true })
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
          <option value="observer">Observer (from another team)</option>
        </select>
      </td>
      <td>
        <ZoneInput label="Your time zone" value={person.timezone} onSave={(timezone) => save({ timezone })} />
      </td>
      <td>
        <span className="row sp-hours">
          <input type="time" aria-label="Your working hours start" defaultValue={person.workStart} key={`s${person.workStart}`} onBlur={(e) => saveTime('workStart', e.target.value)} />
          <span aria-hidden="true">–</span>
          <input type="time" aria-label="Your working hours end" defaultValue={person.workEnd} key={`e${person.workEnd}`} onBlur={(e) => saveTime('workEnd', e.target.value)} />
        </span>
      </td>
    </tr>
  )
}
