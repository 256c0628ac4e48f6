import { formatRetryIn, saveFailureReason } from '@shared/storage/saveRetry.ts'
import { tryAgainNow, useUnsavedEdits } from '@core/documents/unsavedEdits.ts'
import { useNow } from '@ui/useNow.ts'

/** Stays on screen while any edit is only in memory (e.g. the disk is full); gone once all are saved. */
export function UnsavedEditsAlert() {
  const { docs, errorName, nextTryAt, saving } = useUnsavedEdits()
  if (docs === 0) return null
  return (
    <section className="unsaved-alert" role="alert" aria-labelledby="unsaved-title">
      <span className="unsaved-icon" aria-hidden="true">
        !
      </span>
      <div className="unsaved-text">
        <h2 id="unsaved-title">Your latest changes are not saved yet</h2>
        <p>{saveFailureReason(errorName)} They are still on screen and kept in memory: keep Tandem open.</p>
        <p>
          <strong>What to do:</strong> free up disk space on this computer, or export what you are working on, then choose
          Try again now.
        </p>
        {/* not announced: the alert itself was; a ticking countdown would only be noise */}
        <p className="unsaved-next" aria-live="off">
          {saving ? 'Saving…' : nextTryAt !== null ? <NextTry key={nextTryAt} at={nextTryAt} /> : 'Tandem has stopped trying by itself: choose Try again now once there is space.'}
        </p>
      </div>
      <button type="button" className="button primary" disabled={saving} onClick={() => void tryAgainNow()}>
        Try again now
      </button>
    </section>
  )
}

/** Keyed by `at`, so its clock starts fresh with each planned try. */
function NextTry({ at }: { at: number }) {
  const now = useNow(1000)
  return <>Tandem tries again by itself {formatRetryIn(at - now)}.</>
}
