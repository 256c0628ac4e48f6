import { DEVICE_CODE_TTL_MS, decodeDeviceCode, encodeDeviceCode, newDevicePassphrase, type DeviceTransfer } from '@shared/backup/deviceCode.ts'
import { db, type IdentityRow } from '@core/database/db.ts'
import { adoptIdentity, assertCanAdopt, assertKeyFits } from '@core/device/adoptIdentity.ts'
import { setSigner } from '@core/collections/index.ts'
import { joinSpace } from '@core/spaces/commands.ts'

/**
 * "Add my other device" (issue 14). The first device seals who I am and every active space's key
 * with a fresh passphrase (shared/backup/deviceCode.ts); the second device opens it, becomes the
 * same person (core/device/adoptIdentity.ts: the same member id) and joins each space as with an
 * invite, so its sync manager fetches everything from the peers — the first device included.
 * Members and presence are keyed by member id, so the team sees one member; the member list
 * counts the devices they are online on.
 */
export interface DeviceOffer {
  code: string
  passphrase: string
  spaces: number
  expiresAt: number
}

export async function offerDevice(me: IdentityRow): Promise<DeviceOffer> {
  // an observer's copy of a team (issue 10 #19) is no space of mine to carry: it needs the team's observe key, not an invite
  const rows = (await db().spaces.toArray()).filter((r) => r.status === 'active' && r.access !== 'observer')
  const transfer: DeviceTransfer = {
    identity: { id: me.deviceId, name: me.name, color: me.color, ...(me.secretKey ? { secretKey: me.secretKey } : {}) },
    spaces: rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, key: r.key, status: r.status, ...(r.keyRecord && r.keyEpoch ? { rekey: { record: r.keyRecord, epoch: r.keyEpoch } } : {}) })),
    createdAt: Date.now()
  }
  const passphrase = newDevicePassphrase()
  return { code: await encodeDeviceCode(transfer, passphrase), passphrase, spaces: rows.length, expiresAt: transfer.createdAt + DEVICE_CODE_TTL_MS }
}

export interface DeviceJoinReport {
  name: string
  joined: number
  already: number
  /** spaces here with another key: left as they are */
  refused: string[]
}

export type DeviceJoin = { ok: true; report: DeviceJoinReport } | { ok: false; error: string }

/** Opens the code and joins every space in it as its person; never throws. */
export async function acceptDevice(code: string, passphrase: string): Promise<DeviceJoin> {
  const opened = await decodeDeviceCode(code, passphrase, Date.now())
  if (!opened.ok) return opened
  const { transfer } = opened
  try {
    assertKeyFits(transfer.identity)
    await assertCanAdopt(transfer.identity.id)
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
  // the spaces first, then the identity: the app opens (identity set) with every space in place;
  // the person's key first of all, so the member entries written on joining carry their seal
  const me: IdentityRow = { id: 'me', deviceId: transfer.identity.id, name: transfer.identity.name, color: transfer.identity.color }
  if (transfer.identity.secretKey) me.secretKey = transfer.identity.secretKey
  setSigner(me)
  const report: DeviceJoinReport = { name: me.name, joined: 0, already: 0, refused: [] }
  for (const s of transfer.spaces) {
    try {
      const outcome = await joinSpace({ spaceId: s.id, kind: s.kind, name: s.name, key: s.key, ...(s.rekey ? { rekey: s.rekey } : {}) }, me)
      if (outcome === 'already-member') report.already++
      else report.joined++
    } catch {
      report.refused.push(s.name)
    }
  }
  await adoptIdentity(transfer.identity, true)
  return { ok: true, report }
}
