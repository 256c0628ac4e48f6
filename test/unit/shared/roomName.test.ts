import { describe, expect, it } from 'vitest'
import { roomNameFor } from '@shared/sync/roomName.ts'
import { newId } from '@shared/spaces/key.ts'

describe('roomNameFor', () => {
  it("is 'tandem-' followed by 64 lowercase hex characters", () => {
    expect(roomNameFor('space-1')).toMatch(/^tandem-[0-9a-f]{64}$/)
  })

  it('is deterministic', () => {
    const id = newId()
    expect(roomNameFor(id)).toBe(roomNameFor(id))
  })

  it('differs per document id, even for near-identical ids', () => {
    const names = new Set(['a', 'b', 'A', 'a ', 'space-1', 'space-2', 'space-10'].map(roomNameFor))
    expect(names.size).toBe(7)
  })

  it('never contains the document id', () => {
    for (let i = 0; i < 50; i++) {
      const id = newId()
      expect(roomNameFor(id)).not.toContain(id)
    }
    // nor an id made only of hex characters, which a hex digest could otherwise echo
    expect(roomNameFor('abc123')).not.toContain('abc123')
  })

  it('is not a plain sha256 of the id (domain-separated)', async () => {
    const { createHash } = await import('node:crypto')
    const plain = createHash('sha256').update('space-1').digest('hex')
    expect(roomNameFor('space-1')).not.toBe('tandem-' + plain)
  })

  it('throws on an empty id', () => {
    expect(() => roomNameFor('')).toThrow(/needs a document id/)
  })
})
