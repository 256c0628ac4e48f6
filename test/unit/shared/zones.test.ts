import { describe, expect, it } from 'vitest'
import { zoneSuggestions } from '@shared/time/zones.ts'

const ZONES = Intl.supportedValuesOf('timeZone')

describe('what time zone was meant', () => {
  it('finds the zone from a city as people write it', () => {
    expect(zoneSuggestions('New York', ZONES)[0]).toBe('America/New_York')
    expect(zoneSuggestions('berlin', ZONES)).toEqual(['Europe/Berlin'])
    expect(zoneSuggestions('europe/berlin', ZONES)).toEqual(['Europe/Berlin'])
  })

  it('offers near misses for a typo (regression: "Europe/Berlinn" silently became UTC)', () => {
    expect(zoneSuggestions('Europe/Berlinn', ZONES)).toContain('Europe/Berlin')
    expect(zoneSuggestions('Los Angelos', ZONES)).toContain('America/Los_Angeles')
  })

  it('offers nothing for nonsense, and stays bounded on long input', () => {
    expect(zoneSuggestions('Mars/Olympus', ZONES)).toEqual([])
    expect(zoneSuggestions('x', ZONES)).toEqual([])
    expect(zoneSuggestions('a'.repeat(100_000), ZONES).length).toBeLessThanOrEqual(5)
  })
})
