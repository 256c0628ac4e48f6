import { isVerifiableId } from '../identity/signing.ts'

/**
 * How the app names the person behind a member id on a record (issue 10 #15): by their member
 * entry — the name their own seal covers — never by a name the record carries (its writer chooses
 * that freely). An id from before signatures proves nothing (anyone may write under it, with any
 * name), so its name says "(not verified)" wherever it shows: boards, exports, shout-outs, notes.
 */
export const NOT_VERIFIED = '(not verified)'

/** The member's name, marked when their id is not verifiable; `unknown` when no entry names them. */
export function personName(id: string, names: Readonly<Record<string, string>>, unknown: string): string {
  const name = Object.hasOwn(names, id) ? names[id] : undefined
  if (name === undefined || name === '') return unknown
  return isVerifiableId(id) ? name : `${name} ${NOT_VERIFIED}`
}

/** id → name of every member entry, those who left included (their records still name them). */
export function namesOf(members: readonly { id: string; name: string }[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of members) out[m.id] = m.name
  return out
}
