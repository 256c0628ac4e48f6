import { assignPool, type AssignablePerson, type PairOnRecord, type PoolAssignment } from '@shared/mentorship/poolAssignment.ts'

/**
 * The whole-pool assignment off the page's thread (a large pool with room for several pairs each
 * takes seconds): AssignmentPanel posts the people, pairs and exclusions, and gets the proposal
 * back, or the error's message.
 */
export interface AssignRequest {
  id: number
  people: AssignablePerson[]
  records: PairOnRecord[]
  excludePairs: [string, string][]
}

export type AssignReply = { id: number; assignment: PoolAssignment } | { id: number; error: string }

self.onmessage = (event: MessageEvent<AssignRequest>) => {
  const { id, people, records, excludePairs } = event.data
  let reply: AssignReply
  try {
    reply = { id, assignment: assignPool(people, records, { excludePairs }) }
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) }
  }
  self.postMessage(reply)
}
