import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KEY_GRACE_MS, KEY_PROBE_EVERY_MS, KEY_QUIET_RESET_MS, STRANGER_NOTICE_MS, type KeyVerdict } from '@shared/sync/keyVerdict.ts'
import { KeyWatch } from '@core/sync/keyWatch.ts'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function watch(verified: boolean) {
  const verdicts: KeyVerdict[] = []
  const probes: number[] = []
  let stored = 0
  const w = new KeyWatch(verified, {
    onVerdict: (v) => verdicts.push(v),
    probe: () => probes.push(Date.now()),
    onVerified: () => stored++
  })
  return { w, verdicts, probes, stored: () => stored }
}

/** a stranger's message every `every` ms for `forMs` */
async function junk(w: KeyWatch, every: number, forMs: number) {
  for (let t = 0; t < forMs; t += every) {
    w.unreadable()
    await vi.advanceTimersByTimeAsync(every)
  }
}

describe('a space key, watched', () => {
  it('a newcomer in a room with a stranger and a member: asks, is answered, never told its key is wrong', async () => {
    const { w, verdicts, probes, stored } = watch(false)
    w.unreadable()
    expect(verdicts).toEqual(['quiet', 'checking'])
    expect(probes).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(900)
    w.opened()
    expect(stored()).toBe(1)
    await junk(w, 250, 30_000)
    expect(verdicts).toEqual(['quiet', 'checking', 'strangers'])
    expect(probes).toHaveLength(1)
    // the junk stops: the notice goes after a quiet while, by the clock alone
    await vi.advanceTimersByTimeAsync(STRANGER_NOTICE_MS)
    expect(verdicts.at(-1)).toBe('quiet')
    w.opened()
    expect(stored()).toBe(1)
  })

  it('a damaged key: mismatch once the grace period is over, by the clock alone; it gives way when a message opens', async () => {
    const { w, verdicts, probes } = watch(false)
    // the members answer what they cannot open (our announce, then our questions)
    w.unreadable()
    await vi.advanceTimersByTimeAsync(KEY_PROBE_EVERY_MS + 100)
    w.unreadable()
    expect(verdicts.at(-1)).toBe('checking')
    await vi.advanceTimersByTimeAsync(KEY_GRACE_MS)
    expect(verdicts.at(-1)).toBe('mismatch')
    const asked = probes.length
    expect(asked).toBeGreaterThanOrEqual(2)
    // concluded: no more questions, however long
    await vi.advanceTimersByTimeAsync(60_000)
    expect(probes).toHaveLength(asked)
    expect(verdicts.at(-1)).toBe('mismatch')
    w.opened()
    expect(verdicts.at(-1)).not.toBe('mismatch')
  })

  it('one stray message and silence: asks for a while, then stops and forgets it', async () => {
    const { w, verdicts, probes } = watch(false)
    w.unreadable()
    await vi.advanceTimersByTimeAsync(KEY_QUIET_RESET_MS + 1)
    expect(verdicts).toEqual(['quiet', 'checking', 'quiet'])
    const asked = probes.length
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(probes).toHaveLength(asked)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('disposed: hears nothing more and leaves no timer', async () => {
    const { w, verdicts } = watch(false)
    w.unreadable()
    w.dispose()
    expect(vi.getTimerCount()).toBe(0)
    w.unreadable()
    w.opened()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(verdicts).toEqual(['quiet', 'checking'])
  })
})
