import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/**
 * What an org may observe of a team (issue 10 #19). A team that lets its org observe (its choice,
 * off by default) has a second key, the observe key, which the org's document carries; the team's
 * own key never leaves the team. Under the observe key live copies of exactly what an observer
 * needs — the sync-up (answers and the shared timer of the current and previous sprint) and what
 * the sync-up page reads around it (the team's name, people, cadence) — never retro boards,
 * planning, scrum votes, opportunities or anything else. Members' devices write the copies (the
 * `sprint.observeMirror` service); observers read them.
 *
 *   on a member's device   `~observe/root`, `~observe/sprint/<n>`: documents of the team space
 *   on an observer's device the team space itself (row `access: 'observer'`, key = observe key):
 *                          its root document and `sprint/<n>` are the copies
 *   rooms                  both sides meet in `<doc id>#observe:<fingerprint of the observe key>`,
 *                          so a renewed observe key (observing turned off and on) is a new room
 */
export const OBSERVE_MIRROR_PREFIX = '~observe/'
const ROOT = 'root'

/** The member-side document that mirrors `source` ('' = the root document) for observers. */
export function observeMirrorKey(source: string): string {
  return OBSERVE_MIRROR_PREFIX + (source || ROOT)
}

/** The document a member-side mirror copies ('' = the root document), or null when `key` is none. */
export function observeSourceOf(key: string): string | null {
  if (!key.startsWith(OBSERVE_MIRROR_PREFIX)) return null
  const rest = key.slice(OBSERVE_MIRROR_PREFIX.length)
  return rest === ROOT ? '' : rest
}

/** The room (as a document id for the room's name and relay) where observers read `source`. */
export function observeRoomOf(spaceId: string, source: string, observeKey: string): string {
  const fingerprint = bytesToHex(sha256(utf8ToBytes('tandem/observe/v1\u0000' + observeKey))).slice(0, 16)
  return `${source ? `${spaceId}/${source}` : spaceId}#observe:${fingerprint}`
}
