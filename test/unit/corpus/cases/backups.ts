import assert from 'node:assert/strict'
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import * as Y from 'yjs'
import { buildArchive, type ReadBackup } from '@shared/backup/archive.ts'
import { DEVICE_CODE_PREFIX } from '@shared/backup/deviceCode.ts'
import { kase, type CorpusCase } from '../harness.ts'

/**
 * Backup files as restore reads them (shared/backup/archive.ts readArchive, after the passphrase
 * if any), and device codes as pasted (shared/backup/deviceCode.ts checkDeviceCode: the shape,
 * before the slow passphrase check — sealing is covered in test/unit/backup). Damaged, truncated,
 * forged or oversized: refused with a message, nothing restored.
 */
const SPACE_ID = 'Vq3xYb2c9D0eF1gH2iJ3kA'
const KEY = 'A'.repeat(42) + 'E'

function stateWith(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('meta').set('name', text)
  doc.getMap('cards::c1').set('text', 'a card')
  return Y.encodeStateAsUpdate(doc)
}

let honestBytes: Uint8Array | null = null
function honest(): Uint8Array {
  honestBytes ??= buildArchive({
    app: '0.1.0',
    createdAt: Date.UTC(2026, 10, 29),
    identity: { id: 'device-aaaaaaaa', name: 'Ada', color: '#3366cc' },
    spaces: [
      {
        id: SPACE_ID,
        kind: 'team',
        name: 'Platform',
        key: KEY,
        status: 'active',
        documents: [
          { key: null, state: stateWith('Platform'), layout: 1 },
          { key: 'sprint/3', state: stateWith('board'), layout: 2 }
        ],
        readable: [{ path: 'space.json', text: '{}', what: 'json' }],
        privateNotes: [{ id: 'n1', topic: 'pair', text: 'mine', updatedAt: 1 }]
      }
    ]
  })
  return honestBytes
}

/** The honest archive's files, changed by `edit`, zipped again. */
function rezip(edit: (files: Record<string, Uint8Array>, manifest: Record<string, unknown>) => void): () => Uint8Array {
  return () => {
    const files = unzipSync(honest())
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>
    edit(files, manifest)
    files['manifest.json'] = strToU8(JSON.stringify(manifest))
    return zipSync(files as Zippable)
  }
}
const spaceOf = (m: Record<string, unknown>) => (m.spaces as Record<string, unknown>[])[0]!
const docsOf = (m: Record<string, unknown>) => spaceOf(m).documents as Record<string, unknown>[]

const cut = (fraction: number) => () => honest().slice(0, Math.floor(honest().length * fraction))

/** The central directory says an entry inflates to almost 4 GB (a zip bomb's claim). */
function hugeClaim(): Uint8Array {
  const bytes = honest().slice()
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02) {
      new DataView(bytes.buffer).setUint32(i + 24, 0xfffffff0, true)
      return bytes
    }
  }
  throw new Error('no central directory')
}

function manyEntries(): Uint8Array {
  const files: Zippable = { 'manifest.json': strToU8('{}') }
  for (let i = 0; i < 20_010; i++) files[`x/${i}.yjs`] = new Uint8Array(0)
  return zipSync(files, { level: 0 })
}

const restored = (check: (b: ReadBackup) => void) => (v: ReadBackup) => check(v)

