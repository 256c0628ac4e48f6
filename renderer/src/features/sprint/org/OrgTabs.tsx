import { Link } from 'wouter'
import { cadenceFieldsOf } from '@shared/sprint/cadenceRecords.ts'
import { CEREMONIES } from '@shared/sprint/ceremonies.ts'
import { resolveCeremonySeries } from '@shared/sprint/settings.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { CadenceForm } from '../common/CadenceForm.tsx'
import { CalendarExport } from '../common/CalendarExport.tsx'
import { OrgCeremonyTimes } from '../common/CeremonyTimes.tsx'
import { useViewerDay } from '@ui/today.ts'
import { CeremonyPage } from '../timeline/CeremonyPage.tsx'
import { SeriesEditor } from '../timeline/SeriesEditor.tsx'
import { TimelineView } from '../timeline/TimelineView.tsx'
import { OrgGate } from './OrgGate.tsx'
import { TeamList } from './TeamList.tsx'
import '../sprint.css'

/** The org's "Teams & cadence" tab: its teams, the sprint rhythm and each ceremony's default time. */
export function CadenceTab(props: TabProps) {
  return (
    <OrgGate space={props.space} meId={props.identity.deviceId} readOnly={props.readOnly}>
      {({ org, commands, cadence }) => (
        <div className="stack">
          <TeamList orgSpaceId={props.space.id} teams={org.setup.teamRecords} orgZone={cadence.timezone} identity={props.identity} readOnly={props.readOnly} />
          <section className="panel" aria-labelledby="rhythm-title">
            <h2 id="rhythm-title">Sprint rhythm</h2>
            <CadenceForm fields={cadenceFieldsOf(cadence)} readOnly={props.readOnly} onSave={(patch) => commands.saveCadence(patch)} />
          </section>
          <section className="panel" aria-labelledby="defaults-title">
            <h2 id="defaults-title">Ceremony defaults</h2>
            <p className="muted small">
              Where each meeting falls in the sprint and when. Team meetings use these times in the team&apos;s zone unless the team sets
              its own; each meeting can also be moved on its own from the timeline.
            </p>
            <OrgCeremonyTimes cadence={cadence} readOnly={props.readOnly} onSave={(kind, s) => commands.saveOrgCeremony(kind, s)} />
          </section>
        </div>
      )}
    </OrgGate>
  )
}

/** The org's "Timeline" tab: a sprint of every team, and the org's meetings. */
export function OrgTimelineTab(props: TabProps) {
  const { zone } = useViewerDay()
  return (
    <OrgGate space={props.space} meId={props.identity.deviceId} readOnly={props.readOnly}>
      {({ commands, cadence, teams }) => (
        <TimelineView
          cadence={cadence}
          teams={teams}
          orgLabel={props.space.name}
          base={props.base}
          path={props.path}
          renderCeremony={(o, back) => {
            const own = o.teamId === null
            const series = resolveCeremonySeries(cadence, o.kind, own ? null : (teams.find((t) => t.id === o.teamId) ?? null))
            const editable = own && !props.readOnly
            return (
              <CeremonyPage
                occurrence={o}
                cadence={cadence}
                teams={teams}
                viewerZone={zone}
                backHref={back}
                onSaveOccurrence={editable ? (override) => commands.saveOccurrence(o.id, override) : null}
                links={
                  o.kind === 'division-sprint-planning' ? (
                    <Link href={`/space/${props.space.id}/division/${o.sprint + 1}`} className="button primary small">
                      Open the division planning of sprint {o.sprint + 1}
                    </Link>
                  ) : o.kind === 'sprint-retro-demo' ? (
                    <Link href={`/space/${props.space.id}/review/${o.sprint}`} className="button primary small">
                      Open the sprint {o.sprint} retro & demo
                    </Link>
                  ) : undefined
                }
                readOnlyNote={
                  <p className="muted">
                    {own
                      ? 'You left this space: its meetings are shown, not changed.'
                      : `${CEREMONIES[o.kind].label} belongs to the team: it is moved or changed in the team's own space.`}
                  </p>
                }
                seriesEditor={
                  editable ? (
                    <SeriesEditor
                      key={JSON.stringify(cadence.ceremonies[o.kind] ?? null)}
                      mode="org"
                      kind={o.kind}
                      current={cadence.ceremonies[o.kind]}
                      resolved={{ localStart: series.localStart, durationMinutes: series.durationMinutes, roles: series.participants.roles, zone: series.zone }}
                      onSave={(s) => commands.saveOrgCeremony(o.kind, s)}
                    />
                  ) : undefined
                }
              />
            )
          }}
        />
      )}
    </OrgGate>
  )
}

/** The org's "Calendar" tab: the .ics of the whole org or of one team. */
export function OrgCalendarTab(props: TabProps) {
  return (
    <OrgGate space={props.space} meId={props.identity.deviceId} readOnly={props.readOnly}>
      {({ cadence, teams }) => (
        <section className="panel" aria-labelledby="calendar-title">
          <h2 id="calendar-title">Calendar export</h2>
          <p className="muted">Put the sprint ceremonies in everyone&apos;s calendar: download the file and import it, or send it round.</p>
          <CalendarExport cadence={cadence} teams={teams} choose orgId={props.space.id} orgName={props.space.name} />
        </section>
      )}
    </OrgGate>
  )
}
