import { cleanTrackerBaseUrl } from '@shared/tickets/tickets.ts'
import type { Program } from '../store/docs.ts'
import { setOrgTrackerBaseUrl } from '../store/pool.ts'
import { DraftText } from '@ui/DraftText.tsx'

export function validateTrackerUrl(value: string): string | null {
  const clean = cleanTrackerBaseUrl(value)
  return clean.ok ? null : clean.error
}

/** The org's work tracker: ticket keys in pairs' journals link to it; new pairs copy it. */
export function TrackerSetting({ program, value, readOnly }: { program: Program; value: string; readOnly: boolean }) {
  return (
    <section className="panel" aria-labelledby="tracker-title">
      <h3 id="tracker-title">Work tracker</h3>
      <label className="field">
        <span className="field-label">Tracker base URL</span>
        <DraftText
          label="Tracker base URL"
          type="url"
          value={value}
          readOnly={readOnly}
          placeholder="https://acme.atlassian.net/browse/"
          validate={validateTrackerUrl}
          onSave={(text) => setOrgTrackerBaseUrl(program, cleanTrackerBaseUrl(text).ok ? text.trim() : value)}
        />
        <span className="field-hint">Ticket keys such as ENG-8504 in a pair&apos;s journal link to this address + the key. New pairs copy it.</span>
      </label>
    </section>
  )
}
