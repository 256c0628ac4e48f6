import { useEffect, useState } from 'react'
import { todayIn } from '../../../../../shared/sprint/sprintDays.ts'
import { browserZone } from '../../../data/sprint/teamSprint.ts'

/** Date.now(), refreshed every `everyMs`. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(t)
  }, [everyMs])
  return now
}

/** The viewer's zone and today's date in it (refreshed every minute). */
export function useViewerDay(): { zone: string; today: string } {
  const now = useNow(60_000)
  const zone = browserZone()
  return { zone, today: todayIn(zone, now) }
}
