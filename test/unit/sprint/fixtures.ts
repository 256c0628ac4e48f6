import { Cadence, type CadenceInput, type SprintTeam } from '@shared/sprint/cadence.ts'

/** Sprint 1 starts Wednesday 2026-01-07 in Berlin: sprint n starts 14·(n-1) days later. */
export function berlinCadence(extra: Partial<CadenceInput> = {}): Cadence {
  return Cadence.parse({ firstSprintStart: '2026-01-07', timezone: 'Europe/Berlin', ...extra })
}

export const ALPHA: SprintTeam = { id: 'alpha', name: 'Alpha' }
export const NYC: SprintTeam = { id: 'nyc', name: 'Gotham', timezone: 'America/New_York' }

/**
 * Wall-clock reading of an instant in a zone through Intl (not luxon), as 'YYYY-MM-DD HH:mm': an
 * independent check of the zone arithmetic.
 */
export function wallClock(instant: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(new Date(instant))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '??'
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}
