import { useState } from 'react'
import { importProfiles, YAML_LIMITS, type ProfileFile, type ProfileImportProblem } from '@shared/mentorship/profileYaml.ts'
import { readTextFile } from '@ui/textFile.ts'
import { describePoolWrites, planPoolImport, type PoolWrite } from '@shared/mentorship/poolImport.ts'
import { newId } from '@shared/spaces/key.ts'
import { claimedNames } from '@shared/mentorship/poolOwnership.ts'
import { Dialog, Field } from '@ui/ui.tsx'

interface Outcome {
  summary: string | null
  errors: ProfileImportProblem[]
  warnings: ProfileImportProblem[]
  files: number
}

/**
 * YAML import in the program's format: one file or many at once, or pasted text. A file with any
 * problem imports nothing; each problem names the file and line.
 */
export function YamlImportDialog(props: {
  open: boolean
  onClose: () => void
  existing: readonly { id: string; name: string; ownerId: string | null }[]
  onImport: (writes: PoolWrite[]) => void
}) {
  return (
    <Dialog title="Import profiles from YAML" open={props.open} onClose={props.onClose} wide>
      <YamlImport {...props} />
    </Dialog>
  )
}

/** "1 of 3 files has problems and was not imported." */
function problemFiles(bad: number, total: number): string {
  if (total === 1) return 'The file has problems and was not imported.'
  return `${bad} of ${total} files ${bad === 1 ? 'has problems and was' : 'have problems and were'} not imported.`
}

function YamlImport({ existing, onImport, onClose }: Parameters<typeof YamlImportDialog>[0]) {
  const [pasted, setPasted] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const run = (files: ProfileFile[], unread: ProfileImportProblem[] = []) => {
    const result = importProfiles(files)
    const writes = planPoolImport(existing, result.profiles, newId)
    if (writes.length) onImport(writes)
    const errors = [...unread, ...result.errors]
    const claimed = claimedNames(existing, result.profiles.map((p) => p.profile.name)).map((name) => ({
      file: '',
      message: `${name} has claimed their profile: only they change it, so the import left it as it is.`
    }))
    setOutcome({ summary: writes.length ? describePoolWrites(writes) : null, errors, warnings: [...claimed, ...result.warnings], files: files.length + unread.length })
  }

  const chosen = async (list: FileList | null) => {
    if (!list || list.length === 0) return
    const read = await Promise.all([...list].map(async (file) => ({ name: file.name, read: await readTextFile(file, YAML_LIMITS.fileBytes) })))
    const notText = read.flatMap((f) => (f.read.ok ? [] : [{ file: f.name, message: f.read.reason }]))
    const files = read.flatMap((f) => (f.read.ok ? [{ name: f.name, text: f.read.text }] : []))
    if (files.length) run(files, notText)
    else setOutcome({ summary: null, errors: notText, warnings: [], files: read.length })
  }

  const badFiles = outcome ? new Set(outcome.errors.map((e) => e.file)).size : 0
  return (
    <div className="stack">
      <p>
        One profile per YAML document, in the program&apos;s format (<code>about</code>, <code>be_a_mentor</code>,{' '}
        <code>seek_a_mentor</code>); separate several with <code>---</code>. A file with a problem imports nothing, so you
        can fix it and import it again. People already in the pool are updated by name, unless they have claimed their profile.
        Imported profiles are unclaimed until their person claims them (“This is me”).
      </p>
      <pre className="yaml-sample" aria-label="Example profile">{`about:
  name: Ada Example
  dept: engg
  hobbies: ["Climbing"]
  favorite_resources: ["Measure What Matters"]
be_a_mentor: ["Rust services in production"]
seek_a_mentor: ["Frontend development with React and Redux"]`}</pre>
      <div className="row">
        <label className="button primary file-button">
          Choose YAML files…
          <input
            type="file"
            multiple
            accept=".yaml,.yml,text/yaml,application/x-yaml"
            aria-label="YAML files"
            className="visually-hidden"
            onChange={(e) => {
              void chosen(e.target.files)
              e.target.value = ''
            }}
          />
        </label>
        <span className="muted small">You can pick many files at once.</span>
      </div>
      <Field label="Or paste YAML">
        <textarea className="mono" rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
      </Field>
      <div className="row">
        <button type="button" className="button" disabled={!pasted.trim()} onClick={() => run([{ name: 'pasted YAML', text: pasted }])}>
          Import pasted YAML
        </button>
      </div>
      {outcome && (
        <div className="import-outcome" aria-label="Import result">
          <p role="status" className={outcome.summary ? 'ok-line' : 'muted'}>
            {outcome.summary ?? 'Nothing was imported.'}
            {badFiles > 0 && ` ${problemFiles(badFiles, outcome.files)}`}
          </p>
          {outcome.errors.length > 0 && (
            <div role="alert">
              <ul className="problems error" aria-label="Import errors">
                {outcome.errors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            </div>
          )}
          {outcome.warnings.length > 0 && (
            <ul className="problems warning" aria-label="Import warnings">
              {outcome.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="row end">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  )
}
