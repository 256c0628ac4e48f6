import { useEffect, useId, useState, type FormEvent } from 'react'
import { deviceLink } from '@shared/backup/deviceCode.ts'
import { describeStorageUse, formatBytes, nearQuota } from '@shared/storage/usage.ts'
import { SPACE_KIND_LABELS } from '@shared/spaces/space.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { platform, type StorageReport } from '@core/platform/index.ts'
import { Field } from '@ui/ui.tsx'
import { copyText } from '@ui/files.ts'
import { toast } from '@ui/toasts.ts'
import { exportSpaces, openBackup, restoreBackup, type Progress, type RestoreReport } from './store/backup.ts'
import { offerDevice, type DeviceOffer } from './store/device.ts'
import { useSpaceChoices, useSpacesStorage, type SpaceStorage } from './store/storage.ts'
import { downloadBytes, readBackupFile } from './files.ts'
import { QrCode } from './QrCode.tsx'
import { ScheduledBackups } from './ScheduledBackups.tsx'

/** Your data, yours to keep (issue 14): export and restore, a second device, storage. */
export function BackupScreen({ identity }: { identity: IdentityRow }) {
  const [measured, setMeasured] = useState(0)
  return (
    <div className="page narrow">
      <header className="page-head">
        <h1>Backup &amp; devices</h1>
      </header>
      <ExportPanel identity={identity} />
      <RestorePanel identity={identity} onRestored={() => setMeasured((n) => n + 1)} />
      {platform.backupFolder && <ScheduledBackups folder={platform.backupFolder} />}
      <OtherDevicePanel identity={identity} />
      <StoragePanel identity={identity} again={measured} />
    </div>
  )
}

function ProgressLine({ progress, label }: { progress: Progress | null; label: string }) {
  if (!progress) return null
  return (
    <div className="backup-progress" role="status">
      <progress aria-label={label} max={Math.max(1, progress.total)} value={progress.done} />
      <span className="muted small">
        {progress.done} of {progress.total} documents · {progress.label}
      </span>
    </div>
  )
}

async function appVersion(): Promise<string> {
  try {
    return (await platform.appInfo()).version
  } catch {
    return 'unknown'
  }
}

function ExportPanel({ identity }: { identity: IdentityRow }) {
  const spaces = useSpaceChoices()
  const [spaceId, setSpaceId] = useState('')
  const [privateNotes, setPrivateNotes] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [progress, setProgress] = useState<Progress | null>(null)
  const [error, setError] = useState<string | null>(null)
  const chosen = spaceId || spaces?.[0]?.id || ''
  const busy = progress !== null

  const run = async (ids: string[]) => {
    setError(null)
    setProgress({ done: 0, total: 1, label: 'Starting' })
    try {
      const out = await exportSpaces({ spaceIds: ids, privateNotes, passphrase, app: await appVersion(), identity, onProgress: setProgress })
      downloadBytes(out.fileName, out.bytes)
      toast(`Saved ${out.fileName} (${formatBytes(out.bytes.length)}${passphrase ? ', protected with your passphrase' : ''}).`)
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The export failed.')
    } finally {
      setProgress(null)
    }
  }

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p className="muted">
        One file with everything of a space: each document whole (a restore merges it back), and the same content to read
        without Tandem — Markdown, CSV tables, a calendar (.ics) and JSON, with a README saying what each file is. The file
        holds the space&rsquo;s secret key: keep it private, or protect it with a passphrase.
      </p>
      {spaces && spaces.length === 0 && <p>There is no space on this device yet.</p>}
      {spaces && spaces.length > 0 && (
        <form
          className="stack"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault()
            void run([chosen])
          }}
        >
          <Field label="Space to export">
            <select value={chosen} onChange={(e) => setSpaceId(e.target.value)} disabled={busy}>
              {spaces.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({SPACE_KIND_LABELS[s.kind]}
                  {s.status === 'left' ? ', left' : ''})
                </option>
              ))}
            </select>
          </Field>
          <label className="check">
            <input type="checkbox" checked={privateNotes} onChange={(e) => setPrivateNotes(e.target.checked)} disabled={busy} />
            <span>Include my private notes (they never leave this device otherwise)</span>
          </label>
          <Field label="Passphrase (optional)" hint="Anyone with the file and the passphrase can read it. Tandem cannot recover a forgotten passphrase.">
            <input type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} disabled={busy} />
          </Field>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <ProgressLine progress={progress} label="Export progress" />
          <div className="row end">
            <button type="button" className="button" disabled={busy} onClick={() => void run(spaces.map((s) => s.id))}>
              Back up all {spaces.length} spaces
            </button>
            <button type="submit" className="button primary" disabled={busy || !chosen}>
              Export space
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

