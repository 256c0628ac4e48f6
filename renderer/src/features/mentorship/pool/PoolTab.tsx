import { useMemo, useState } from 'react'
import { Link } from 'wouter'
import { suggestPairs, type PairSuggestion } from '@shared/mentorship/matching.ts'
import { profilesToYaml } from '@shared/mentorship/profileYaml.ts'
import { otherParticipant } from '@shared/mentorship/journal.ts'
import { personFirst } from '@shared/mentorship/pairOrder.ts'
import type { PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { useProgram } from '../store/docs.ts'
import { applyPoolImport, claimProfile, removeProfile, removeProfiles, saveProfile, useOrgMentoring, usePool, usePoolPairs, useProgramPeople } from '../store/pool.ts'
import { canClaim, canEditProfile, ownProfile, profileColor, removableBy } from '@shared/mentorship/poolOwnership.ts'
import { startPair } from '../store/pairing.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { toast } from '@ui/toasts.ts'
import { Dialog } from '@ui/ui.tsx'
import type { TabProps } from '@ui/spaceTab.tsx'
import { downloadText } from '@ui/files.ts'
import { fileSlug } from '../files.ts'
import { localDate } from '@ui/today.ts'
import { formatDay } from '../formatDay.ts'
import { PairStartedDialog } from './PairStartedDialog.tsx'
import { ProfileCard } from './ProfileCard.tsx'
import { ProfileDialog } from './ProfileDialog.tsx'
import { Suggestions } from './Suggestions.tsx'
import { TrackerSetting } from './TrackerSetting.tsx'
import { YamlImportDialog } from './YamlImportDialog.tsx'
import '../mentorship.css'

const SUGGESTIONS_SHOWN = 6

/** The org's mentoring pool: profiles, YAML in and out, suggested pairs, pairs started. */
export function PoolTab({ space, identity, readOnly }: TabProps) {
  const program = useProgram(space.id)
  const pool = usePool(program)
  const pairs = usePoolPairs(program)
  const settings = useOrgMentoring(program)
  const spacesHere = new Set((useSpaces() ?? []).map((s) => s.id))
  const [editing, setEditing] = useState<(PoolProfile & { id: string }) | 'new' | null>(null)
  const [importing, setImporting] = useState(false)
  const [busy, setBusy] = useState(false)
  const [started, setStarted] = useState<{ spaceId: string; name: string; sendTo: string } | null>(null)
  const { members, adminId } = useProgramPeople(program)
  const viewer = { me: identity.deviceId, isAdmin: adminId === identity.deviceId }
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [confirmRemove, setConfirmRemove] = useState(false)

  const people = useMemo(() => [...pool].sort((x, y) => x.name.localeCompare(y.name)), [pool])
  const mine = ownProfile(people, identity.deviceId)
  const removable = new Set(removableBy(people, viewer).map((p) => p.id))
  const chosen = [...selected].filter((id) => removable.has(id))
  const ownerText = (ownerId: string | null) =>
    ownerId === null ? 'Unclaimed: its person can claim it' : ownerId === identity.deviceId ? 'Your profile' : `${members.find((m) => m.id === ownerId)?.name ?? 'A member'}'s profile`
  const active = pairs.filter((p) => p.endedAt === null)
  const partnerOf = new Map<string, string>()
  for (const p of active) {
    partnerOf.set(p.aProfileId, p.bName)
    partnerOf.set(p.bProfileId, p.aName)
  }
  const suggestions = useMemo(
    () =>
      suggestPairs(people.map((p) => ({ id: p.id, profile: p })), { excludePeople: [...partnerOf.keys()], limit: SUGGESTIONS_SHOWN }).map((s) =>
        personFirst(s, identity.name)
      ),
    // partnerOf is derived from pairs
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [people, pairs, identity.name]
  )

  const start = async (s: PairSuggestion) => {
    if (!program) return
    setBusy(true)
    try {
      const byId = new Map(pool.map((p) => [p.id, p as PoolProfile]))
      const result = await startPair({ program, suggestion: s, profiles: byId, trackerBaseUrl: settings.trackerBaseUrl, me: identity })
      const other = otherParticipant([s.a.name, s.b.name], identity.name)
      setStarted({ ...result, sendTo: other ?? `${s.a.name} and ${s.b.name}` })
    } catch (err) {
      toast(`Could not start the pair: ${(err as Error).message}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  if (!program) return <div className="mentor-page" aria-busy="true" />
  return (
    <div className="mentor-page">
      <header className="section-head">
        <div>
          <h2 className="view-title">Mentoring pool</h2>
          <p className="muted">
            Everyone&apos;s <strong>be a mentor</strong> items (things they have done 2–3 times) and <strong>seek a mentor</strong>{' '}
            items (things they want to grow in). Pairs mentor each other, one direction each way.
          </p>
        </div>
        {!readOnly && (
          <div className="row">
            {!mine && (
              <button type="button" className="button" onClick={() => setEditing('new')}>
                Add my profile
              </button>
            )}
            {viewer.isAdmin && (
              <button type="button" className="button" onClick={() => setImporting(true)}>
                Import YAML…
              </button>
            )}
            <button
              type="button"
              className="button"
              disabled={people.length === 0}
              onClick={() => downloadText(`${fileSlug(space.name)}-pool.yaml`, profilesToYaml(people), 'application/yaml')}
            >
              Export YAML
            </button>
          </div>
        )}
      </header>

      <section className="panel" aria-labelledby="suggested-title">
        <h3 id="suggested-title">Suggested pairs</h3>
        <p className="muted small">
          Ranked by how well each one&apos;s be-a-mentor items meet the other&apos;s seek-a-mentor items — in both directions. People
          already in a pair are left out.
        </p>
        <Suggestions suggestions={suggestions} onStart={readOnly ? null : (s) => void start(s)} busy={busy} poolSize={people.length} />
      </section>

      <section aria-labelledby="people-title">
        <h3 id="people-title" className="list-title">
          People <span className="count">{people.length}</span>
        </h3>
        {people.length === 0 ? (
          <p className="empty">The pool is empty. Import the program&apos;s YAML profiles, or add people one by one.</p>
        ) : (
          <>
            {viewer.isAdmin && !readOnly && removable.size > 0 && (
              <div className="row bulk-bar" role="group" aria-label="Remove profiles">
                <label className="check-line">
                  <input
                    type="checkbox"
                    checked={chosen.length > 0 && chosen.length === removable.size}
                    onChange={(e) => setSelected(e.target.checked ? new Set(removable) : new Set())}
                  />
                  Select all you may remove ({removable.size})
                </label>
                <button type="button" className="button danger-text" disabled={chosen.length === 0} onClick={() => setConfirmRemove(true)}>
                  Remove {chosen.length || ''} {chosen.length === 1 ? 'profile' : 'profiles'}…
                </button>
              </div>
            )}
            <ul className="profile-grid" aria-label="People in the pool">
              {people.map((p) => (
                <ProfileCard
                  key={p.id}
                  profile={p}
                  color={profileColor(p, members)}
                  owner={ownerText(p.ownerId)}
                  pairedWith={partnerOf.get(p.id) ?? null}
                  onEdit={readOnly || !canEditProfile(p, viewer) ? null : () => setEditing(p)}
                  onClaim={
                    readOnly || !canClaim(p, people, identity.deviceId)
                      ? null
                      : () => {
                          if (claimProfile(program, p.id, identity.deviceId)) toast(`${p.name} is now your profile: only you can edit it.`)
                          else toast('Someone claimed it first.', 'error')
                        }
                  }
                  selected={viewer.isAdmin && !readOnly && removable.has(p.id) ? selected.has(p.id) : null}
                  onSelect={(on) => {
                    const next = new Set(selected)
                    if (on) next.add(p.id)
                    else next.delete(p.id)
                    setSelected(next)
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </section>

      {pairs.length > 0 && (
        <section className="panel" aria-labelledby="pairs-title">
          <h3 id="pairs-title">Pairs started</h3>
          <ul className="pair-list">
            {[...pairs].sort((x, y) => y.startedAt - x.startedAt).map((p) => (
              <li key={p.id} className="pair-row">
                <span className="card-title">
                  {p.aName} & {p.bName}
                </span>
                <span className="muted small">Started {formatDay(localDate(p.startedAt))}</span>
                <span className={`badge ${p.endedAt ? 'ended' : ''}`}>{p.endedAt ? 'Ended' : 'Active'}</span>
                {spacesHere.has(p.spaceId) ? (
                  <Link href={`/space/${p.spaceId}/pair`} className="button small">
                    Open
                  </Link>
                ) : (
                  <span className="muted small">Only the pair holds its journal</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <TrackerSetting program={program} value={settings.trackerBaseUrl} readOnly={readOnly} />

      <ProfileDialog
        open={editing !== null}
        editing={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSave={(id, profile) => saveProfile(program, id, profile, id ? null : identity.deviceId)}
        onRemove={(id) => removeProfile(program, id)}
      />
      <YamlImportDialog open={importing} onClose={() => setImporting(false)} existing={pool} onImport={(writes) => applyPoolImport(program, writes)} />
      <PairStartedDialog started={started} onClose={() => setStarted(null)} />
      <Dialog title="Remove profiles" open={confirmRemove} onClose={() => setConfirmRemove(false)}>
        <p>
          Remove {chosen.length} {chosen.length === 1 ? 'profile' : 'profiles'} from the pool for everyone in {space.name}? Pairs already
          started keep going.
        </p>
        <ul className="small" aria-label="Profiles to remove">
          {people
            .filter((p) => chosen.includes(p.id))
            .map((p) => (
              <li key={p.id}>{p.name}</li>
            ))}
        </ul>
        <div className="row end">
          <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              removeProfiles(program, chosen)
              toast(`Removed ${chosen.length} ${chosen.length === 1 ? 'profile' : 'profiles'}.`)
              setSelected(new Set())
              setConfirmRemove(false)
            }}
          >
            Remove {chosen.length}
          </button>
        </div>
      </Dialog>
    </div>
  )
}
