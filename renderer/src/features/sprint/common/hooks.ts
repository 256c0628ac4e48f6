import { useNow } from '../../../app/useNow.ts'
import { todayIn } from '../../../../../shared/sprint/sprintDays.ts'
import { browserZone } from '../../../data/sprint/teamSprint.ts'

export { useNow }

/** The viewer's zone and today's date in it (refreshed every minute). */
export function useViewerDay(): { zone: string; today: string } {
  const now = useNow(60_000)
  const zone = browserZone()
  return { zone, today: todayIn(zone, now) }
}
