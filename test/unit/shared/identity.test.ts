import { describe, expect, it } from 'vitest'
import { DISPLAY_NAME_MAX, Identity, MEMBER_COLORS, cleanDisplayName, colorFor, avatarColors, contrastRatio, initials, underWhite } from '@shared/identity/identity.ts'

describe('cleanDisplayName', () => {
  it('trims and collapses whitespace', () => {
    expect(cleanDisplayName('  Daria \n\t Petrova  ')).toEqual({ ok: true, name: 'Daria Petrova' })
  })

  it('refuses an empty or blank name', () => {
    for (const raw of ['', '   ', '\n\t']) {
      const result = cleanDisplayName(raw)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toBe('Tell your teammates what to call you.')
    }
  })

  it('accepts exactly the maximum length and refuses one more', () => {
    expect(cleanDisplayName('x'.repeat(DISPLAY_NAME_MAX))).toEqual({ ok: true, name: 'x'.repeat(DISPLAY_NAME_MAX) })
    const result = cleanDisplayName('x'.repeat(DISPLAY_NAME_MAX + 1))
    expect(result).toEqual({ ok: false, error: `Keep your name under ${DISPLAY_NAME_MAX} characters.` })
  })
})

describe('initials', () => {
  it.each([
    ['Daria Petrova', 'DP'],
    ['bruce', 'BR'],
    ['  ana  maria  de souza ', 'AS'],
    ['x', 'X'],
    ['', '?'],
    ['   ', '?']
  ])('%j → %s', (name, expected) => {
    expect(initials(name)).toBe(expected)
  })
})

describe('colorFor', () => {
  it('is stable for a seed and always one of the member colours', () => {
    for (const seed of ['device-1', 'device-2', '', 'ünïcødé', '🚀🚀']) {
      expect(colorFor(seed)).toBe(colorFor(seed))
      expect(MEMBER_COLORS).toContain(colorFor(seed))
    }
  })

  it('spreads seeds over several colours', () => {
    const used = new Set(Array.from({ length: 100 }, (_, i) => colorFor(`device-${i}`)))
    expect(used.size).toBeGreaterThan(5)
  })

  it('gives colours the Identity schema accepts', () => {
    for (const color of MEMBER_COLORS) {
      expect(Identity.safeParse({ deviceId: 'device-123', name: 'A', color }).success).toBe(true)
    }
    expect(Identity.safeParse({ deviceId: 'device-123', name: 'A', color: 'red' }).success).toBe(false)
  })
})

describe('avatarColors (initials on a member colour)', () => {
  it('reads at WCAG AA (4.5:1) on every member colour', () => {
    for (const color of MEMBER_COLORS) {
      const { background, text } = avatarColors(color)
      expect(contrastRatio(text, background), color).toBeGreaterThanOrEqual(4.5)
    }
  })
  it('keeps the colour where white or near-black reads well, darkens it only where neither does', () => {
    expect(avatarColors('#1971c2')).toEqual({ background: '#1971c2', text: '#ffffff' })
    expect(avatarColors('#66a80f')).toEqual({ background: '#66a80f', text: '#141a18' })
    const orange = avatarColors('#d9480f')
    expect(orange.text).toBe('#ffffff')
    expect(orange.background).not.toBe('#d9480f')
    expect(contrastRatio('#ffffff', orange.background)).toBeGreaterThanOrEqual(4.5)
  })
  it('gives a malformed colour a readable default', () => {
    expect(contrastRatio(avatarColors('red').text, avatarColors('red').background)).toBeGreaterThanOrEqual(4.5)
  })
  it('darkens any member colour under white name tags to 4.5:1, and leaves a dark one as it is', () => {
    for (const color of MEMBER_COLORS) expect(contrastRatio('#ffffff', underWhite(color)), color).toBeGreaterThanOrEqual(4.5)
    expect(underWhite('#1971c2')).toBe('#1971c2')
    expect(contrastRatio('#ffffff', underWhite('#ffff00'))).toBeGreaterThanOrEqual(4.5)
  })
  it('computes the contrast ratio of black on white as 21', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
  })
})
