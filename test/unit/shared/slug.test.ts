import { describe, expect, it } from 'vitest'
import { slugify } from '@shared/text/slug.ts'

describe('file and id slugs', () => {
  it('keeps letters without their accents (regression: "Tomás" became "toma-s")', () => {
    expect(slugify('Tomás & Zoë', 'x')).toBe('tomas-zoe')
    expect(slugify('Ærøskøbing Sprint 12', 'x')).toBe('aeroskobing-sprint-12')
    expect(slugify('Łódź Straße', 'x')).toBe('lodz-strasse')
    expect(slugify('日本語チーム', 'team')).toBe('team')
    expect(slugify('--a--b--', 'x')).toBe('a-b')
    expect(slugify('a'.repeat(100), 'x', 10)).toBe('a'.repeat(10))
  })
})
