import { useState } from 'react'
import { Link } from 'wouter'
import type { CeremonyOccurrence } from '@shared/sprint/schedule.ts'
import { resolveCeremonySeries } from '@shared/sprint/settings.ts'
import { useSprintInbox } from '../store/retroInbox.ts'
import { useSprintDoc } from '../store/sprintDoc.ts'
import { type TeamCommands, type TeamSprint, useTeamSprint } from '../store/teamSprint.ts'
import { Dialog } from '@ui/ui.tsx'
import type { TabProps } from '@ui/spaceTab.tsx'
import { CalendarExport } from '../common/CalendarExport.tsx'
import { useViewerDay } from '@ui/today.ts'
import { Waiting } from '../common/NotSetUp.tsx'
import { RetroInboxPanel } from '../common/RetroInboxPanel.tsx'
import { CeremonyPage } from '../timeline/CeremonyPage.tsx'
import { SeriesEditor } from '../timeline/SeriesEditor.tsx'
import { TimelineView } from '../timeline/TimelineView.tsx'
import { TeamNotSetUp } from './TeamNotSetUp.tsx'
import { TeamSettingsPage } from './TeamSettingsPage.tsx'
import '../sprint.css'

/** The team's "Sprint" tab: the sprint timeline, each ceremony's page, the team's sprint settings. */
export function TeamSprintTab(props: TabProps) {
  const ts = useTeamSprint(props.space, props.identity.deviceId)
  const [calendar, setCalendar] = useState(false)
  const commands = ts.commands
  if (!commands) return <Waiting />
  if (props.path[0] === 'settings') return <TeamSettingsPage ts={ts} base={props.base} readOnly={props.readOnly} />
  const cadence = ts.setup.composed?.cadence
  if (!cadence) return <TeamNotSetUp ts={ts} readOnly={props.readOnly} />
  const orgLabel = ts.org ? (ts.org.name ?? 'Org') : 'Whole org'
  return (
    <>
      <TimelineView
        cadence={cadence}
        teams={[ts.team]}
        teamId={ts.team.id}
        orgLabel={orgLabel}
        base={props.base}
        path={props.path}
        actions={
          <>
            <button type="button" className="button small" onClick={() => setCalendar(true)}>
              Add to calendar (.ics)
            </button>
            <Link href={`${props.base}/settings`} className="button small">
              Sprint settings
            </Link>
          </>
        }
        renderCeremony={(o, back) => (
          <TeamCeremony ts={ts} commands={commands} occurrence={o} backHref={back} readOnly={props.readOnly} spaceBase={props.base.replace(/\/sprint$/, '')} />
        )}
        below={(n) => <SprintInbox spaceId={props.space.id} sprint={n} meId={props.identity.deviceId} readOnly={props.readOnly} />}
      />
      <Dialog title={`Calendar for ${ts.team.name}`} open={calendar} onClose={() => setCalendar(false)} wide>
        <CalendarExport cadence={cadence} teams={[ts.team]} teamId={ts.team.id} orgId={ts.org?.spaceId ?? ts.team.id} orgName={orgLabel} />
      </Dialog>
    </>
  )
}

function SprintInbox(props: { spaceId: string; sprint: number; meId: string; readOnly: boolean }) {
  const inbox = useSprintInbox(props.spaceId, useSprintDoc(props.spaceId, props.sprint))
  return <RetroInboxPanel items={inbox.items} sprint={props.sprint} meId={props.meId} onRemove={props.readOnly ? null : (inbox.commands?.remove ?? null)} />
}

function TeamCeremony(props: { ts: TeamSprint; commands: TeamCommands; occurrence: CeremonyOccurrence; backHref: string; readOnly: boolean; spaceBase: string }) {
  const { ts, commands, occurrence: o } = props
  const { zone } = useViewerDay()
  const cadence = ts.setup.composed!.cadence
  const own = o.teamId === ts.team.id
  // org ceremonies belong to the org when the team has one; a team on its own keeps them itself
  const editable = !props.readOnly && (own || !ts.org)
  const series = resolveCeremonySeries(cadence, o.kind, own ? ts.team : null)
  const resolved = { localStart: series.localStart, durationMinutes: series.durationMinutes, roles: series.participants.roles, zone: series.zone }
  const seriesEditor = props.readOnly ? undefined : own ? (
    <SeriesEditor
      key={JSON.stringify(cadence.teams[ts.team.id]?.ceremonies[o.kind] ?? null)}
      mode="team"
      kind={o.kind}
      teamName={ts.team.name}
      current={cadence.teams[ts.team.id]?.ceremonies[o.kind]}
      resolved={resolved}
      onSave={(s) => commands.saveTeamCeremony(o.kind, s)}
    />
  ) : !ts.org ? (
    <SeriesEditor
      key={JSON.stringify(cadence.ceremonies[o.kind] ?? null)}
      mode="org"
      kind={o.kind}
      current={cadence.ceremonies[o.kind]}
      resolved={resolved}
      onSave={(s) => commands.saveOrgCeremony(o.kind, s)}
    />
  ) : o.kind === 'division-sprint-planning' ? (
    <SeriesEditor
      key={JSON.stringify(cadence.teams[ts.team.id]?.ceremonies[o.kind] ?? null)}
      mode="team"
      kind={o.kind}
      teamName={ts.team.name}
      current={cadence.teams[ts.team.id]?.ceremonies[o.kind]}
      resolved={resolved}
      onSave={(s) => commands.saveTeamCeremony(o.kind, s)}
    />
  ) : undefined
  const orgName = ts.org?.name ?? 'the org'
  return (
    <CeremonyPage
      occurrence={o}
      cadence={cadence}
      teams={[ts.team]}
      viewerZone={zone}
      backHref={props.backHref}
      people={ts.people}
      onSaveOccurrence={editable ? (override) => commands.saveOccurrence(o.id, override) : null}
      readOnlyNote={
        props.readOnly ? (
          <p className="muted">You left this space: its meetings are shown, not changed.</p>
        ) : ts.org ? (
          <p className="muted">
            {orgName} holds this meeting for every team; it is moved or cancelled in the org&apos;s timeline
            {ts.org.local && (
              <>
                {' '}
                (<Link href={`/space/${ts.org.spaceId}/timeline/${o.sprint}`}>open it</Link>)
              </>
            )}
            .
          </p>
        ) : undefined
      }
      seriesEditor={seriesEditor}
      links={
        o.kind === 'daily-sync-up' ? (
          <Link href={`${props.spaceBase}/syncup/${o.localDate}`} className="button primary small">
            Open this sync-up
          </Link>
        ) : o.kind === 'team-sprint-planning' ? (
          <Link href={`${props.spaceBase}/planning/${o.sprint}`} className="button primary small">
            Open the sprint {o.sprint} planning
          </Link>
        ) : o.kind === 'team-scrum' ? (
          <Link href={`${props.spaceBase}/scrum/${o.sprint + 1}`} className="button primary small">
            Open the team scrum for sprint {o.sprint + 1}
          </Link>
        ) : o.kind === 'division-sprint-planning' && ts.org?.local ? (
          <Link href={`/space/${ts.org.spaceId}/division/${o.sprint + 1}`} className="button primary small">
            Open the division planning of sprint {o.sprint + 1}
          </Link>
        ) : o.kind === 'sprint-retro-demo' && ts.org?.local ? (
          <Link href={`/space/${ts.org.spaceId}/review/${o.sprint}`} className="button primary small">
            Open the sprint {o.sprint} retro & demo
          </Link>
        ) : undefined
      }
    />
  )
}
