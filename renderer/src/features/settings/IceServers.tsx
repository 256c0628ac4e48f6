import { useEffect, useRef, useState, type FormEvent } from 'react'
import {
  DEFAULT_STUN_URLS,
  ICE_LIMITS,
  parseStunUrls,
  parseTurnServer,
  type DeviceTurnServer,
  type ProbeVerdict,
  type TurnFieldErrors,
  type TurnServer
} from '@shared/sync/ice.ts'
import { saveSettings, useSettings } from '@core/device/settings.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { forgetSpaceTurn } from '@core/spaces/commands.ts'
import { toast } from '@ui/toasts.ts'
import { probeIceServers, PROBE_SECONDS } from './iceProbe.ts'

interface Draft {
  stunText: string
  turn: DeviceTurnServer[]
  relayOnly: boolean
}

interface Errors {
  stun?: string
  turn: TurnFieldErrors[]
  form?: string
}

const inline = { display: 'flex', gap: 8, alignItems: 'center', cursor: 'pointer' } as const
const box = { width: 'auto', margin: 0 } as const

/**
 * Settings → Connecting across networks: STUN and TURN servers, "relay only", and "Test
 * connectivity" (issue 13 #1). Rules in shared/sync/ice.ts; every space's connections follow the
 * saved settings (core/sync/syncManager.ts reconnects them).
 */
