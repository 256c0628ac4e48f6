import type { RetroSettings } from '@shared/retro/orgShare.ts'
import { useLocalSpaces } from '../store/documents.ts'

/**
 * Whether the team shares its late tickets with an org: the org the team is linked to (sprint
 * settings), or one of the org spaces on this device. Copies are made on devices that have both.
 */
export function ShareWithOrg(props: {
  settings: RetroSettings
  save(patch: Partial<RetroSettings>): void
  linkedOrg: { spaceId: string; name: string | null; local: boolean } | null
  readOnly: boolean
}) {
  const { settings } = props
  const orgs = useLocalSpaces('org')
  const chosenId = settings.orgSpaceId ?? props.linkedOrg?.spaceId ?? ''
  const chosenName = orgs.find((o) => o.id === chosenId)?.name ?? (chosenId === props.linkedOrg?.spaceId ? props.linkedOrg?.name : null)
  const here = orgs.some((o) => o.id === chosenId)
  return (
    <section className="panel rt-share" aria-labelledby="rt-share-title">
      <h3 id="rt-share-title">Share with the org</h3>
      <label className="rt-check">
        <input
          type="checkbox"
          checked={settings.shareWithOrg}
          disabled={props.readOnly || !chosenId}
          onChange={(e) => props.save({ shareWithOrg: e.target.checked })}
        />
        <span>Share our late tickets and their reasons with {chosenName ?? 'the org'}, for its report across teams</span>
      </label>
      {!props.linkedOrg && (
        <label className="field inline">
          <span className="field-label">Org</span>
          <select
            aria-label="Org to share with"
            value={chosenId}
            disabled={props.readOnly || orgs.length === 0}
            onChange={(e) => props.save({ orgSpaceId: e.target.value || undefined })}
          >
            <option value="">{orgs.length ? 'Pick an org…' : 'No org space on this device'}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {settings.shareWithOrg && chosenId && !here && (
        <p className="muted small">The org space is not on this device: a teammate who has both spaces makes the copies.</p>
      )}
      {settings.shareWithOrg && here && <p className="muted small">Shared: the org’s Retro insights include this team.</p>}
    </section>
  )
}
