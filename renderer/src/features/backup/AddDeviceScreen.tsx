import { useState, type FormEvent } from 'react'
import { useLocation } from 'wouter'
import { checkDeviceCode } from '@shared/backup/deviceCode.ts'
import { Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'
import { acceptDevice } from './store/device.ts'

/**
 * The second device's side of "Add my other device": the link (or code) from the first device and
 * the passphrase it shows. Works before this device has an identity (it becomes that person).
 */
export function AddDeviceScreen({ code: initialCode, firstRun }: { code: string; firstRun: boolean }) {
  const [, navigate] = useLocation()
  const [code, setCode] = useState(() => safeDecode(initialCode))
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const checked = checkDeviceCode(code)
    if (!checked.ok) return setError(checked.error)
    if (!passphrase.trim()) return setError('Type the passphrase your other device shows.')
    setBusy(true)
    setError(null)
    try {
      const result = await acceptDevice(checked.code, passphrase)
      if (!result.ok) return setError(result.error)
      const r = result.report
      toast(
        `This device is now ${r.name}: ${r.joined} space${r.joined === 1 ? '' : 's'} joined${r.already ? `, ${r.already} already here` : ''}. They sync from your peers.` +
          (r.refused.length ? ` Not joined (another space with the same id is here): ${r.refused.join(', ')}.` : '')
      )
      navigate('/')
    } finally {
      setBusy(false)
    }
  }

  const form = (
    <form className="stack" noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Link or code from your other device">
        <textarea className="mono" rows={3} value={code} spellCheck={false} onChange={(e) => {
            setCode(e.target.value)
            setError(null)
          }} disabled={busy} />
      </Field>
      <Field label="Passphrase your other device shows" hint="10 characters, like K7QM2-XD9PA.">
        <input value={passphrase} autoComplete="off" spellCheck={false} onChange={(e) => {
            setPassphrase(e.target.value)
            setError(null)
          }} disabled={busy} />
      </Field>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        {firstRun && (
          <a className="button ghost" href="#/">
            Back
          </a>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Opening…' : 'Add this device'}
        </button>
      </div>
    </form>
  )
  const intro = (
    <p className="lead">
      On your other device, open <strong>Backup &amp; devices → Add my other device</strong>. Paste its link here and type the
      passphrase it shows: this device becomes you, joins all your spaces and syncs them.
    </p>
  )
  if (firstRun) {
    return (
      <main className="first-run">
        <section className="first-run-card" aria-labelledby="add-device-title">
          <h1 id="add-device-title">Add this device</h1>
          {intro}
          {form}
        </section>
      </main>
    )
  }
  return (
    <div className="page narrow">
      <header className="page-head">
        <h1>Add this device</h1>
      </header>
      <section className="panel" aria-label="Link from your other device">
        {intro}
        {form}
      </section>
    </div>
  )
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
