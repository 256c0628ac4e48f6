import { describe, expect, it } from 'vitest'
import { ADA, useFreshDatabase } from '../fixtures/database.ts'
import { db, type IdentityRow, type SpaceRow } from '@core/database/db.ts'
import { SpaceKeyChangeError } from '@core/database/keyGuard.ts'
import { createSpace, ImpersonationError, joinSpace, leaveSpace } from '@core/spaces/commands.ts'
import { newSpaceKey } from '@shared/spaces/key.ts'

const me: IdentityRow = ADA

useFreshDatabase()

async function keyOf(id: string): Promise<string | undefined> {
  return (await db().spaces.get(id))?.key
}

describe('a space keeps the key it was created or joined with', () => {
  it('refuses every way of writing another key (regression: no code path replaces a key)', async () => {
    const id = await createSpace('Pair', 'pair', me)
    const key = (await keyOf(id))!
    const forged = newSpaceKey()
    const row = (await db().spaces.get(id))!
    const { doc: _doc, ...plain } = row
    const attempts: [string, () => Promise<unknown>][] = [
      ['update', () => db().spaces.update(id, { key: forged })],
      ['put', () => db().spaces.put({ ...plain, key: forged } as SpaceRow)],
      ['bulkPut', () => db().spaces.bulkPut([{ ...plain, key: forged } as SpaceRow])],
      ['bulkUpdate', () => db().spaces.bulkUpdate([{ key: id, changes: { key: forged } }])],
      ['where().modify', () => db().spaces.where('id').equals(id).modify({ key: forged })],
      ['modify(fn)', () => db().spaces.toCollection().modify((r) => void (r.key = forged))],
      ['transaction', () => db().transaction('rw', db().spaces, () => db().spaces.update(id, { key: forged }))]
    ]
    for (const [name, attempt] of attempts) {
      const outcome = await attempt().then(
        (result) => ({ ok: true, result }),
        (err: unknown) => ({ ok: false, err })
      )
      expect(outcome, name).toMatchObject({ ok: false, err: { name: 'SpaceKeyChangeError' } })
      expect(await keyOf(id), name).toBe(key)
    }
    // the error a direct update sees names what happened
    await expect(db().spaces.update(id, { key: forged })).rejects.toThrow(SpaceKeyChangeError)
  })

  it('still lets other fields change, and a new space be added', async () => {
    const id = await createSpace('Team', 'team', me)
    await db().spaces.update(id, { name: 'Renamed', status: 'left' })
    expect((await db().spaces.get(id))?.name).toBe('Renamed')
    const row = (await db().spaces.get(id))!
    const { doc: _doc, ...plain } = row
    await db().spaces.put({ ...plain, name: 'Again' } as SpaceRow)
    expect((await db().spaces.get(id))?.name).toBe('Again')
  })
})

describe('joining from an invite for a space already here', () => {
  it('refuses a forged invite with another key and changes nothing', async () => {
    const id = await createSpace('Our pair', 'pair', me)
    const key = (await keyOf(id))!
    const forged = { spaceId: id, kind: 'pair' as const, name: 'Our pair', key: newSpaceKey() }
    const err = await joinSpace(forged, me).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ImpersonationError)
    expect((err as ImpersonationError).message).toMatch(/does not belong to the space you already have/)
    expect((err as ImpersonationError).keyConfirmed).toBe(true)
    const row = await db().spaces.get(id)
    expect(row?.key).toBe(key)
    expect(row?.status).toBe('active')
  })

  it('refuses it also when the space was left, and does not rejoin', async () => {
    const id = await createSpace('Left pair', 'pair', me)
    await leaveSpace(id, me)
    const forged = { spaceId: id, kind: 'pair' as const, name: 'Left pair', key: newSpaceKey() }
    await expect(joinSpace(forged, me)).rejects.toBeInstanceOf(ImpersonationError)
    expect((await db().spaces.get(id))?.status).toBe('left')
  })

  it('opens the space with the same key, and rejoins it if it was left', async () => {
    const id = await createSpace('Team', 'team', me)
    const invite = { spaceId: id, kind: 'team' as const, name: 'Team', key: (await keyOf(id))! }
    expect(await joinSpace(invite, me)).toBe('already-member')
    await leaveSpace(id, me)
    expect(await joinSpace(invite, me)).toBe('rejoined')
    expect((await db().spaces.get(id))?.status).toBe('active')
  })

  it('says when this device never had its key confirmed (the old invite may be the damaged one)', async () => {
    const spaceId = 'S'.repeat(22)
    await joinSpace({ spaceId, kind: 'team', name: 'Damaged', key: newSpaceKey() }, me)
    const err = await joinSpace({ spaceId, kind: 'team', name: 'Right', key: newSpaceKey() }, me).catch((e: unknown) => e)
    expect((err as ImpersonationError).keyConfirmed).toBe(false)
  })
})
