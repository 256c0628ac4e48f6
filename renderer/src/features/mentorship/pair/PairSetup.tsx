import { useState, type FormEvent } from 'react'
import { pairSpaceName } from '@shared/mentorship/pairRecords.ts'
import { patchPairInfo } from '../store/pair.ts'
import { useSpace, useSpaceContent } from '@core/spaces/hooks.ts'
import { Field } from '@ui/ui.tsx'
import { localToday } from '@ui/today.ts'
import type { Pair } from './PairPage.tsx'

/** A pair space made by hand (not from a pool) first says who the two people are. */
export function PairSetup({ pair }: { pair: Pair }) {
  const content = useSpaceContent(useSpace(pair.spaceId))
  const others = content.members.filter((m) => m.id !== pair.identity.deviceId && !m.leftAt).map((m) => m.name)
  const [a, setA] = useState(pair.names[0] || pair.identity.name)
  const [b, setB] = useState(pair.names[1] || others[0] || '')
  const [error, setError] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!a.trim() || !b.trim()) return setError('Both names are needed: each of you mentors the other.')
    patchPairInfo(pair.journal, {
      title: pair.info.title || pairSpaceName(a, b),
      firstDiscussed: pair.info.firstDiscussed ?? localToday(),
      participants: [a.trim(), b.trim()].map((name) => ({ name, profileId: null, beAMentor: [], seekAMentor: [] }))
    })
  }
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="setup-title">
      <h3 id="setup-title">Who is in this pair?</h3>
      <p className="muted">Each of you mentors the other on something. You can also import an existing journal below.</p>
      <div className="form-grid two">
        <Field label="First person">
          <input value={a} onChange={(e) => setA(e.target.value)} />
        </Field>
        <Field label="Second person" error={error}>
          <input value={b} onChange={(e) => setB(e.target.value)} placeholder="Their name" />
        </Field>
      </div>
      <div className="row end">
        <button type="submit" className="button primary" disabled={pair.readOnly}>
          Save the pair
        </button>
      </div>
    </form>
  )
}
