import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEmbeddedStore, decodeRecords } from '../../../electron/relay/embeddedStore.ts'
import { DEFAULT_QUOTA } from '@shared/relay/mailbox.ts'
import { tmpDir } from './helpers.ts'

/**
 * The embedded store commits updates in groups (one write and one fdatasync for those that arrive
 * together), and still acknowledges and hands out an update only once it is in the file.
 */
afterEach(() => vi.restoreAllMocks())

const ROOM = 'tr-' + 'cd'.repeat(32)
const fileOf = (dir: string) => path.join(dir, `${ROOM}.log`)
const seqsInFile = (dir: string) => decodeRecords(fs.readFileSync(fileOf(dir))).records.flatMap((r) => (r.k === 'u' ? [r.seq] : []))

describe('embedded store, group commit', () => {
  it('200 updates at once: one sync for all, each handed out only once it is in the file, in order, all there after a restart', async () => {
    const dir = tmpDir('relay-group')
    const store = createEmbeddedStore({ dir })
    await store.claim(ROOM, 'A'.repeat(43))
    const handedOut: string[] = []
    const inFileWhenHandedOut: boolean[] = []
    await store.subscribe(ROOM, {
      entry: (e) => {
        handedOut.push(e.seq)
        inFileWhenHandedOut.push(seqsInFile(dir).includes(e.seq))
      },
      awareness: () => {}
    })
    const syncs = vi.spyOn(fs, 'fdatasync')
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store.append(ROOM, `AQID${i}`, DEFAULT_QUOTA)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.map((r) => (r.ok ? r.seq : ''))).toEqual(Array.from({ length: 200 }, (_, i) => `${i + 1}-0`))
    expect(syncs.mock.calls.length).toBe(1)
    expect(handedOut).toEqual(results.map((r) => (r.ok ? r.seq : '')))
    expect(inFileWhenHandedOut.every(Boolean)).toBe(true)
    await store.close()
    const again = createEmbeddedStore({ dir })
    const r = await again.read(ROOM, null)
    expect(r.entries.map((e) => e.data)).toEqual(Array.from({ length: 200 }, (_, i) => `AQID${i}`))
    await again.close()
  })

  it('a snapshot among updates in flight loses none of them, also when it writes the file anew', async () => {
    const dir = tmpDir('relay-group-snap')
    const store = createEmbeddedStore({ dir, fsync: false })
    await store.claim(ROOM, 'A'.repeat(43))
    const big = 'B'.repeat(2000)
    for (let i = 0; i < 60; i++) await store.append(ROOM, big, DEFAULT_QUOTA)
    // a snapshot covering the first 60, and 40 more updates arriving around it
    const before = Array.from({ length: 20 }, () => store.append(ROOM, 'AQID', DEFAULT_QUOTA))
    const snap = store.snapshot(ROOM, '60-0', 'AQIDBA', DEFAULT_QUOTA)
    const after = Array.from({ length: 20 }, () => store.append(ROOM, 'BAUG', DEFAULT_QUOTA))
    expect(await snap).toBe('accept')
    const all = await Promise.all([...before, ...after])
    expect(all.every((r) => r.ok)).toBe(true)
    await store.close()
    // the file was written anew (most of it was dead) and holds the snapshot and all 40 updates
    expect(fs.statSync(fileOf(dir)).size).toBeLessThan(60 * 2000)
    const again = createEmbeddedStore({ dir })
    const r = await again.read(ROOM, null)
    expect(r.snapshot?.covers).toBe('60-0')
    expect(r.entries.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => `${61 + i}-0`))
    await again.close()
  })
})