export const backupCases: CorpusCase[] = [
  kase('backupArchive', 'the honest archive', honest, 'value', restored((b) => {
    assert.equal(b.spaces.length, 1)
    assert.equal(b.spaces[0]!.documents.length, 2)
    assert.equal(b.spaces[0]!.privateNotes?.length, 1)
    assert.equal(b.identity?.name, 'Ada')
    assert.equal(b.newerFormat, false)
  })),
  kase('backupArchive', 'empty', () => new Uint8Array(0), 'refused'),
  kase('backupArchive', 'random bytes', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), 'refused'),
  kase('backupArchive', 'a PNG named .tandem', () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'refused'),
  kase('backupArchive', 'sealed with a passphrase (asked for, not read)', () => strToU8('TANDEMSEAL\u0001\u000f\u0008\u0001' + 'x'.repeat(60)), 'refused'),
  kase('backupArchive', 'only the zip signature', () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), 'refused'),
  kase('backupArchive', 'cut at 10%', cut(0.1), 'refused'),
  kase('backupArchive', 'cut at half', cut(0.5), 'refused'),
  kase('backupArchive', 'cut at 90%', cut(0.9), 'refused'),
  kase('backupArchive', 'the last byte lost', () => honest().slice(0, -1), 'refused'),
  kase('backupArchive', 'a zip without manifest.json', () => zipSync({ 'README.md': strToU8('hello') }), 'refused'),
  kase('backupArchive', 'manifest.json is not JSON', () => zipSync({ 'manifest.json': strToU8('{"format": "tandem-backup",') }), 'refused'),
  kase('backupArchive', 'manifest of another format', () => zipSync({ 'manifest.json': strToU8('{"format":"something-else","version":1}') }), 'refused'),
  kase('backupArchive', 'manifest is an array', () => zipSync({ 'manifest.json': strToU8('[1,2,3]') }), 'refused'),
  kase('backupArchive', 'manifest deeply nested', () => zipSync({ 'manifest.json': strToU8('['.repeat(5000) + ']'.repeat(5000)) }), 'refused'),
  kase('backupArchive', 'a newer archive version the manifest still reads', rezip((_f, m) => {
    m.version = 2
    m.somethingNew = { x: 1 }
  }), 'value', restored((b) => assert.equal(b.newerFormat, true))),
  kase('backupArchive', 'a newer archive version in another layout', rezip((_f, m) => {
    m.version = 7
    m.spaces = 'elsewhere'
  }), 'refused'),
  kase('backupArchive', "a space's position in the rotations, read back", rezip((_f, m) => {
    spaceOf(m).rekey = { record: 'rec-1', epoch: 2 }
  }), 'value', restored((b) => assert.deepEqual(b.spaces[0]!.rekey, { record: 'rec-1', epoch: 2 }))),
  kase('backupArchive', 'a position in the rotations with a made-up record and epoch 0', rezip((_f, m) => {
    spaceOf(m).rekey = { record: '../../x y', epoch: 0 }
  }), 'refused'),
  kase('backupArchive', 'a position in the rotations that is a string', rezip((_f, m) => {
    spaceOf(m).rekey = 'rec-1:2'
  }), 'refused'),
  kase('backupArchive', 'a changed byte in a document state', rezip((f) => {
    const path = Object.keys(f).find((p) => p.endsWith('root.yjs'))!
    const bytes = f[path]!.slice()
    bytes[bytes.length >> 1]! ^= 0x55
    f[path] = bytes
  }), 'refused'),
  kase('backupArchive', 'a document state missing', rezip((f) => {
    delete f[Object.keys(f).find((p) => p.includes('doc-sprint'))!]
  }), 'refused'),
  kase('backupArchive', 'a document state swapped for another with the same length', rezip((f) => {
    const a = Object.keys(f).find((p) => p.endsWith('root.yjs'))!
    const b = Object.keys(f).find((p) => p.includes('doc-sprint'))!
    ;[f[a], f[b]] = [f[b]!, f[a]!]
  }), 'refused'),
  kase('backupArchive', 'no root document', rezip((_f, m) => {
    spaceOf(m).documents = docsOf(m).filter((d) => d.key !== null)
  }), 'refused'),
  kase('backupArchive', 'the same document twice', rezip((_f, m) => {
    spaceOf(m).documents = [...docsOf(m), docsOf(m)[1]]
  }), 'refused'),
  kase('backupArchive', 'the same space twice', rezip((_f, m) => {
    m.spaces = [spaceOf(m), spaceOf(m)]
  }), 'refused'),
  kase('backupArchive', 'no space', rezip((_f, m) => {
    m.spaces = []
  }), 'refused'),
  kase('backupArchive', 'a space key that is not a key', rezip((_f, m) => {
    spaceOf(m).key = 'not-a-key'
  }), 'refused'),
  kase('backupArchive', 'a space id that is a path', rezip((_f, m) => {
    spaceOf(m).id = '../../etc/passwd'
  }), 'refused'),
  kase('backupArchive', 'an unknown kind of space', rezip((_f, m) => {
    spaceOf(m).kind = 'galaxy'
  }), 'refused'),
  kase('backupArchive', 'a document key climbing out', rezip((_f, m) => {
    docsOf(m)[1]!.key = '../root'
  }), 'refused'),
  kase('backupArchive', 'a document key with a control character', rezip((_f, m) => {
    docsOf(m)[1]!.key = 'sprint/\u00003'
  }), 'refused'),
  kase('backupArchive', 'a space name of 10 000 characters', rezip((_f, m) => {
    spaceOf(m).name = 'x'.repeat(10_000)
  }), 'refused'),
  kase('backupArchive', 'a negative layout version', rezip((_f, m) => {
    docsOf(m)[0]!.layout = -1
  }), 'refused'),
  kase('backupArchive', '__proto__ in the manifest is ignored', rezip((_f, m) => {
    Object.defineProperty(m, '__proto__', { value: { polluted: true }, enumerable: true })
  }), 'value', restored((b) => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
    assert.equal(b.spaces.length, 1)
  })),
  kase('backupArchive', 'private notes that are not a list', rezip((f) => {
    f[Object.keys(f).find((p) => p.endsWith('private-notes.json'))!] = strToU8('{"id":1}')
  }), 'refused'),
  kase('backupArchive', 'a private note of a million characters', rezip((f) => {
    f[Object.keys(f).find((p) => p.endsWith('private-notes.json'))!] = strToU8(JSON.stringify([{ id: 'n', topic: 't', text: 'x'.repeat(1_000_000), updatedAt: 1 }]))
  }), 'refused'),
  kase('backupArchive', 'private notes named but missing', rezip((f) => {
    delete f[Object.keys(f).find((p) => p.endsWith('private-notes.json'))!]
  }), 'refused'),
  kase('backupArchive', 'an entry claiming to inflate to 4 GB', hugeClaim, 'refused'),
  kase('backupArchive', '20 010 entries', manyEntries, 'refused'),

  kase('deviceCode', 'a code', `${DEVICE_CODE_PREFIX}.VEFOREVNU0VBTAEQ`, 'value'),
  kase('deviceCode', 'a web link', `https://tandem.example/#/device/${DEVICE_CODE_PREFIX}.VEFOREVNU0VBTAEQ`, 'value'),
  kase('deviceCode', 'a desktop link wrapped over lines', `tandem://device/${DEVICE_CODE_PREFIX}.VEFORE\nVNU0VBTAEQ`, 'value'),
  kase('deviceCode', 'empty', '', 'refused'),
  kase('deviceCode', 'an invite instead', 'tandem2.team.Vq3xYb2c9D0eF1gH2iJ3kA.xyz.UGxhdGZvcm0.abcdefgh', 'refused'),
  kase('deviceCode', 'characters that are not base64url', `${DEVICE_CODE_PREFIX}.abc$%^&*()`, 'refused'),
  kase('deviceCode', 'a quarter of a million characters', () => `${DEVICE_CODE_PREFIX}.${'A'.repeat(250_000)}`, 'refused'),
  kase('deviceCode', 'the prefix only', `${DEVICE_CODE_PREFIX}.`, 'refused')
]
