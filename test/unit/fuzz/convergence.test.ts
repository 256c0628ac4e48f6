// first: fuzz.ts seeds crypto before yjs is loaded (test/fuzz/random.ts)
import { type FuzzResult, report, runFuzz } from '../../fuzz/fuzz.ts'
import { isOpen, OPEN_FINDINGS } from '../../fuzz/findings.ts'
import { describe, expect, it } from 'vitest'

/**
 * The convergence fuzz, briefly (the long run: `npm run fuzz`, test/fuzz/run.ts). Five peers drive
 * the retro, team and journal stores on real Yjs documents over a network that partitions,
 * duplicates, loses and reorders; after healing, every invariant is checked on every peer.
 * Bugs already reported (test/fuzz/findings.ts) do not fail this run; anything else does, with
 * the seed, the op log and the command that replays it.
 */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]
const OPS = 300

function failure(result: FuzzResult): string {
  const fresh = result.violations.filter((v) => !isOpen(v.invariant))
  return fresh.length === 0 ? '' : report(result, `FUZZ_SEED=${result.seed} FUZZ_OPS=${result.ops} npm run fuzz`, fresh)
}

describe('convergence fuzz (brief)', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: ${OPS} steps, then every peer agrees and every invariant holds`, async () => {
      const result = await runFuzz({ seed, ops: OPS })
      const text = failure(result)
      if (text) console.error(text)
      expect(text).toBe('')
      // the run did what it claims: records made and removed, messages lost, doubled and resent
      expect(result.stats.records).toBeGreaterThan(40)
      expect(result.stats.removed).toBeGreaterThan(5)
      expect(result.stats.votes).toBeGreaterThan(0)
      expect(result.stats.duplicated + result.stats.dropped).toBeGreaterThan(0)
    })
  }

  it('replays: the same seed gives the same op log and the same final state', async () => {
    const a = await runFuzz({ seed: 42, ops: 150 })
    const b = await runFuzz({ seed: 42, ops: 150 })
    expect(b.log).toEqual(a.log)
    expect(b.fingerprint).toBe(a.fingerprint)
    const c = await runFuzz({ seed: 43, ops: 150 })
    expect(c.fingerprint).not.toBe(a.fingerprint)
  })

  it('can fail: a network that never resends what it lost is caught', async () => {
    const result = await runFuzz({ seed: 7, ops: 150, neverResend: true })
    expect(result.ok).toBe(false)
    expect(result.violations.map((v) => v.invariant)).toContain('eventual delivery converges')
  })

  it('can fail: a card lost on one peer, or a removed card written back, is caught', async () => {
    const lost = await runFuzz({ seed: 3, ops: 150, sabotage: 'lose a card' })
    expect(lost.violations.map((v) => v.invariant)).toEqual(expect.arrayContaining(['no lost record', 'identical visible state']))
    const revived = await runFuzz({ seed: 3, ops: 150, sabotage: 'revive a card' })
    expect(revived.violations.map((v) => v.invariant)).toEqual(expect.arrayContaining(['no resurrection', 'identical visible state']))
  })

  it('lists each open finding with what it is', () => {
    for (const [invariant, what] of Object.entries(OPEN_FINDINGS)) {
      expect(invariant).not.toBe('')
      expect(what.length).toBeGreaterThan(40)
    }
  })
})
