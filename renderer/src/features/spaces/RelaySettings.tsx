import { useState, type FormEvent } from 'react'
import type { SpaceRow } from '@core/database/db.ts'
import { setSpaceRelays, useSpaceRelayState, useSpaceRelays } from '@core/sync/relaySpace.ts'
import { checkRelayUrl, RELAY_URLS_MAX } from '@shared/relay/urls.ts'
import { Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'

const STATE_TEXT = {
  connecting: 'Relay: connecting…',
  'catching-up': 'Relay: fetching what was missed…',
  synced: 'Relay: up to date',
  sending: 'Relay: sending your edits…',
  offline: 'Relay: not reachable, trying again',
  refused: 'Relay: refused — this relay holds this space under another key'
} as const

/** Parses the relay field: one address per line, each ws:// or wss://, at most RELAY_URLS_MAX. */
function parseRelays(text: string): { ok: true; urls: string[] } | { ok: false; error: string } {
  const urls: string[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const r = checkRelayUrl(line)
    if (!r.ok) return { ok: false, error: r.error }
    if (!urls.includes(r.url)) urls.push(r.url)
  }
  if (urls.length > RELAY_URLS_MAX) return { ok: false, error: `At most ${RELAY_URLS_MAX} relay addresses.` }
  return { ok: true, urls }
}

/**
 * The space's relays (issue 13 #2): every member's documents also sync through them, sealed with
 * the space's key, so members who are never online at the same moment still get each other's edits.
 */
export function RelaySettings({ space }: { space: SpaceRow }) {
  const relays = useSpaceRelays(space.id)
  const status = useSpaceRelayState(space.id)
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (relays === null) return null
  const left = space.status === 'left'
  const value = text ?? relays.join('\n')

  const save = (e: FormEvent) => {
    e.preventDefault()
    const parsed = parseRelays(value)
    if (!parsed.ok) return setError(parsed.error)
    setError(null)
    setSpaceRelays(space.id, parsed.urls)
    setText(null)
    toast(parsed.urls.length ? 'Relay saved for every member of this space.' : 'No relay: members sync only while online together.')
  }

  return (
    <section className="panel" aria-labelledby="relay-title">
      <h2 id="relay-title">Relay</h2>
      <p className="muted">
        A relay keeps this space&apos;s edits for members who are not online at the same time. Everything is sealed with the
        space&apos;s key before it leaves this device: the relay stores only ciphertext and cannot read it. Run one with{' '}
        <code>npm run server</code>. Invites carry these addresses.
      </p>
      <form onSubmit={save} className="stack" noValidate>
        <Field label="Relay addresses, one per line" hint="wss://relay.example.org (ws:// on your own network)" error={error}>
          <textarea className="mono" rows={2} value={value} spellCheck={false} readOnly={left} onChange={(e) => setText(e.target.value)} />
        </Field>
        <div className="row end">
          {relays.length > 0 && (
            <span className="muted small" role="status" data-relay-state={status?.state ?? 'connecting'}>
              {STATE_TEXT[status?.state ?? 'connecting']}
            </span>
          )}
          <button type="submit" className="button" disabled={left || text === null}>
            Save relay
          </button>
        </div>
      </form>
    </section>
  )
}
