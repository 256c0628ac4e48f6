import { useSyncExternalStore } from 'react'
import { onReadOnly, readOnlyDocumentCount } from '@core/documents/index.ts'

/** Said once, at the top, when a document here was written by a newer version of Tandem. */
export function ReadOnlyNotice() {
  const count = useSyncExternalStore(onReadOnly, readOnlyDocumentCount)
  if (count === 0) return null
  return (
    <div className="alert info" role="status" aria-label="Newer version">
      <span>
        <strong>Someone uses a newer version of Tandem.</strong> Part of what you share was changed by it, so this
        version shows that part read-only to keep it intact. Update Tandem to edit it again.
      </span>
    </div>
  )
}
