import { useEffect, useState } from 'react'

/** Date.now(), refreshed every `everyMs` while `active` (clocks, countdowns, "5 minutes ago"). */
export function useNow(everyMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const t = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(t)
  }, [everyMs, active])
  return now
}
