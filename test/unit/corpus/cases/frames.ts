import assert from 'node:assert/strict'
import { kase, type CorpusCase, type FrameInput } from '../harness.ts'

/** What a client may send the signaling server (electron/signaling/frames.ts `readFrame`, depth 8). */
const text = (data: string): FrameInput => ({ data })
const nestedArrays = (n: number) => '['.repeat(n) + ']'.repeat(n)
const typed = (type: string) => (v: { type: string }) => assert.equal(v.type, type)

export const frameCases: CorpusCase[] = [
  kase('signalingFrame', 'an honest subscribe', text('{"type":"subscribe","topics":["tandem-abc"]}'), 'value', typed('subscribe')),
  kase('signalingFrame', 'an honest publish', text('{"type":"publish","topic":"tandem-abc","data":{"type":"announce","from":"x"}}'), 'value', typed('publish')),
  kase('signalingFrame', 'a ping', text('{"type":"ping"}'), 'value', typed('ping')),
  kase('signalingFrame', 'empty', text(''), 'refused'),
  kase('signalingFrame', 'not JSON', text('hello'), 'refused'),
  kase('signalingFrame', 'truncated JSON', text('{"type":"publish","topic":"a","data":{'), 'refused'),
  kase('signalingFrame', 'JSON null', text('null'), 'refused'),
  kase('signalingFrame', 'a JSON array', text('[{"type":"ping"}]'), 'refused'),
  kase('signalingFrame', 'a JSON string', text('"ping"'), 'refused'),
  kase('signalingFrame', 'a number type', text('{"type":1}'), 'refused'),
  kase('signalingFrame', 'no type', text('{"topics":["a"]}'), 'refused'),
  kase('signalingFrame', 'arrays nested 10 000 deep (10 KB)', text(`{"type":"publish","data":${nestedArrays(10_000)}}`), 'refused'),
  kase('signalingFrame', 'objects nested 9 deep', text('{"type":"publish","data":' + '{"a":'.repeat(8) + '1' + '}'.repeat(8) + '}'), 'refused'),
  kase('signalingFrame', 'brackets inside strings do not count as depth', text(`{"type":"publish","data":"${'['.repeat(10_000)}"}`), 'value', typed('publish')),
  kase('signalingFrame', 'escaped quotes inside strings', text('{"type":"publish","data":"\\"[[[[[[[[[[\\""}'), 'value', typed('publish')),
  kase('signalingFrame', 'a __proto__ key', text('{"type":"subscribe","__proto__":{"topics":["all"]},"topics":[]}'), 'value', (v: Record<string, unknown>) => {
    assert.deepEqual(v.topics, [])
    assert.equal(({} as Record<string, unknown>).topics, undefined)
  }),
  kase('signalingFrame', 'a binary frame of UTF-8 JSON', { data: new TextEncoder().encode('{"type":"ping"}'), binary: true }, 'value', typed('ping')),
  kase('signalingFrame', 'a binary frame that is not UTF-8', { data: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]), binary: true }, 'refused'),
  kase('signalingFrame', 'a frame in fragments', { data: ['{"type":', '"ping"}'] }, 'value', typed('ping')),
  kase('signalingFrame', 'a BOM before the JSON', text('\uFEFF{"type":"ping"}'), 'refused'),
  kase('signalingFrame', '1 MB of whitespace', text(' '.repeat(1024 * 1024)), 'refused'),
  kase('signalingFrame', 'a 1 MB string value', text(`{"type":"publish","topic":"a","data":"${'x'.repeat(1024 * 1024)}"}`), 'value', typed('publish')),
  kase('signalingFrame', 'unbalanced closing brackets', text('{"type":"ping"}' + ']]]]]]]]]]]]'), 'refused'),
  kase('signalingFrame', 'a duplicate type key', text('{"type":"ping","type":{"x":1}}'), 'refused'),
  kase('signalingFrame', 'lone surrogates in JSON escapes', text('{"type":"\\ud800"}'), 'value')
]
