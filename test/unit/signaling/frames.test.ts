import { describe, expect, it } from 'vitest'
import { readFrame, sealedKey, withClients, withinDepth } from '../../../electron/signaling/frames.ts'
import { sealed, sealedBytes } from './helpers.ts'

describe('withinDepth', () => {
  it('counts the nesting of objects and arrays, not brackets inside strings', () => {
    expect(withinDepth('{"a":[{"b":1}]}', 3)).toBe(true)
    expect(withinDepth('{"a":[{"b":1}]}', 2)).toBe(false)
    expect(withinDepth('{"a":"[[[[{{{{"}', 1)).toBe(true)
    expect(withinDepth('{"a":"\\"[[[[","b":"\\\\"}', 1)).toBe(true)
    expect(withinDepth('{"a":"\\\\",[[]]}', 1)).toBe(false)
    expect(withinDepth(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 8)).toBe(false)
  })
})

describe('readFrame', () => {
  const text = (s: string, isBinary = false) => readFrame(Buffer.from(s), isBinary, 4)

  it('reads an object with a string type and keeps its text', () => {
    const frame = '{"type":"publish","topic":"t","data":{"x":1.50}}'
    expect(text(frame)).toEqual({ ok: true, text: frame, message: { type: 'publish', topic: 't', data: { x: 1.5 } } })
  })

  it('refuses what is not a typed JSON object within the depth, without throwing', () => {
    for (const junk of ['', '{', 'null', '[]', '"x"', '7', '{"type":1}', '{"__proto__":{"type":"ping"}}', '{"type":"x","a":[[[[1]]]]}']) {
      expect(text(junk).ok).toBe(false)
    }
    expect(readFrame(Buffer.from([0x7b, 0xff, 0x7d]), true, 4)).toEqual({ ok: false, reason: 'a binary frame that is not UTF-8 text' })
    expect(text('{"type":"ping"}', true).ok).toBe(true)
    expect(readFrame([Buffer.from('{"type":'), Buffer.from('"ping"}')], false, 4).ok).toBe(true)
  })
})

describe('withClients', () => {
  it('splices the count before the closing brace, past trailing whitespace', () => {
    expect(withClients('{"type":"publish"}', 3)).toBe('{"type":"publish","clients":3}')
    expect(withClients('{"type":"publish" } \r\n\t', 1)).toBe('{"type":"publish" ,"clients":1}')
    expect(JSON.parse(withClients('{"type":"publish","clients":99}', 2))).toEqual({ type: 'publish', clients: 2 })
  })
})

describe('sealedKey', () => {
  const iv = Buffer.alloc(12, 7)
  const cipher = Buffer.alloc(40, 9)

  it('names a sealed message by its topic, IV and ciphertext', () => {
    const key = sealedKey('room', sealed({ iv, cipher }))
    expect(key).toMatch(/^[A-Za-z0-9+/]{22}$/)
    expect(sealedKey('room', sealed({ iv, cipher }))).toBe(key)
    expect(sealedKey('other', sealed({ iv, cipher }))).not.toBe(key)
    expect(sealedKey('room', sealed({ iv: Buffer.alloc(12, 8), cipher }))).not.toBe(key)
    expect(sealedKey('room', sealed({ iv, cipher: Buffer.alloc(40, 8) }))).not.toBe(key)
  })

  it('gives one name to every spelling a peer decodes the same way', () => {
    const key = sealedKey('room', sealed({ iv, cipher }))
    // over-long length prefixes (lib0 reads them)
    expect(sealedKey('room', sealed({ iv, cipher, lengthExtra: 3 }))).toBe(key)
    // base64 padding bits a decoder ignores: the last character before "=" differs
    const b64 = sealed({ iv, cipher: Buffer.alloc(42, 9) })
    expect(b64.endsWith('==')).toBe(true)
    const last = b64.charAt(b64.length - 3)
    const other = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    const variant = other[other.indexOf(last) ^ 1]!
    const spelt = `${b64.slice(0, -3)}${variant}==`
    expect(Buffer.from(spelt, 'base64')).toEqual(Buffer.from(b64, 'base64'))
    expect(sealedKey('room', spelt)).toBe(sealedKey('room', b64))
  })

  it('refuses what a peer could not decode as a sealed message', () => {
    const good = sealedBytes({ iv, cipher })
    for (const data of [
      '',
      'not base64',
      `${good.toString('base64')} `,
      good.toString('base64').replace(/=+$/, ''),
      good.subarray(0, good.length - 1).toString('base64'),
      Buffer.concat([good, Buffer.from([0])]).toString('base64'),
      sealed({ algorithm: 'AES-CBC', iv, cipher }),
      sealed({ iv: Buffer.alloc(0), cipher }),
      sealed({ iv, cipher: Buffer.alloc(15) }),
      sealed({ iv, cipher, lengthExtra: 6 }),
      Buffer.from([7, ...Buffer.from('AES-GCM'), 0xff, 0xff, 0xff, 0xff, 0x0f]).toString('base64')
    ]) {
      expect(sealedKey('room', data)).toBeNull()
    }
  })
})
