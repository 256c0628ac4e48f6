import { useState } from 'react'
import { endPairing } from '../store/pairing.ts'
import { Dialog } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'
import type { Pair } from './PairPage.tsx'

/** Either person can end the pairing at any time, with no hard feelings; the journal stays. */
export function EndPairing({ pair }: { pair: Pair }) {
  const [open, setOpen] = useState(false)
  const [why, setWhy] = useState('')
  if (pair.readOnly) return null
  const end = async () => {
    const ended = endPairing(pair.journal, pair.identity.name, why)
    setOpen(false)
    toast('The pairing has ended. Its journal stays here, with a short feedback form for each of you.')
    await ended
  }
  return (
    <section className="end-pairing" aria-label="End pairing">
      <button type="button" className="button ghost danger-text" onClick={() => setOpen(true)}>
        End pairing…
      </button>
      <Dialog title="End this pairing?" open={open} onClose={() => setOpen(false)}>
        <p>
          Pairs end for all kinds of reasons — a new role, a busy quarter, or simply having learned what you came for. No one
          needs to explain.
        </p>
        <p>
          Nothing is deleted: the journal, directions, OKRs and notes stay readable for both of you, and you can pick the
          pairing up again later.
        </p>
        <label className="field">
          <span className="field-label">Why, for the program (optional)</span>
          <input type="text" value={why} maxLength={300} onChange={(e) => setWhy(e.target.value)} placeholder="Leave empty to keep it between you" />
          <span className="field-hint">Only this line and the date go to the org; nothing of your journal does.</span>
        </label>
        <div className="row end">
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Keep going
          </button>
          <button type="button" className="button danger" onClick={() => void end()}>
            End pairing
          </button>
        </div>
      </Dialog>
    </section>
  )
}
