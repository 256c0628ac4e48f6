/**
 * Bugs the fuzz found that are reported and not fixed yet, by the invariant they break (none now:
 * the last two, "removal takes what belongs" and "records stay readable while updates arrive out
 * of order", are fixed in core/collections and guarded by every run). The brief
 * run in `npm test` does not fail on these (it still fails on every other invariant); `npm run fuzz`
 * does, unless FUZZ_ALLOW_OPEN=1. When one is fixed, take it out of this list: from then on every
 * run guards it.
 */
export const OPEN_FINDINGS: Readonly<Record<string, string>> = {}

export const isOpen = (invariant: string): boolean => Object.hasOwn(OPEN_FINDINGS, invariant)
