import { useEffect, useState } from 'react'
import type { DocLink } from './docLink.ts'
import { syncManager } from './syncManager.ts'

/**
 * A space's document by key ("sprint/12", "journal"), loaded and synced while the component
 * shows it. Null until loaded. Features pass the link to their data hooks and editor bindings.
 */
export function useSharedDoc(spaceId: string | null | undefined, key: string): DocLink | null {
  const [link, setLink] = useState<DocLink | null>(null)
  useEffect(() => {
    if (!spaceId) return
    let live = true
    let held = false
    void syncManager.retain(spaceId, key).then((l) => {
      held = true
      if (live) setLink(l)
      else syncManager.release(spaceId, key)
    })
    return () => {
      live = false
      setLink(null)
      if (held) syncManager.release(spaceId, key)
    }
  }, [spaceId, key])
  return link && link.docId === `${spaceId}/${key}` ? link : null
}