function RestorePanel({ identity, onRestored }: { identity: IdentityRow; onRestored: () => void }) {
  const fileId = useId()
  const [file, setFile] = useState<File | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const [needsPassphrase, setNeedsPassphrase] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [report, setReport] = useState<RestoreReport | null>(null)
  const busy = progress !== null

  const restore = async (e: FormEvent) => {
    e.preventDefault()
    if (!file) return setError('Choose a backup file (.tandem).')
    setError(null)
    setReport(null)
    setProgress({ done: 0, total: 1, label: 'Opening the file' })
    try {
      const read = await readBackupFile(file)
      if (!read.ok) return setError(read.error)
      const opened = await openBackup(read.bytes, passphrase)
      if (!opened.ok) {
        setNeedsPassphrase(opened.needsPassphrase || needsPassphrase)
        return setError(opened.error)
      }
      setReport(await restoreBackup(opened.backup, identity, setProgress))
      onRestored()
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The restore failed; nothing more was changed.')
    } finally {
      setProgress(null)
    }
  }

  return (
    <section className="panel" aria-labelledby="restore-title">
      <h2 id="restore-title">Restore</h2>
      <p className="muted">
        Brings spaces back from a backup, on this or any device: the same spaces (same id and key), merged with what this device
        and your peers already have — restoring twice, or an old backup over newer work, loses nothing.
      </p>
      <form className="stack" noValidate onSubmit={(e) => void restore(e)}>
        <div className="field">
          <label className="field-label" htmlFor={fileId}>
            Backup file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".tandem,application/zip,application/octet-stream"
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setNeedsPassphrase(false)
              setError(null)
              setReport(null)
            }}
          />
        </div>
        {needsPassphrase && (
          <Field label="Backup passphrase">
            <input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} disabled={busy} />
          </Field>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ProgressLine progress={progress} label="Restore progress" />
        <div className="row end">
          <button type="submit" className="button primary" disabled={busy || !file}>
            Restore
          </button>
        </div>
      </form>
      {report && <RestoreSummary report={report} />}
    </section>
  )
}

function RestoreSummary({ report }: { report: RestoreReport }) {
  return (
    <div className="restore-report" role="status" aria-label="Restore result">
      {report.becamePerson && <p>This device is {report.becamePerson} again, the person who made the backup.</p>}
      <ul>
        {report.spaces.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>:{' '}
            {s.error
              ? s.error
              : `${s.added ? 'restored' : 'merged'} — ${s.changedDocuments === 0 ? 'nothing new, this device already had all of it' : `${s.changedDocuments} of ${s.documents} documents brought something back`}${s.privateNotes ? `, ${s.privateNotes} private note${s.privateNotes === 1 ? '' : 's'}` : ''}.`}
          </li>
        ))}
      </ul>
      {(report.newerDocuments > 0 || report.newerFormat) && (
        <p className="alert info">
          Part of this backup was written by a newer version of Tandem: {report.newerDocuments || 'some'} document(s) open read-only until you
          update Tandem. Nothing in them was changed.
        </p>
      )}
    </div>
  )
}

