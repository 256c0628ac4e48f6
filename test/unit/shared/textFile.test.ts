import { describe, expect, it } from 'vitest'
import { readTextFile } from '@ui/textFile.ts'

const file = (bytes: Uint8Array<ArrayBuffer> | string, name = 'journal.md') => Object.assign(new Blob([bytes]), { name })
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])

describe('reading a chosen file as text', () => {
  it('reads UTF-8 text, with or without a byte-order mark', async () => {
    expect(await readTextFile(file('# Zoë & Bruce\n'), 1000)).toEqual({ ok: true, text: '# Zoë & Bruce\n' })
    expect(await readTextFile(file(new Uint8Array([0xef, 0xbb, 0xbf, 0x23])), 1000)).toEqual({ ok: true, text: '#' })
  })

  it('refuses a PNG named .md by its content', async () => {
    const got = await readTextFile(file(PNG), 1000)
    expect(got).toEqual({ ok: false, reason: expect.stringMatching(/journal.md is not a text file/) })
  })

  it('refuses Latin-1 or other non-UTF-8 bytes, and files over the limit', async () => {
    expect((await readTextFile(file(new Uint8Array([0x41, 0xe9, 0x42])), 1000)).ok).toBe(false)
    expect(await readTextFile(file('x'.repeat(5000)), 1024)).toEqual({ ok: false, reason: expect.stringMatching(/too large/) })
  })
})
