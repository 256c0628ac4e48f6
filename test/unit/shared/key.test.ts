import { describe, expect, it } from 'vitest'
import { base64urlnopad } from '@scure/base'
import { SPACE_KEY_BYTES, SPACE_KEY_LENGTH, isSpaceKey, newId, newSpaceKey } from '@shared/spaces/key.ts'

describe('newSpaceKey', () => {
  it('is 43 base64url characters that decode to 32 bytes', () => {
    const key = newSpaceKey()
    expect(SPACE_KEY_LENGTH).toBe(43)
    expect(key).toHaveLength(43)
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(base64urlnopad.decode(key)).toHaveLength(SPACE_KEY_BYTES)
    expect(SPACE_KEY_BYTES).toBe(32)
    expect(isSpaceKey(key)).toBe(true)
  })

  it('is unique across many calls', () => {
    const keys = new Set(Array.from({ length: 2000 }, newSpaceKey))
    expect(keys.size).toBe(2000)
  })
})

describe('isSpaceKey', () => {
  const key = newSpaceKey()

  it.each([
    ['empty', ''],
    ['one short', key.slice(0, 42)],
    ['one long', key + 'A'],
    ['standard base64 "+"', '+' + key.slice(1)],
    ['standard base64 "/"', '/' + key.slice(1)],
    ['padding', key.slice(0, 42) + '='],
    ['space', ' ' + key.slice(1)],
    ['non-ASCII', 'é' + key.slice(1)]
  ])('rejects %s', (_label, candidate) => {
    expect(isSpaceKey(candidate)).toBe(false)
  })
})

describe('newId', () => {
  it('is 22 base64url characters (128 bits)', () => {
    const id = newId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(base64urlnopad.decode(id)).toHaveLength(16)
  })

  it('is unique across many calls', () => {
    expect(new Set(Array.from({ length: 2000 }, newId)).size).toBe(2000)
  })
})
