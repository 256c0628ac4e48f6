import { describe, expect, it } from 'vitest'
import { CORPUS } from './cases/index.ts'
import { inputOf, isClearMessage, PARSERS, runParser, type ParserName } from './harness.ts'

/**
 * The malformed-input corpus (issue 10, "checks that keep it fixed"): each case ends in a clear
 * message or a safe value, and none throws. How long each parser takes is measured by the bench
 * (`npx tsx bench/corpus.ts` → bench/results/corpus.{json,md}), never asserted here.
 */
describe('the malformed-input corpus', () => {
  it('holds at least 150 cases, every parser has cases, names are unique', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150)
    const parsers = new Set(CORPUS.map((c) => c.parser))
    expect([...parsers].sort()).toEqual((Object.keys(PARSERS) as ParserName[]).sort())
    const names = CORPUS.map((c) => `${c.parser}: ${c.name}`)
    expect(new Set(names).size).toBe(names.length)
  })

  for (const parser of Object.keys(PARSERS) as ParserName[]) {
    describe(parser, () => {
      for (const c of CORPUS.filter((k) => k.parser === parser)) {
        it(`${c.name} → ${c.expect === 'refused' ? 'a clear message' : 'a safe value'}`, () => {
          const outcome = runParser(c, inputOf(c)) // a throw fails the case
          if (c.expect === 'refused') {
            expect(outcome.kind, outcome.kind === 'value' ? `accepted: ${JSON.stringify(outcome.value)?.slice(0, 300)}` : '').toBe('refused')
            if (outcome.kind === 'refused') expect(isClearMessage(outcome.message), outcome.message.slice(0, 600)).toBe(true)
          } else {
            expect(outcome.kind, outcome.kind === 'refused' ? `refused: ${outcome.message}` : '').toBe('value')
            if (outcome.kind === 'value') c.check?.(outcome.value as never)
          }
        }, 30_000) // a guard against a hang on a loaded machine; time is measured by the bench
      }
    })
  }
})
