import * as encoding from 'lib0/encoding'
import * as buffer from 'lib0/buffer'
import type { WebrtcProvider } from 'y-webrtc'
import { KEY_CHECK_TYPE } from '@shared/sync/keyVerdict.ts'

/**
 * Tandem's own sealed key-check, published in a room through its signaling connections. Sealed
 * exactly as y-webrtc seals signaling messages (AES-GCM, lib0 encoding); peers with the same key
 * open it (y-webrtc ignores its unknown type; the patch reports it as `decrypted`), peers with
 * another key cannot. Two uses (shared/sync/keyVerdict.ts):
 * - `ask: false` — a member whose key is proven answers a message it cannot open, so that a
 *   newcomer with a damaged key hears something it cannot open even if nobody else speaks;
 * - `ask: true` — a newcomer whose key is not proven yet asks the room; anyone who opens it
 *   answers (`ask: false`), and that answer, opened with the newcomer's key, proves the key.
 * `from` is the room's peer id, so a device ignores its own messages when the server echoes them.
 */
async function seal(data: unknown, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder()
  encoding.writeAny(plain, data as never)
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(plain))
  const out = encoding.createEncoder()
  encoding.writeVarString(out, 'AES-GCM')
  encoding.writeVarUint8Array(out, iv)
  encoding.writeVarUint8Array(out, new Uint8Array(cipher))
  return buffer.toBase64(encoding.toUint8Array(out))
}

interface SignalingConnLike {
  connected: boolean
  send(message: unknown): void
}

export async function publishKeyCheck(provider: WebrtcProvider, ask: boolean): Promise<void> {
  const key = await provider.key
  const room = provider.room as { peerId?: unknown } | null
  if (!key || !room || typeof room.peerId !== 'string') return
  const data = await seal({ type: KEY_CHECK_TYPE, from: room.peerId, ask }, key)
  for (const conn of provider.signalingConns as unknown as SignalingConnLike[]) {
    if (conn.connected) conn.send({ type: 'publish', topic: provider.roomName, data })
  }
}
