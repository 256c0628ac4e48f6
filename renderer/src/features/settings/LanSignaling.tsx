import { useState } from 'react'
import type { Platform } from '@core/platform/index.ts'

/** Desktop only: host the bundled signaling server so colleagues on the LAN can connect. */
export function LanSignaling({ host }: { host: NonNullable<Platform['hostSignaling']> }) {
  const [state, setState] = useState<{ running: boolean; urls: string[]; error?: string | undefined }>({ running: false, urls: [] })
  const [port, setPort] = useState(4444)
  const toggle = async () => setState(await host(!state.running, port))
  return (
    <section className="panel" aria-labelledby="lan-title">
      <h2 id="lan-title">Host for your network</h2>
      <p className="muted">Run a signaling server on this computer while Tandem is open, for colleagues on the same network.</p>
      <div className="row">
        <label className="field inline">
          <span className="field-label">Port</span>
          <input type="number" min={1024} max={65535} value={port} onChange={(e) => setPort(Number(e.target.value))} disabled={state.running} />
        </label>
        <button type="button" className="button" onClick={() => void toggle()}>
          {state.running ? 'Stop hosting' : 'Start hosting'}
        </button>
      </div>
      {state.error && (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      )}
      {state.running && (
        <p>
          Colleagues add one of these in their settings: <code>{state.urls.join(', ')}</code>
        </p>
      )}
    </section>
  )
}
