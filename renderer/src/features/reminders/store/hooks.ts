import { useMemo, useSyncExternalStore } from 'react'
import { groupsOf, spaceParts, type ReminderGroup } from './parts.ts'

/** The teams, orgs and pairs on this device that reminders can be muted for. */
export function useReminderGroups(): ReminderGroup[] {
  const parts = useSyncExternalStore(
    (f) => spaceParts.subscribe(f),
    () => spaceParts.list()
  )
  return useMemo(() => groupsOf(parts), [parts])
}
