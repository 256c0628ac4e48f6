import { appPathOfLink } from '../reminders/entry.ts'

/**
 * Where a tandem:// link goes in the app: `tandem://join/<code>` → the join screen with the code
 * filled in; `tandem://open/<path>` (a clicked reminder) → that meeting's page, if the path is an
 * in-app path (`appPathOfLink`). Anything else → null (ignored).
 */
export function routeOfLink(url: string): string | null {
  if (typeof url !== 'string' || url.length > 8192) return null
  const meeting = appPathOfLink(url)
  if (meeting) return meeting
  const join = /^tandem:\/\/join\/?([^\s]*)$/i.exec(url)
  return join ? `/join/${join[1] ?? ''}` : null
}
