import { Link } from 'wouter'
import { cadenceFieldsOf } from '@shared/sprint/cadenceRecords.ts'
import type { TeamSprint } from '../store/teamSprint.ts'
import { toast } from '@ui/toasts.ts'
import { CadenceForm } from '../common/CadenceForm.tsx'
import { OrgCeremonyTimes, TeamCeremonyTimes } from '../common/CeremonyTimes.tsx'
import { ZoneInput } from '../common/ZoneInput.tsx'
import { TeamNotSetUp } from './TeamNotSetUp.tsx'
import { ObservePanel } from '../org/ObservePanel.tsx'

/**
 * A team's sprint settings: its zone and its own ceremony times; the sprint rhythm itself when the
 * team has no org (with an org it is the org's, shown read-only).
 */
export function TeamSettingsPage({ ts, base, readOnly }: { ts: TeamSprint; base: string; readOnly: boolean }) {
  const composed = ts.setup.composed
  const commands = ts.commands
  if (!composed || !commands) return <TeamNotSetUp ts={ts} readOnly={readOnly} />
  const { cadence } = composed
  const linked = !!ts.org
  const stopFollowing = () => {
    if (!window.confirm(`Stop following ${ts.org?.name ?? 'the org'}? This team keeps its current settings and sets its own rhythm from now on.`)) return
    commands.unlink()
    toast('This team now sets its own sprint rhythm')
  }
  return (
    <div className="stack">
      <Link href={base} className="button small ghost sp-back">
        ‹ Sprint timeline
      </Link>
      <section className="panel" aria-labelledby="team-zone-title">
        <h2 id="team-zone-title">{ts.team.name}</h2>
        <ZoneInput
          label="Team time zone"
          value={ts.team.timezone ?? cadence.timezone}
          readOnly={readOnly}
          hint="The team's own meetings (planning, sync-up, scrum, retrospective) are at their times in this zone."
          onSave={(timezone) => commands.saveZone(timezone)}
        />
        <h3>The team&apos;s meetings</h3>
        <TeamCeremonyTimes
          cadence={cadence}
          teamId={ts.team.id}
          zone={ts.zone}
          readOnly={readOnly}
          onSave={(kind, s) => commands.saveTeamCeremony(kind, s)}
        />
        <p className="muted small">
          The sync-up time finder on the People tab suggests a time inside everyone&apos;s working hours.
        </p>
      </section>
      {linked && <ObservePanel teamSpaceId={ts.team.id} orgName={ts.org?.name ?? 'the org'} readOnly={readOnly} />}
      <section className="panel" aria-labelledby="rhythm-title">
        <h2 id="rhythm-title">Sprint rhythm</h2>
        {linked ? (
          <div className="alert info">
            <span>
              Set by <strong>{ts.org?.name ?? 'the org'}</strong> for all its teams; this is this team&apos;s copy.
              {ts.org?.local && (
                <>
                  {' '}
                  <Link href={`/space/${ts.org.spaceId}/cadence`}>Change it in the org</Link>.
                </>
              )}
            </span>
            {!readOnly && (
              <button type="button" className="button small" onClick={stopFollowing}>
                Stop following the org
              </button>
            )}
          </div>
        ) : (
          <p className="muted small">This team is not part of an org, so it sets its own rhythm. An org adds it from its Teams &amp; cadence tab.</p>
        )}
        <CadenceForm
          fields={cadenceFieldsOf(cadence)}
          readOnly={readOnly || linked}
          zoneLabel={linked ? 'Org time zone' : 'Sprint time zone'}
          onSave={(patch) => commands.saveCadence(patch)}
        />
        <h3>Ceremony defaults</h3>
        <OrgCeremonyTimes cadence={cadence} readOnly={readOnly || linked} onSave={(kind, s) => commands.saveOrgCeremony(kind, s)} />
      </section>
    </div>
  )
}
