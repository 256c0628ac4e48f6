import * as encoding from 'lib0/encoding'
import * as buffer from 'lib0/buffer'
import type { WebrtcProvider } from 'y-webrtc'

/**
 * When a member whose key is known good sees a message it cannot open, someone with another key
 * is in the room. That newcomer may not have heard anything yet, so we publish one small sealed
 * message it will fail to open: that is how it learns "this invite's key does not match".
 * Sealed exactly as y-webrtc seals signaling messages (AES-GCM, lib0 encoding); peers with the
 * right key open it and ignore its unknown type.
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

export async function publishKeyCheck(provider: WebrtcProvider): Promise<void> {
  const key = await provider.key
  if (!key) return
  const data = await seal({ type: 'tandem-keycheck' }, key)
  for (const conn of provider.signalingConns as unknown as SignalingConnLike[]) {
    if (conn.connected) conn.send({ type: 'publish', topic: provider.roomName, data })
  }
}
