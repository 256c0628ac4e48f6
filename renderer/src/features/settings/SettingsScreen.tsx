import { useEffect, useState, type FormEvent } from 'react'
import { parseSignalingUrls } from '@shared/settings/signaling.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { saveIdentity } from '@core/device/identity.ts'
import { saveSetting, useSettings } from '@core/device/settings.ts'
import { platform } from '@core/platform/index.ts'
import { IdentityForm } from '@features/identity/index.ts'
import { ReminderSettings } from '@features/reminders/index.ts'
import { Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'
import { LanSignaling } from './LanSignaling.tsx'
import { IceServers } from './IceServers.tsx'
import { StorageUsage } from './StorageUsage.tsx'
import { KeyProtection } from './KeyProtection.tsx'

export function SettingsScreen({ identity }: { identity: IdentityRow }) {
  const [version, setVersion] = useState('')
  useEffect(() => {
    void platform.appInfo().then((i) => setVersion(`${i.version} (${i.platform})`))
  }, [])
  return (
    <div className="page narrow">
      <header className="page-head">
        <h1>Settings</h1>
      </header>
      <section className="panel" aria-labelledby="you-title">
        <h2 id="you-title">You</h2>
        <IdentityForm
          initialName={identity.name}
          initialColor={identity.color}
          submitLabel="Save"
          onSubmit={async (n, c) => {
            await saveIdentity(n, c)
            toast('Saved. Your spaces show the new name.')
          }}
        />
      </section>
      <ReminderSettings />
      <SignalingSettings />
      <IceServers />
      {platform.hostSignaling && <LanSignaling host={platform.hostSignaling} />}
      {platform.storage && <StorageUsage storage={platform.storage} />}
      <KeyProtection />
      <section className="panel" aria-labelledby="backup-title">
        <h2 id="backup-title">Backup &amp; devices</h2>
        <p className="muted">Export a space or all of them to a file, restore one, add your other device, see what each space takes.</p>
        <div className="row">
          <a className="button" href="#/backup">
            Open backup &amp; devices
          </a>
        </div>
      </section>
      <p className="muted small">Tandem {version}</p>
    </div>
  )
}

function SignalingSettings() {
  const settings = useSettings()
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const value = text ?? settings?.signalingUrls.join('\n') ?? ''

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = parseSignalingUrls(value)
    if (!parsed.ok) return setError(parsed.error)
    setError(null)
    await saveSetting('signalingUrls', parsed.urls)
    setText(null)
    toast(parsed.urls.length ? 'Signaling servers saved.' : 'No signaling server: spaces stay on this device until you add one.')
  }

  return (
    <section className="panel" aria-labelledby="signal-title">
      <h2 id="signal-title">Signaling servers</h2>
      <p className="muted">
        Peers find each other through a signaling server, then talk directly. The server sees neither your content nor your
        keys. Run one with <code>npm run signal</code> or host one from the desktop app.
      </p>
      <form onSubmit={(e) => void save(e)} className="stack" noValidate>
        <Field label="Servers, one per line" error={error}>
          <textarea className="mono" rows={3} value={value} spellCheck={false} onChange={(e) => setText(e.target.value)} />
        </Field>
        <div className="row end">
          <button type="submit" className="button primary" disabled={text === null}>
            Save servers
          </button>
        </div>
      </form>
    </section>
  )
}
