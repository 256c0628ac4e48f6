import { useState } from 'react'
import { Link, useLocation } from 'wouter'
import type { Invite } from '@shared/spaces/invite.ts'
import { joinRequestId, joinRequestState } from '@shared/spaces/joinRequest.ts'
import type { TeamEntry } from '../store/cadenceStore.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { inviteFor, observeTeam } from '@core/spaces/commands.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { removeTeamFromOrg } from '../store/teams.ts'
import { askToJoinTeam, declineJoinRequest, letIntoTeam, useJoinRequests, withdrawJoinRequest, type JoinRequestEntry } from '../store/teamAccess.ts'
import { toast } from '@ui/toasts.ts'
import { AddTeamDialog } from './AddTeamDialog.tsx'
import { TeamInviteDialog } from './TeamInviteDialog.tsx'

/**
 * The org's teams. A team on this device opens, and its invite can be passed on from here; the
 * org never holds a team's key (issue 10 #19), so a team that is not here is asked to be joined:
 * a member of the team lets the asker in (their device seals the team's invite to the asker's).
 * Members of a team see who asks, with Let in and Decline. A team that lets the org observe it
 * (its choice) can also be observed: its sync-up only (store/observe.ts). Adding creates a team space.
 */
export function TeamList(props: {
  orgSpaceId: string
  teams: readonly TeamEntry[]
  orgZone: string
  identity: IdentityRow
  readOnly: boolean
}) {
  const spaces = useSpaces() ?? []
  const requests = useJoinRequests(props.orgSpaceId)
  const [adding, setAdding] = useState(false)
  const [invite, setInvite] = useState<Invite | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [, navigate] = useLocation()
  const teams = [...props.teams].sort((a, b) => a.name.localeCompare(b.name))
  const meId = props.identity.deviceId
  const observe = (team: TeamEntry, name: string) =>
    void act(
      team.id,
      async () => {
        if (!team.observeKey) return
        await observeTeam({ spaceId: team.id, name, observeKey: team.observeKey })
        navigate(`/space/${team.id}/syncup`)
      },
      `You are observing ${name}'s sync-up.`
    )

  const act = async (id: string, f: () => Promise<void>, done: string | null) => {
    setBusy(id)
    try {
      await f()
      if (done) toast(done)
    } catch (err) {
      toast((err as Error).message, 'error')
    } finally {
      setBusy(null)
    }
  }
  const remove = (team: TeamEntry) => {
    if (!window.confirm(`Take ${team.name} off the org's list? Its space and everything in it stay with its members.`)) return
    void removeTeamFromOrg(props.orgSpaceId, team.id)
  }
  const showInvite = async (team: TeamEntry) => {
    try {
      setInvite(await inviteFor(team.id))
    } catch (err) {
      toast((err as Error).message, 'error')
    }
  }

  return (
    <section className="panel" aria-labelledby="teams-title">
      <div className="sp-panel-head">
        <h2 id="teams-title">
          Teams <span className="count">{teams.length}</span>
        </h2>
        {!props.readOnly && (
          <button type="button" className="button primary small" onClick={() => setAdding(true)}>
            Add a team
          </button>
        )}
      </div>
      {teams.length === 0 ? (
        <p className="muted">No teams yet. Each team gets its own space for its planning, sync-ups and retrospectives.</p>
      ) : (
        <ul className="sp-team-list" aria-label="Teams">
          {teams.map((team) => {
            const name = team.name || 'Unnamed team'
            const row = spaces.find((s) => s.id === team.id)
            const here = row?.status === 'active' && row.kind === 'team' && row.access !== 'observer'
            const observing = row?.status === 'active' && row.access === 'observer' && row.key === team.observeKey
            const mine = requests.find((r) => r.id === joinRequestId(team.id, meId))
            const asking = here ? requests.filter((r) => r.teamId === team.id && r.memberId !== meId && joinRequestState(r) === 'waiting') : []
            return (
              <li key={team.id} className="sp-team-row" aria-label={name}>
                <span className="sp-team-name">{name}</span>
                <span className="muted small">{team.timezone ?? `${props.orgZone} (org zone)`}</span>
                <span className="row sp-team-actions">
                  {here ? (
                    <>
                      <Link href={`/space/${team.id}/sprint`} className="button small">
                        Open
                      </Link>
                      <button type="button" className="button small ghost" aria-label={`Invite to ${name}`} onClick={() => void showInvite(team)}>
                        Invite
                      </button>
                    </>
                  ) : (
                    !props.readOnly && (
                      <>
                        {observing ? (
                          <Link href={`/space/${team.id}/syncup`} className="button small" aria-label={`Open sync-up of ${name} (observing)`}>
                            Open sync-up
                          </Link>
                        ) : (
                          team.observeKey && (
                            <button type="button" className="button small ghost" disabled={busy === team.id} aria-label={`Observe ${name}'s sync-up`} onClick={() => observe(team, name)}>
                              Observe
                            </button>
                          )
                        )}
                      <AskControls
                        teamName={name}
                        request={mine ?? null}
                        busy={busy === team.id}
                        onAsk={() => void act(team.id, () => askToJoinTeam(props.orgSpaceId, team.id, props.identity), `Asked to join ${name}. A member of the team lets you in.`)}
                        onWithdraw={() => void act(team.id, () => withdrawJoinRequest(props.orgSpaceId, team.id, meId), null)}
                      />
                      </>
                    )
                  )}
                  {!props.readOnly && (
                    <button type="button" className="icon-button sp-small-icon" aria-label={`Remove ${name} from the org`} onClick={() => remove(team)}>
                      ×
                    </button>
                  )}
                </span>
                {asking.length > 0 && !props.readOnly && (
                  <ul className="sp-join-requests" aria-label={`Asking to join ${name}`}>
                    {asking.map((r) => (
                      <JoinRequestRow
                        key={r.id}
                        request={r}
                        teamName={name}
                        busy={busy === r.id}
                        onLetIn={() => void act(r.id, () => letIntoTeam(props.orgSpaceId, r, props.identity), `${r.name || 'They'} can join ${name} now.`)}
                        onDecline={() => void act(r.id, () => declineJoinRequest(props.orgSpaceId, r), null)}
                      />
                    ))}
                  </ul>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <AddTeamDialog
        open={adding}
        onClose={() => setAdding(false)}
        orgSpaceId={props.orgSpaceId}
        listed={teams.map((t) => t.id)}
        identity={props.identity}
        orgZone={props.orgZone}
      />
      <TeamInviteDialog invite={invite} onClose={() => setInvite(null)} />
    </section>
  )
}

function AskControls(props: { teamName: string; request: JoinRequestEntry | null; busy: boolean; onAsk(): void; onWithdraw(): void }) {
  const state = props.request ? joinRequestState(props.request) : null
  if (state === 'waiting')
    return (
      <>
        <span className="muted small" role="status">
          Asked to join
        </span>
        <button type="button" className="button small ghost" disabled={props.busy} aria-label={`Withdraw the request to join ${props.teamName}`} onClick={props.onWithdraw}>
          Withdraw
        </button>
      </>
    )
  if (state === 'answered')
    return (
      <span className="muted small" role="status">
        Let in: joining…
      </span>
    )
  return (
    <>
      {state === 'declined' && <span className="muted small">Declined</span>}
      <button type="button" className="button small" disabled={props.busy} aria-label={`${state === 'declined' ? 'Ask again to join' : 'Ask to join'} ${props.teamName}`} onClick={props.onAsk}>
        {state === 'declined' ? 'Ask again' : 'Ask to join'}
      </button>
    </>
  )
}

function JoinRequestRow(props: { request: JoinRequestEntry; teamName: string; busy: boolean; onLetIn(): void; onDecline(): void }) {
  const who = props.request.name || 'Someone'
  return (
    <li className="sp-join-request">
      <span>
        <strong>{who}</strong> asks to join
      </span>
      <span className="row">
        <button type="button" className="button small primary" disabled={props.busy} aria-label={`Let in ${who}, asking to join ${props.teamName}`} onClick={props.onLetIn}>
          Let in
        </button>
        <button type="button" className="button small ghost" disabled={props.busy} aria-label={`Decline ${who}'s request to join ${props.teamName}`} onClick={props.onDecline}>
          Decline
        </button>
      </span>
    </li>
  )
}
