import { z } from 'zod'
import { SEAL_MAX, signedText } from '../identity/signing.ts'
import { FIELD_LIMITS } from '../text/limits.ts'
import { isBoxPublicKey, MAX_BOX_LENGTH } from './seal.ts'

/**
 * Remove a member = rotate the space's key (issue 10 #19). A member writes, into the space's root
 * document (still under the old key), a rekey record: the new key's epoch, who is removed, and the
 * new key sealed to the box key (shared/spaces/seal.ts) of every device of every remaining member
 * that has published one (`boxKeys`: box public key → its member). Each remaining device opens its
 * box, stores the new key with the higher epoch, and its documents reconnect with it: the y-webrtc
 * rooms keep their names (derived from the document id, so an invite or a device code made after
 * the rotation needs no epoch) with the new key as their password, so a removed device can open no
 * signaling message there and no connection is made; relay rooms derive from the key, so they are
 * new. The removed devices keep what they had and get nothing new.
 *
 *   root document  'boxKeys'  box public key → { member, at }
 *                  'rekeys'   `<epoch>` → RekeyRecord
 */
export const MAX_REKEY_BOXES = 500

export const BoxKeyEntry = z.object({
  member: z.string().min(1).max(FIELD_LIMITS.id),
  at: z.number(),
  /** the member's seal over box key, member and time (shared/identity/signing.ts) */
  seal: z.string().max(SEAL_MAX).optional().catch(undefined)
})

/** What a member's seal on their device's box key signs. */
export function boxKeyText(boxKey: string, member: string, at: number): string {
  return signedText('box key', { boxKey, member, at })
}
export type BoxKeyEntry = z.infer<typeof BoxKeyEntry>

export const RekeyRecord = z.object({
  epoch: z.number().int().min(1).max(1_000_000),
  /** a random id: two rotations of the same epoch are told apart */
  id: z.string().min(1).max(FIELD_LIMITS.id),
  removed: z.string().max(FIELD_LIMITS.id),
  by: z.string().max(FIELD_LIMITS.id),
  at: z.number(),
  boxes: z
    .record(z.string().refine(isBoxPublicKey), z.string().max(MAX_BOX_LENGTH))
    .refine((b) => Object.keys(b).length <= MAX_REKEY_BOXES, 'too many boxes')
})
export type RekeyRecord = z.infer<typeof RekeyRecord>

/** What a box in a rekey record is bound to: the space, the epoch, the record and the recipient's box key. */
export function rekeyContext(spaceId: string, epoch: number, id: string, boxKey: string): string {
  return `tandem/rekey/v1\u0000${spaceId}\u0000${epoch}\u0000${id}\u0000${boxKey}`
}
