import { useEffect, useState } from 'react'
import { describeStorageUse } from '@shared/storage/usage.ts'
import type { SiteStorage, StorageReport } from '@core/platform/index.ts'

/** Web only: how much of the space the browser allows this site Tandem's data takes. */
export function StorageUsage({ storage }: { storage: SiteStorage }) {
  const [report, setReport] = useState<StorageReport | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    void storage.report().then((r) => live && setReport(r))
    return () => {
      live = false
    }
  }, [storage])
  return (
    <section className="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage on this computer</h2>
      {report === undefined && <p className="muted">Checking…</p>}
      {report === null && <p className="muted">This browser does not tell how much space Tandem uses.</p>}
      {report && (
        <div className="storage-use">
          <meter aria-label="Storage used" min={0} max={report.quota || 1} value={report.usage} />
          <p>{describeStorageUse(report)}</p>
          <p className="muted small">
            {report.persisted
              ? 'The browser keeps Tandem’s data until you clear it yourself.'
              : 'The browser may clear Tandem’s data when the disk is nearly full: export what matters to you.'}
          </p>
        </div>
      )}
    </section>
  )
}