function OtherDevicePanel({ identity }: { identity: IdentityRow }) {
  const [offer, setOffer] = useState<DeviceOffer | null>(null)
  const [busy, setBusy] = useState(false)
  const link = offer ? deviceLink(offer.code, platform.kind === 'web' ? window.location.href : null) : ''
  const make = async () => {
    setBusy(true)
    try {
      setOffer(await offerDevice(identity))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="panel" aria-labelledby="device-title">
      <h2 id="device-title">Add my other device</h2>
      <p className="muted">
        One link that brings you and all your spaces to another computer: it joins every space as you (your team sees one person on
        two devices) and syncs them from your peers. The link is sealed with a passphrase shown only here: type it on the other device.
      </p>
      {!offer && (
        <div className="row">
          <button type="button" className="button primary" disabled={busy} onClick={() => void make()}>
            {busy ? 'Sealing…' : 'Make a link for my other device'}
          </button>
        </div>
      )}
      {offer && (
        <div className="device-offer">
          <div className="stack">
            <Field label="Link for your other device" hint={`Carries ${offer.spaces} space${offer.spaces === 1 ? '' : 's'} and who you are; good until ${new Date(offer.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`}>
              <input className="mono" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            </Field>
            <div className="row">
              <button type="button" className="button" onClick={() => void copyText(link, 'Link')}>
                Copy link
              </button>
              <button type="button" className="button ghost" onClick={() => setOffer(null)}>
                Done
              </button>
            </div>
            <p>
              Passphrase to type on the other device: <strong className="passphrase">{offer.passphrase}</strong>
              <span className="sr-only"> (spelled out: {offer.passphrase.split('').join(' ')})</span>
            </p>
            <p className="muted small">Send the link privately, and never the passphrase the same way.</p>
          </div>
          <QrCode text={link} label="QR code to scan on your other device" />
        </div>
      )}
    </section>
  )
}

function StoragePanel({ identity, again }: { identity: IdentityRow; again: number }) {
  const spaces = useSpacesStorage(identity.deviceId, again)
  const [report, setReport] = useState<StorageReport | null | undefined>(platform.storage ? undefined : null)
  useEffect(() => {
    let live = true
    if (platform.storage) void platform.storage.report().then((r) => live && setReport(r))
    return () => {
      live = false
    }
  }, [again])
  const near = report ? nearQuota(report) : false
  return (
    <section className="panel" aria-labelledby="space-storage-title">
      <h2 id="space-storage-title">Storage per space</h2>
      {report && (
        <p>
          All of Tandem: {describeStorageUse(report)}.
        </p>
      )}
      {near && (
        <p className="alert error" role="alert">
          The browser&rsquo;s storage for Tandem is nearly full. Back up your spaces now, and free space on the disk or delete local
          copies you no longer need: when it is full, new edits cannot be saved.
        </p>
      )}
      {spaces === undefined && <p className="muted">Measuring…</p>}
      {spaces && spaces.length === 0 && <p className="muted">No space on this device yet.</p>}
      {spaces && spaces.length > 0 && (
        <ul className="storage-list" aria-label="Spaces on this device">
          {spaces.map((s) => (
            <SpaceStorageItem key={s.id} space={s} />
          ))}
        </ul>
      )}
    </section>
  )
}

function SpaceStorageItem({ space }: { space: SpaceStorage }) {
  const synced = space.lastSynced
  return (
    <li aria-label={`${space.name}, ${formatBytes(space.total)}`}>
      <div className="row storage-head">
        <strong>{space.name}</strong>
        <span className="muted">{SPACE_KIND_LABELS[space.kind]}{space.status === 'left' ? ' · left' : ''}</span>
        <span className="storage-size">{formatBytes(space.total)}</span>
      </div>
      <p className="muted small">
        {synced
          ? `Last synced ${new Date(synced.at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })} with ${synced.with.join(', ')}`
          : 'Not synced with anyone yet'}
      </p>
      <details>
        <summary>
          {space.documents.length} document{space.documents.length === 1 ? '' : 's'}
          <span className="sr-only"> of {space.name}</span>
        </summary>
        <ul className="storage-docs">
          {space.documents.map((d) => (
            <li key={d.key ?? ''}>
              <span>{d.key ?? 'space (members, settings, lists)'}</span>
              <span className="muted">{formatBytes(d.bytes)}</span>
            </li>
          ))}
          {space.privateNotesBytes > 0 && (
            <li>
              <span>private notes</span>
              <span className="muted">{formatBytes(space.privateNotesBytes)}</span>
            </li>
          )}
        </ul>
      </details>
    </li>
  )
}
