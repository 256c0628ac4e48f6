import { describe, expect, it } from 'vitest'
import { isBoxPublicKey, MAX_BOX_LENGTH, newBoxKeyPair, openBox, sealTo } from '@shared/spaces/seal.ts'

describe('sealed boxes (shared/spaces/seal.ts)', () => {
  it('opens only for the recipient and only in the context it was sealed for', () => {
    const bruce = newBoxKeyPair()
    const box = sealTo(bruce.publicKey, 'tandem2.team.secret', 'ctx-1')
    expect(box.startsWith('sb1.')).toBe(true)
    expect(box).not.toContain('secret')
    expect(openBox(bruce, box, 'ctx-1')).toBe('tandem2.team.secret')
    expect(openBox(newBoxKeyPair(), box, 'ctx-1')).toBeNull()
    expect(openBox(bruce, box, 'ctx-2')).toBeNull()
    // two seals of the same text differ (fresh ephemeral key and nonce)
    expect(sealTo(bruce.publicKey, 'x', 'c')).not.toBe(sealTo(bruce.publicKey, 'x', 'c'))
  })

  it('refuses damaged and malformed boxes without throwing', () => {
    const bruce = newBoxKeyPair()
    const box = sealTo(bruce.publicKey, 'hello', 'c')
    const flipped = box.slice(0, -3) + (box.at(-3) === 'A' ? 'B' : 'A') + box.slice(-2)
    for (const bad of [flipped, 'sb1.', 'sb1.!!', 'sb2.' + box.slice(4), 'x'.repeat(MAX_BOX_LENGTH + 1), 42, null, undefined, {}]) {
      expect(openBox(bruce, bad, 'c')).toBeNull()
    }
    expect(() => sealTo('not a key', 'x', 'c')).toThrow()
    expect(isBoxPublicKey(bruce.publicKey)).toBe(true)
    expect(isBoxPublicKey(bruce.publicKey.slice(1))).toBe(false)
  })
})
