import { useState } from 'react'
import { Link, useLocation } from 'wouter'
import type { Invite } from '@shared/spaces/invite.ts'
import type { TeamEntry } from '../store/cadenceStore.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { joinTeamFromOrg, removeTeamFromOrg } from '../store/teams.ts'
import { toast } from '@ui/toasts.ts'
import { AddTeamDialog } from './AddTeamDialog.tsx'
import { TeamInviteDialog } from './TeamInviteDialog.tsx'

/**
 * The org's teams. A team on this device opens; one that is not can be joined, or observed (its
 * sync-ups are open to other teams); its invite can be passed on. Adding creates a team space.
 */
export function TeamList(props: { orgSpaceId: string; teams: readonly TeamEntry[]; orgZone: string; identity: IdentityRow; readOnly: boolean }) {
  const spaces = useSpaces() ?? []
  const [, navigate] = useLocation()
  const [adding, setAdding] = useState(false)
  const [invite, setInvite] = useState<Invite | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const teams = [...props.teams].sort((a, b) => a.name.localeCompare(b.name))

  const join = async (team: TeamEntry, observe: boolean) => {
    if (!team.spaceKey) return
    setBusy(team.id)
    try {
      await joinTeamFromOrg({ spaceId: team.id, spaceKey: team.spaceKey, name: team.name || 'Team' }, props.identity, observe)
      toast(observe ? `You are observing ${team.name}.` : `You joined ${team.name}.`)
      navigate(`/space/${team.id}/${observe ? 'syncup' : 'sprint'}`)
    } catch (err) {
      toast(`Could not join: ${(err as Error).message}`, 'error')
    } finally {
      setBusy(null)
    }
  }
  const remove = (team: TeamEntry) => {
    if (!window.confirm(`Take ${team.name} off the org's list? Its space and everything in it stay with its members.`)) return
    void removeTeamFromOrg(props.orgSpaceId, team.id)
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
            const row = spaces.find((s) => s.id === team.id)
            const here = row?.status === 'active'
            return (
              <li key={team.id} className="sp-team-row" aria-label={team.name}>
                <span className="sp-team-name">{team.name || 'Unnamed team'}</span>
                <span className="muted small">{team.timezone ?? `${props.orgZone} (org zone)`}</span>
                <span className="row sp-team-actions">
                  {here ? (
                    <Link href={`/space/${team.id}/sprint`} className="button small">
                      Open
                    </Link>
                  ) : (
                    team.spaceKey &&
                    !props.readOnly && (
                      <>
                        <button type="button" className="button small" disabled={busy === team.id} onClick={() => void join(team, false)}>
                          Join
                        </button>
                        <button type="button" className="button small ghost" disabled={busy === team.id} onClick={() => void join(team, true)}>
                          Observe
                        </button>
                      </>
                    )
                  )}
                  {team.spaceKey && (
                    <button
                      type="button"
                      className="button small ghost"
                      onClick={() => setInvite({ spaceId: team.id, kind: 'team', name: team.name || 'Team', key: team.spaceKey! })}
                    >
                      Invite
                    </button>
                  )}
                  {!props.readOnly && (
                    <button type="button" className="icon-button sp-small-icon" aria-label={`Remove ${team.name} from the org`} onClick={() => remove(team)}>
                      ×
                    </button>
                  )}
                </span>
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
