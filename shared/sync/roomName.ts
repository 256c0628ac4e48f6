import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

const ROOM_PREFIX = 'tandem/room/v1\u0000'

/**
 * The y-webrtc room (signaling topic) for a document. A one-way hash of the document id, so the
 * signaling server never learns a space's id, and never its key (the key is the room password).
 */
export function roomNameFor(docId: string): string {
  if (!docId) throw new Error('roomNameFor needs a document id')
  return 'tandem-' + bytesToHex(sha256(utf8ToBytes(ROOM_PREFIX + docId)))
}
