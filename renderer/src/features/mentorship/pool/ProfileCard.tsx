import type { ReactNode } from 'react'
import type { PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { Avatar } from '@ui/ui.tsx'

function Items({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <span className="muted small">{empty}</span>
  return (
    <ul className="chips">
      {items.map((item, i) => (
        <li key={i} className="chip">
          {item}
        </li>
      ))}
    </ul>
  )
}

/**
 * One person in the pool: what they can mentor on, what they seek, and a little about them. Edit is
 * offered only to whoever may edit it (its owner; the admin while unclaimed), "This is me" to a
 * member who owns no profile yet, and a checkbox to the admin for bulk removal.
 */
export function ProfileCard(props: {
  profile: PoolProfile & { id: string }
  color: string
  /** "Your profile", "Unclaimed", or the owner's member name */
  owner: string
  pairedWith: string | null
  onEdit: (() => void) | null
  /** the owner's own card: open to a new pair, how many at once */
  onAvailability: ((fields: { available?: boolean; capacity?: number }) => void) | null
  onClaim: (() => void) | null
  selected: boolean | null
  onSelect: (selected: boolean) => void
  /** comments and suggestions on it (ProfileNotes) */
  notes?: ReactNode
}) {
  const { profile } = props
  const about = [profile.dept, profile.timezone].filter(Boolean).join(' · ')
  return (
    <li className={`card profile-card ${props.selected ? 'selected' : ''}`} aria-label={profile.name}>
      <div className="profile-head">
        {props.selected !== null && (
          <input type="checkbox" className="profile-select" checked={props.selected} onChange={(e) => props.onSelect(e.target.checked)} aria-label={`Select ${profile.name}`} />
        )}
        <Avatar name={profile.name} color={props.color} size={38} />
        <div className="profile-who">
          <span className="card-title">{profile.name}</span>
          {about && <span className="muted small">{about}</span>}
          <span className="muted small owner-line">{props.owner}</span>
        </div>
        {props.onEdit && (
          <button type="button" className="button ghost small" onClick={props.onEdit} aria-label={`Edit ${profile.name}`}>
            Edit
          </button>
        )}
      </div>
      {props.onClaim && (
        <div className="row claim-row">
          <button type="button" className="button small" onClick={props.onClaim} aria-label={`This is me: claim ${profile.name}`}>
            This is me
          </button>
          <span className="muted small">Claim it: then only you can edit it.</span>
        </div>
      )}
      {props.pairedWith && <span className="badge paired">Paired with {props.pairedWith}</span>}
      {!profile.available && !props.onAvailability && <span className="badge">Not looking for a pair now</span>}
      {props.onAvailability && (
        <div className="row availability" role="group" aria-label="Your availability">
          <label className="check-line">
            <input type="checkbox" checked={profile.available} onChange={(e) => props.onAvailability?.({ available: e.target.checked })} />
            Open to a new pair
          </label>
          <label className="check-line">
            Pairs at once
            <select value={profile.capacity} onChange={(e) => props.onAvailability?.({ capacity: Number(e.target.value) })} aria-label="Pairs at once">
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <dl className="profile-lists">
        <dt>
          Be a mentor <abbr title="Be a mentor">BAM</abbr>
        </dt>
        <dd>
          <Items items={profile.beAMentor} empty="Nothing yet" />
        </dd>
        <dt>
          Seek a mentor <abbr title="Seek a mentor">SAM</abbr>
        </dt>
        <dd>
          <Items items={profile.seekAMentor} empty="Nothing yet" />
        </dd>
        {profile.hobbies.length > 0 && (
          <>
            <dt>Hobbies</dt>
            <dd>{profile.hobbies.join(', ')}</dd>
          </>
        )}
        {profile.favoriteResources.length > 0 && (
          <>
            <dt>Favourite resources</dt>
            <dd>{profile.favoriteResources.join(', ')}</dd>
          </>
        )}
      </dl>
      {profile.importedFrom && <span className="muted small">From {profile.importedFrom}</span>}
      {props.notes}
    </li>
  )
}
