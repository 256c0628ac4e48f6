import { useMemo, useState } from 'react'
import { Link } from 'wouter'
import { explainPair, suggestPairs, type PairSuggestion } from '@shared/mentorship/matching.ts'
import { profilesToYaml } from '@shared/mentorship/profileYaml.ts'
import { personFirst } from '@shared/mentorship/pairOrder.ts'
import { poolPairStatus, type PoolPair, type PoolPairStatus, type PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { useProgram } from '../store/docs.ts'
import { applyPoolImport, setAvailability, declinePoolPair, suggestPoolPair, claimProfile, removeProfile, removeProfiles, saveProfile, useOrgMentoring, usePool, usePoolPairs, useProgramPeople } from '../store/pool.ts'
import { applyPoolFilter, canClaim, canEditProfile, departments, notMatchable, ownProfile, profileColor, removableBy, type PoolFilter } from '@shared/mentorship/poolOwnership.ts'
import { handOverPair, startPair } from '../store/pairing.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { toast } from '@ui/toasts.ts'
import { Dialog } from '@ui/ui.tsx'
import type { TabProps } from '@ui/spaceTab.tsx'
import { downloadText } from '@ui/files.ts'
import { fileSlug } from '../files.ts'
import { localDate, useToday } from '@ui/today.ts'
import { formatDay } from '../formatDay.ts'
import { PairStartedDialog } from './PairStartedDialog.tsx'
import { ParticipationChart } from './ParticipationChart.tsx'
import { ProgramFeedback } from '../program/ProgramFeedback.tsx'
import { participationByMonth } from '@shared/mentorship/programView.ts'
import { ProfileCard } from './ProfileCard.tsx'
import { ProfileDialog } from './ProfileDialog.tsx'
import { Suggestions } from './Suggestions.tsx'
import { AssignmentPanel } from './AssignmentPanel.tsx'
import { suggestPoolPairs } from '../store/assignment.ts'
import { ProfileNotes } from './ProfileNotes.tsx'
import { useProfileNotes } from '../store/profileNotes.ts'
import { notesOf } from '@shared/mentorship/profileNotes.ts'
import { TrackerSetting } from './TrackerSetting.tsx'
import { YamlImportDialog } from './YamlImportDialog.tsx'
import '../mentorship.css'

const SUGGESTIONS_SHOWN = 6

const STATUS_LABEL: Record<PoolPairStatus, string> = { suggested: 'Suggested', declined: 'Declined', active: 'Active', ended: 'Ended' }

/** The org's mentoring pool: profiles, YAML in and out, suggested pairs, pairs started. */
export function PoolTab({ space, identity, readOnly }: TabProps) {
  const program = useProgram(space.id)
  const pool = usePool(program)
  const pairs = usePoolPairs(program)
  const profileNotes = useProfileNotes(program)
  const settings = useOrgMentoring(program)
  const spacesHere = new Set((useSpaces() ?? []).map((s) => s.id))
  const [editing, setEditing] = useState<(PoolProfile & { id: string }) | 'new' | null>(null)
  const [importing, setImporting] = useState(false)
  const [busy, setBusy] = useState(false)
  const [started, setStarted] = useState<{ spaceId: string; name: string; sendTo: string } | null>(null)
  const { members, adminId } = useProgramPeople(program)
  const today = useToday()
  const viewer = { me: identity.deviceId, isAdmin: adminId === identity.deviceId }
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [confirmRemove, setConfirmRemove] = useState(false)

  const people = useMemo(() => [...pool].sort((x, y) => x.name.localeCompare(y.name)), [pool])
  const mine = ownProfile(people, identity.deviceId)
  const removable = new Set(removableBy(people, viewer).map((p) => p.id))
  const chosen = [...selected].filter((id) => removable.has(id))
  const ownerText = (ownerId: string | null) =>
    ownerId === null ? 'Unclaimed: its person can claim it' : ownerId === identity.deviceId ? 'Your profile' : `${members.find((m) => m.id === ownerId)?.name ?? 'A member'}'s profile`
  const active = pairs.filter((p) => poolPairStatus(p) === 'active')
  const pending = pairs.filter((p) => poolPairStatus(p) === 'suggested')
  const partnerOf = new Map<string, string>()
  for (const p of active) {
    partnerOf.set(p.aProfileId, p.bName)
    partnerOf.set(p.bProfileId, p.aName)
  }
  const [filter, setFilter] = useState<PoolFilter>({ dept: '', maxZoneGap: null })
  const suggestions = useMemo(
    () => {
      const kept = applyPoolFilter(people, filter, Date.parse(`${today}T12:00:00Z`))
      return suggestPairs(
        kept.people.map((p) => ({ id: p.id, profile: p })),
        {
          excludePeople: notMatchable(people, active),
          excludePairs: [...pending.map((p) => [p.aProfileId, p.bProfileId] as const), ...kept.excludePairs],
          limit: SUGGESTIONS_SHOWN
        }
      ).map((s) => personFirst(s, identity.name))
    },
    // active and pending are derived from pairs
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [people, pairs, identity.name, filter, today]
  )
  const depts = departments(people)
  const keptForAll = useMemo(() => applyPoolFilter(people, filter, Date.parse(`${today}T12:00:00Z`)), [people, filter, today])

  const byId = new Map(pool.map((p) => [p.id, p as PoolProfile & { id: string }]))
  /** one of the two: the owner of one of the two profiles */
  const isOneOf = (aId: string, bId: string) => byId.get(aId)?.ownerId === identity.deviceId || byId.get(bId)?.ownerId === identity.deviceId
  const start = async (s: PairSuggestion) => {
    if (!program) return
    setBusy(true)
    try {
      const result = await startPair({ program, suggestion: s, profiles: byId, trackerBaseUrl: settings.trackerBaseUrl, me: identity })
      const mineId = byId.get(s.a.id)?.ownerId === identity.deviceId ? s.a.id : s.b.id
      setStarted({ ...result, sendTo: mineId === s.a.id ? s.b.name : s.a.name })
    } catch (err) {
      toast(`Could not start the pair: ${(err as Error).message}`, 'error')
    } finally {
      setBusy(false)
    }
  }
  const suggest = (s: PairSuggestion) => {
    if (!program) return
    suggestPoolPair(program, { aProfileId: s.a.id, bProfileId: s.b.id, aName: s.a.name, bName: s.b.name, by: identity.name })
    toast(`Suggested ${s.a.name} & ${s.b.name}: either of them can accept it here and start their pair.`)
  }
  const accept = (p: PoolPair & { id: string }) => {
    const found = explainPair(p.aProfileId, p.bProfileId, people.map((x) => ({ id: x.id, profile: x })))
    if (!found) return toast('One of the two is no longer in the pool.', 'error')
    void start(found)
  }
  const handOver = async (p: PoolPair & { id: string }) => {
    if (!p.spaceId) return
    try {
      await handOverPair(p.spaceId, identity)
      toast(`Handed over ${p.aName} & ${p.bName}: their journal is theirs alone, and this device's copy is deleted.`)
    } catch (err) {
      toast((err as Error).message, 'error')
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
        <div className="row suggestion-filters" role="group" aria-label="Filter suggestions">
          <label className="check-line">
            Department
            <select value={filter.dept} onChange={(e) => setFilter({ ...filter, dept: e.target.value })} aria-label="Department">
              <option value="">Everyone</option>
              {depts.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <label className="check-line">
            Time zones
            <select
              value={filter.maxZoneGap === null ? '' : String(filter.maxZoneGap)}
              onChange={(e) => setFilter({ ...filter, maxZoneGap: e.target.value === '' ? null : Number(e.target.value) })}
              aria-label="Time zones"
            >
              <option value="">Any distance</option>
              <option value="3">At most 3 hours apart</option>
              <option value="6">At most 6 hours apart</option>
            </select>
          </label>
        </div>
        <Suggestions
          suggestions={suggestions}
          actionFor={
            readOnly
              ? null
              : (s) => (isOneOf(s.a.id, s.b.id) ? { label: 'Start our pair', run: () => void start(s) } : { label: 'Suggest this pair', run: () => suggest(s) })
          }
          busy={busy}
          poolSize={people.length}
        />
      </section>

      <AssignmentPanel
        people={keptForAll.people}
        pairs={pairs}
        excludePairs={keptForAll.excludePairs}
        onSuggestAll={
          viewer.isAdmin && !readOnly
            ? (a) => {
                const n = suggestPoolPairs(program, a.pairs.map((s) => ({ aProfileId: s.a.id, bProfileId: s.b.id, aName: s.a.name, bName: s.b.name })), identity.name).length
                toast(`Suggested ${n} ${n === 1 ? 'pair' : 'pairs'}: in each, either of the two can accept it here and start their pair.`)
              }
            : null
        }
      />

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
                  onAvailability={readOnly || p.ownerId !== identity.deviceId ? null : (fields) => setAvailability(program, p.id, fields)}
                  onClaim={
                    readOnly || !canClaim(p, people, identity.deviceId)
                      ? null
                      : () => {
                          if (claimProfile(program, p.id, identity.deviceId)) toast(`${p.name} is now your profile: only you can edit it.`)
                          else toast('Someone claimed it first.', 'error')
                        }
                  }
                  notes={<ProfileNotes program={program} profile={p} notes={notesOf(profileNotes, p.id)} viewer={viewer} myName={identity.name} readOnly={readOnly} />}
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
          <h3 id="pairs-title">Pairs</h3>
          <p className="muted small">
            The program sees that a pair exists, its status and its dates — never its journal or its key: those stay with the two.
          </p>
          <ParticipationChart months={participationByMonth(pairs, today)} />
          <ProgramFeedback program={program} pairs={pairs} />
          <ul className="pair-list" aria-label="Pairs">
            {[...pairs]
              .filter((p) => poolPairStatus(p) !== 'declined')
              .sort((x, y) => (y.startedAt || y.suggestedAt || 0) - (x.startedAt || x.suggestedAt || 0))
              .map((p) => {
                const status = poolPairStatus(p)
                const oneOf = isOneOf(p.aProfileId, p.bProfileId)
                const dates = [
                  status === 'suggested' && p.suggestedAt ? `Suggested${p.suggestedBy ? ` by ${p.suggestedBy}` : ''} ${formatDay(localDate(p.suggestedAt))}` : '',
                  p.startedAt ? `Started ${formatDay(localDate(p.startedAt))}` : '',
                  status === 'active' ? (p.lastSessionOn ? `Last session ${formatDay(p.lastSessionOn)}` : 'No session yet') : '',
                  status === 'active' && p.nextSessionOn ? `${p.nextSessionOn < today ? 'Overdue since' : 'Next'} ${formatDay(p.nextSessionOn)}` : '',
                  p.endedAt ? `Ended ${formatDay(localDate(p.endedAt))}${p.endedWhy ? ` — “${p.endedWhy}”` : ''}` : ''
                ].filter(Boolean)
                return (
                  <li key={p.id} className="pair-row" aria-label={`${p.aName} & ${p.bName}`}>
                    <span className="card-title">
                      {p.aName} & {p.bName}
                    </span>
                    <span className="muted small">{dates.join(' · ')}</span>
                    <span className={`badge ${status === 'ended' ? 'ended' : ''}`}>{STATUS_LABEL[status]}</span>
                    <span className="row">
                      {status === 'suggested' && oneOf && !readOnly && (
                        <>
                          <button type="button" className="button primary small" disabled={busy} onClick={() => accept(p)}>
                            Accept and start
                          </button>
                          <button type="button" className="button ghost small" onClick={() => program && declinePoolPair(program, p.id)}>
                            Decline
                          </button>
                        </>
                      )}
                      {status === 'suggested' && !oneOf && (
                        <span className="muted small">
                          Waiting for {p.aName} or {p.bName}
                        </span>
                      )}
                      {p.spaceId && spacesHere.has(p.spaceId) && (
                        <Link href={`/space/${p.spaceId}/pair`} className="button small">
                          Open
                        </Link>
                      )}
                      {p.spaceId && spacesHere.has(p.spaceId) && !oneOf && !readOnly && (
                        <button type="button" className="button small" onClick={() => void handOver(p)}>
                          Hand over and leave
                        </button>
                      )}
                      {status === 'active' && p.spaceId && !spacesHere.has(p.spaceId) && <span className="muted small">Only the pair holds its journal</span>}
                    </span>
                  </li>
                )
              })}
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
