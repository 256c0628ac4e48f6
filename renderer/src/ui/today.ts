import { browserZone, todayIn } from '@shared/time/dates.ts'
import { useNow } from './useNow.ts'

/** This device's calendar date at an instant, "YYYY-MM-DD". */
export function localDate(atMs: number): string {
  return todayIn(browserZone(), atMs)
}

/** Today's date on this device, read once (event handlers, initial form values). */
export function localToday(): string {
  return localDate(Date.now())
}

/** The viewer's zone and today's date in it, for rendering: refreshed every minute, so it turns at midnight. */
export function useViewerDay(): { zone: string; today: string } {
  const now = useNow(60_000)
  const zone = browserZone()
  return { zone, today: todayIn(zone, now) }
}

/** Today's date on this device, for rendering (see useViewerDay). */
export function useToday(): string {
  return useViewerDay().today
}
