import { describe, expect, it } from 'vitest'
import { SPACE_NAME_MAX, cleanSpaceName } from '@shared/spaces/space.ts'

describe('cleanSpaceName', () => {
  it('trims and collapses whitespace', () => {
    expect(cleanSpaceName('  Platform \n  team\t')).toEqual({ ok: true, name: 'Platform team' })
  })

  it('keeps unicode and punctuation', () => {
    expect(cleanSpaceName('🚀 v1.2 — Équipe')).toEqual({ ok: true, name: '🚀 v1.2 — Équipe' })
  })

  it('refuses an empty name', () => {
    expect(cleanSpaceName(' \n ')).toEqual({ ok: false, error: 'Give the space a name.' })
  })

  it('accepts the maximum length and refuses one more', () => {
    expect(cleanSpaceName('n'.repeat(SPACE_NAME_MAX)).ok).toBe(true)
    expect(cleanSpaceName('n'.repeat(SPACE_NAME_MAX + 1))).toEqual({ ok: false, error: `Keep the name under ${SPACE_NAME_MAX} characters.` })
  })

  it('measures the length after collapsing whitespace', () => {
    const padded = '  ' + 'n'.repeat(SPACE_NAME_MAX - 2) + '    ' + 'n' + '   '
    expect(cleanSpaceName(padded)).toEqual({ ok: true, name: 'n'.repeat(SPACE_NAME_MAX - 2) + ' n' })
  })
})
