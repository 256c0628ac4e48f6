import { isVerifiableId } from '../identity/signing.ts'
import { personName } from '../members/personName.ts'
import type { TicketQuestion } from './tickets.ts'

/**
 * Who asked a ticket question (issue 10 #15). A question is sealed by its asker (`authorId`,
 * collections.ts) and named by their member entry in the space it was asked in, never by the
 * `authorName` it carries (the writer's choice; kept for older apps): an id from before signatures
 * says "(not verified)".
 */
export function askerName(q: Pick<TicketQuestion, 'authorId'>, names: Readonly<Record<string, string>>): string {
  return q.authorId ? personName(q.authorId, names, 'A member') : ''
}

/**
 * The name a question's copy in the other space carries (the backlog mirror, mirror.ts): for a
 * sealed question, the asker's member entry where it was asked (nothing when none names them); a
 * question under an id from before signatures keeps the name it carries, as older apps copy it
 * (their mirror and this one then write the same copy).
 */
export function copiedAskerName(q: Pick<TicketQuestion, 'authorId' | 'authorName'>, names: Readonly<Record<string, string>>): string {
  if (!isVerifiableId(q.authorId)) return q.authorName
  return Object.hasOwn(names, q.authorId) ? (names[q.authorId] ?? '') : ''
}