export function IceServers() {
  const settings = useSettings()
  const spaces = useSpaces()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Errors>({ turn: [] })
  const [testing, setTesting] = useState(false)
  const [verdict, setVerdict] = useState<ProbeVerdict | null>(null)
  /** the entry just added (its address gets the focus) */
  const [added, setAdded] = useState<number | null>(null)
  const addButton = useRef<HTMLButtonElement>(null)
  if (!settings) return null
  const value: Draft = draft ?? { stunText: settings.stunUrls.join('\n'), turn: settings.turnServers, relayOnly: settings.relayOnly }
  const edit = (change: Partial<Draft>) => setDraft({ ...value, ...change })
  const setTurn = (i: number, change: Partial<DeviceTurnServer>) => edit({ turn: value.turn.map((t, j) => (j === i ? { ...t, ...change } : t)) })
  const fromInvites = (spaces ?? []).filter((s) => s.status === 'active' && (s.turn?.length ?? 0) > 0)

  /** The form's servers, or each field's problem (nothing typed is lost: the draft stays). */
  const read = (): { stunUrls: string[]; turn: DeviceTurnServer[] } | null => {
    const stun = parseStunUrls(value.stunText)
    const turnErrors: TurnFieldErrors[] = []
    const turn: DeviceTurnServer[] = []
    value.turn.forEach((t, i) => {
      const parsed = parseTurnServer(t)
      if (parsed.ok) turn.push({ ...parsed.value, inInvites: t.inInvites })
      else turnErrors[i] = parsed.errors
    })
    const next: Errors = { turn: turnErrors }
    if (!stun.ok) next.stun = stun.error
    if (!stun.ok || turnErrors.length > 0) {
      next.form = 'Nothing was saved: correct the fields marked below.'
      setErrors(next)
      return null
    }
    setErrors({ turn: [] })
    return { stunUrls: stun.value, turn }
  }

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const servers = read()
    if (!servers) return
    await saveSettings({ stunUrls: servers.stunUrls, turnServers: servers.turn, relayOnly: value.relayOnly })
    setDraft(null)
    toast('Network settings saved. Every space reconnects with them now: peers drop for a moment and come back.')
  }

  const test = async () => {
    const servers = read()
    if (!servers) return
    setTesting(true)
    setVerdict(null)
    try {
      setVerdict(await probeIceServers(servers.stunUrls, [...servers.turn, ...fromInvites.flatMap((s) => s.turn ?? [])]))
    } finally {
      setTesting(false)
    }
  }

  const noTurn = value.turn.length === 0 && fromInvites.length === 0
  return (
    <section className="panel" aria-labelledby="ice-title">
      <h2 id="ice-title">Connecting across networks</h2>
      <p className="muted">
        Peers on different networks (home and office, two offices) find a way to each other through a STUN server; when a
        network does not let them, a TURN server relays their traffic. Either only sees encrypted traffic, never your
        content or keys.
      </p>
      <form onSubmit={(e) => void save(e)} className="stack" noValidate aria-label="Network settings">
        {errors.form && (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        )}
        <label className="field">
          <span className="field-label">STUN servers, one per line</span>
          <textarea
            className="mono"
            rows={3}
            value={value.stunText}
            spellCheck={false}
            aria-invalid={errors.stun ? true : undefined}
            aria-describedby="stun-hint"
            onChange={(e) => edit({ stunText: e.target.value })}
          />
          {errors.stun ? (
            <span className="field-error" role="alert" id="stun-hint">
              {errors.stun}
            </span>
          ) : (
            <span className="field-hint" id="stun-hint">
              Like stun:stun.example.org:3478. Empty: no STUN (only peers on the same network, or through TURN).
            </span>
          )}
        </label>
        <div className="row">
          <button type="button" className="button small" onClick={() => edit({ stunText: DEFAULT_STUN_URLS.join('\n') })}>
            Use the public STUN servers
          </button>
        </div>

        <fieldset className="stack">
          <legend className="field-label">TURN servers</legend>
          {value.turn.length === 0 && <p className="muted small">None. Your organization&apos;s IT or TURN provider gives you an address, a username and a credential.</p>}
          {value.turn.map((t, i) => (
            <TurnEntry
              key={i}
              n={i + 1}
              server={t}
              errors={errors.turn[i] ?? {}}
              focusOnMount={added === i}
              onChange={(change) => setTurn(i, change)}
              onRemove={() => {
                edit({ turn: value.turn.filter((_, j) => j !== i) })
                setErrors({ ...errors, turn: errors.turn.filter((_, j) => j !== i) })
                setAdded(null)
                // its button is gone: the keyboard goes on from "Add a TURN server"
                addButton.current?.focus()
              }}
            />
          ))}
          {value.turn.length < ICE_LIMITS.turnServers && (
            <div className="row">
              <button
                ref={addButton}
                type="button"
                className="button small"
                onClick={() => {
                  setAdded(value.turn.length)
                  edit({ turn: [...value.turn, { url: '', username: '', credential: '', inInvites: false }] })
                }}
              >
                Add a TURN server
              </button>
            </div>
          )}
        </fieldset>

        <div style={{ display: 'grid', gap: 4 }}>
          <label style={inline}>
            <input type="checkbox" style={box} checked={value.relayOnly} onChange={(e) => edit({ relayOnly: e.target.checked })} aria-describedby="relay-hint" />
            <span>Relay only: connect only through a TURN server</span>
          </label>
          <p className="field-hint" id="relay-hint" style={{ margin: 0 }}>
            For strict networks, or to keep your address from peers. Peers then connect only through TURN; STUN is not used.
            {value.relayOnly && noTurn && <strong> No TURN server yet: until one is added here or comes with an invite, no peer can connect.</strong>}
          </p>
        </div>

        <div className="row end">
          <button type="button" className="button" onClick={() => void test()} disabled={testing}>
            {testing ? 'Testing…' : 'Test connectivity'}
          </button>
          <button type="submit" className="button primary" disabled={draft === null}>
            Save network settings
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite" aria-label="Connectivity test result">
        {testing && <p className="muted">Gathering candidates from each server (at most {PROBE_SECONDS} s)…</p>}
        {verdict && <ProbeResult verdict={verdict} />}
      </div>

      {fromInvites.length > 0 && (
        <div>
          <h3 className="field-label">TURN servers from invites</h3>
          <p className="muted small">Each is used only for the space whose invite brought it, and put only into that space&apos;s invites.</p>
          <ul aria-label="TURN servers from invites" style={{ display: 'grid', gap: 6 }}>
            {fromInvites.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong>: {(s.turn ?? []).map((t, i) => (
                  <span key={`${t.url} ${t.username}`}>
                    {i > 0 && ', '}
                    <code>{t.url}</code> (user {t.username})
                  </span>
                ))}{' '}
                <button
                  type="button"
                  className="button small"
                  aria-label={`Stop using the TURN servers of ${s.name}`}
                  onClick={() =>
                    void forgetSpaceTurn(s.id).then(() => toast(`${s.name} no longer uses the TURN servers of its invite; its connections reconnect without them.`))
                  }
                >
                  Stop using
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

function TurnEntry(props: {
  n: number
  server: DeviceTurnServer
  errors: TurnFieldErrors
  focusOnMount: boolean
  onChange(change: Partial<DeviceTurnServer>): void
  onRemove(): void
}) {
  const { n, server, errors } = props
  const address = useRef<HTMLInputElement>(null)
  // a server just added: type its address at once
  const focusOnMount = useRef(props.focusOnMount)
  useEffect(() => {
    if (focusOnMount.current) address.current?.focus()
  }, [])
  const field = (name: keyof TurnServer, label: string, type: string, placeholder: string) => {
    const id = `turn-${n}-${name}`
    const error = errors[name]
    return (
      <label className="field grow">
        <span className="field-label">{label}</span>
        <input
          ref={name === 'url' ? address : undefined}
          type={type}
          className={name === 'url' ? 'mono' : undefined}
          value={server[name]}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-label={`TURN server ${n} ${label.toLowerCase()}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => props.onChange({ [name]: e.target.value })}
        />
        {error && (
          <span className="field-error" role="alert" id={`${id}-error`}>
            {error}
          </span>
        )}
      </label>
    )
  }
  return (
    <div className="stack" role="group" aria-labelledby={`turn-${n}-title`} style={{ gap: 8, borderLeft: '3px solid var(--line)', paddingLeft: 12 }}>
      <span className="field-label" id={`turn-${n}-title`}>
        TURN server {n}
      </span>
      {field('url', 'Address', 'text', 'turn:turn.example.org:3478')}
      <div className="row" style={{ alignItems: 'start' }}>
        {field('username', 'Username', 'text', '')}
        {field('credential', 'Credential', 'password', '')}
      </div>
      <div className="row">
        <label className="grow" style={inline}>
          <input type="checkbox" style={box} checked={server.inInvites} onChange={(e) => props.onChange({ inInvites: e.target.checked })} />
          <span>Put TURN server {n}, with its credential, in the invites I send</span>
        </label>
        <button type="button" className="button small" onClick={props.onRemove} aria-label={`Remove TURN server ${n}`}>
          Remove
        </button>
      </div>
    </div>
  )
}

function ProbeResult({ verdict }: { verdict: ProbeVerdict }) {
  return (
    // calm only when something beyond this network works and no configured server failed
    <div className={verdict.reach !== 'host' && verdict.reach !== 'none' && verdict.servers.every((s) => s.ok) ? 'alert info' : 'alert error'} style={{ display: 'block', marginBottom: 0 }}>
      <p style={{ margin: 0 }}>
        <strong>{verdict.headline}</strong>
      </p>
      {verdict.servers.length > 0 && (
        <ul aria-label="Each server" style={{ margin: '8px 0 0', paddingLeft: 18 }}>
          {verdict.servers.map((s, i) => (
            <li key={`${i} ${s.url}`}>
              <code>{s.url}</code> — {s.ok ? <strong>works.</strong> : <strong className="danger-text">failed.</strong>} {s.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
