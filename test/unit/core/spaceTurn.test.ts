import { describe, expect, it } from 'vitest'
import { ADA, useFreshDatabase } from '../fixtures/database.ts'
import { db, type IdentityRow } from '@core/database/db.ts'
import { getSettings, saveSettings } from '@core/device/settings.ts'
import { createSpace, inviteFor, joinSpace } from '@core/spaces/commands.ts'
import { decodeInvite, encodeInvite } from '@shared/spaces/invite.ts'
import { newId, newSpaceKey } from '@shared/spaces/key.ts'
import { DEFAULT_STUN_URLS, rtcConfigFor } from '@shared/sync/ice.ts'

/** Issue 13 #1: a space's TURN servers come with its invite, stay with it, and go into its invites only. */
const me: IdentityRow = ADA
const orgTurn = { url: 'turn:turn.org.example:3478', username: 'org', credential: 'org-secret' }
const pairTurn = { url: 'turns:turn.pair.example:5349', username: 'pair', credential: 'pair-secret' }
const mine = { url: 'turn:home.example', username: 'me', credential: 'my-secret' }

useFreshDatabase()

describe('TURN servers of a space', () => {
  it('are kept from the invite, used for that space only, and put only into its own invites', async () => {
    const org = { spaceId: newId(), kind: 'org' as const, name: 'Org', key: newSpaceKey(), turn: [orgTurn] }
    const pair = { spaceId: newId(), kind: 'pair' as const, name: 'Pair', key: newSpaceKey(), turn: [pairTurn] }
    // through the code, as a person would paste it
    await joinSpace(decodeInvite(encodeInvite(org)), me)
    await joinSpace(decodeInvite(encodeInvite(pair)), me)
    const own = await createSpace('Mine', 'team', me)
    await saveSettings({ turnServers: [{ ...mine, inInvites: false }] })

    expect((await db().spaces.get(org.spaceId))!.turn).toEqual([orgTurn])
    const settings = await getSettings()
    expect(rtcConfigFor(settings, (await db().spaces.get(org.spaceId))!.turn).iceServers.map((s) => s.urls)).toEqual([DEFAULT_STUN_URLS, mine.url, orgTurn.url])

    // each invite carries its own space's servers, never another's, and not this device's unless marked
    expect((await inviteFor(org.spaceId)).turn).toEqual([orgTurn])
    expect((await inviteFor(pair.spaceId)).turn).toEqual([pairTurn])
    expect((await inviteFor(own)).turn).toBeUndefined()
    expect(encodeInvite(await inviteFor(own))).toMatch(/^tandem2\./)
    expect(encodeInvite(await inviteFor(own))).not.toContain('org-secret')

    await saveSettings({ turnServers: [{ ...mine, inInvites: true }] })
    expect((await inviteFor(own)).turn).toEqual([mine])
    expect((await inviteFor(pair.spaceId)).turn).toEqual([pairTurn, mine])
  })

  it('an invite to a space already here with the same key brings its newer TURN servers; one without leaves them', async () => {
    const base = { spaceId: newId(), kind: 'team' as const, name: 'Team', key: newSpaceKey() }
    expect(await joinSpace({ ...base, turn: [orgTurn] }, me)).toBe('joined')
    expect(await joinSpace(base, me)).toBe('already-member')
    expect((await db().spaces.get(base.spaceId))!.turn).toEqual([orgTurn])
    expect(await joinSpace({ ...base, turn: [pairTurn] }, me)).toBe('already-member')
    expect((await db().spaces.get(base.spaceId))!.turn).toEqual([pairTurn])
  })
})
