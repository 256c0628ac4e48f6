import { afterEach, describe, expect, it } from 'vitest'
import { ADA, useFreshDatabase } from '../fixtures/database.ts'
import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { db } from '@core/database/db.ts'
import { collection } from '@core/collections/index.ts'
import { createSpace, joinSpace } from '@core/spaces/commands.ts'
import { myBoxKeys } from '@core/spaces/boxKeys.ts'
import { encodeInvite, decodeInvite } from '@shared/spaces/invite.ts'
import { newId, newSpaceKey } from '@shared/spaces/key.ts'
import { joinAnswerContext, joinRequestId } from '@shared/spaces/joinRequest.ts'
import { newBoxKeyPair, openBox, sealTo } from '@shared/spaces/seal.ts'
import { TEAMS_RAW } from '@features/sprint/store/collections.ts'
import { createTeamInOrg } from '@features/sprint/store/teams.ts'
import {
  JOIN_REQUESTS,
  askToJoinTeam,
  declineJoinRequest,
  letIntoTeam,
  openJoinAnswer,
  takeJoinAnswer,
  takeTeamKeyOutOfOrg
} from '@features/sprint/store/teamAccess.ts'
import { withSpaceRootDoc } from '@features/sprint/store/spaceRoot.ts'

useFreshDatabase()

const BRUCE = { ...ADA, deviceId: 'device-b', name: 'Bruce' }

/** Keeps a space's root document loaded (one Y.Doc for every command) until the test ends. */
const held: Y.Doc[] = []
afterEach(() => {
  for (const doc of held.splice(0)) DexieYProvider.release(doc)
})
async function createOrg(): Promise<string> {
  const id = await createSpace('Acme', 'org', ADA)
  const doc = (await db().spaces.get(id))!.doc
  await DexieYProvider.load(doc).whenLoaded
  held.push(doc)
  return id
}

async function orgRecords(orgId: string) {
  return withSpaceRootDoc(orgId, (doc) => ({
    teams: collection(doc, TEAMS_RAW).list(),
    requests: collection(doc, JOIN_REQUESTS).list()
  }))
}

describe('team keys stay out of the org (issue 10 #19)', () => {
  it('lists a new team in the org without its key', async () => {
    const org = await createOrg()
    const team = await createTeamInOrg(org, 'Payments', undefined, ADA)
    const teamKey = (await db().spaces.get(team))!.key
    const { teams } = await orgRecords(org)
    expect(teams.map((t) => t.id)).toEqual([team])
    expect(teams[0]).not.toHaveProperty('spaceKey')
    expect(JSON.stringify(teams)).not.toContain(teamKey)
  })

  it('takes the key an older version wrote out of the org record, once', async () => {
    const org = await createOrg()
    const team = await createTeamInOrg(org, 'Payments', undefined, ADA)
    const teamKey = (await db().spaces.get(team))!.key
    await withSpaceRootDoc(org, (doc) => {
      collection(doc, TEAMS_RAW).patch(team, { spaceKey: teamKey })
      expect(takeTeamKeyOutOfOrg(doc, team)).toBe(true)
      expect(takeTeamKeyOutOfOrg(doc, team)).toBe(false)
      expect(collection(doc, TEAMS_RAW).get(team)).not.toHaveProperty('spaceKey')
      expect(collection(doc, TEAMS_RAW).get(team)?.name).toBe('Payments')
    })
  })
})

describe('ask to join', () => {
  it('a member lets the asker in with the invite sealed to the asking device only', async () => {
    const org = await createOrg()
    const team = await createTeamInOrg(org, 'Payments', undefined, ADA)
    const teamKey = (await db().spaces.get(team))!.key
    // Bruce's device asks (its box key is its own; the org's other members read the same record)
    const bruceKeys = newBoxKeyPair()
    await withSpaceRootDoc(org, (doc) =>
      collection(doc, JOIN_REQUESTS).replace(joinRequestId(team, BRUCE.deviceId), {
        teamId: team,
        memberId: BRUCE.deviceId,
        name: 'Bruce',
        boxKey: bruceKeys.publicKey,
        askedAt: 1
      })
    )
    const [request] = (await orgRecords(org)).requests
    await letIntoTeam(org, request!, ADA)
    const [answered] = (await orgRecords(org)).requests
    expect(answered?.answeredBy).toBe(ADA.deviceId)
    // nobody reading the org's document sees the key
    expect(JSON.stringify(answered)).not.toContain(teamKey)
    const context = joinAnswerContext(team, BRUCE.deviceId, bruceKeys.publicKey)
    const code = openBox(bruceKeys, answered!.answer, context)
    expect(decodeInvite(code!)).toMatchObject({ spaceId: team, kind: 'team', key: teamKey })
    // another device, or the same box moved to another request, opens nothing
    expect(openBox(newBoxKeyPair(), answered!.answer, context)).toBeNull()
    expect(openBox(bruceKeys, answered!.answer, joinAnswerContext(team, 'device-c', bruceKeys.publicKey))).toBeNull()
  })

  it('the asking device joins with the answer and tidies the request away; a decline says so', async () => {
    const org = await createOrg()
    // a team this device is not in: its key is only in the answer
    const teamKey = newSpaceKey()
    const teamId = newId()
    await askToJoinTeam(org, teamId, ADA)
    let [request] = (await orgRecords(org)).requests
    expect(request).toMatchObject({ teamId, memberId: ADA.deviceId, boxKey: (await myBoxKeys()).publicKey })
    await declineJoinRequest(org, request!)
    ;[request] = (await orgRecords(org)).requests
    expect(request?.declined).toBe(true)
    expect(await openJoinAnswer(request!)).toBeNull()
    // asking again starts afresh; a member (elsewhere) answers with the team's invite
    await askToJoinTeam(org, teamId, ADA)
    ;[request] = (await orgRecords(org)).requests
    expect(request?.declined).toBeUndefined()
    const invite = { spaceId: teamId, kind: 'team' as const, name: 'Search', key: teamKey }
    const answer = sealTo(request!.boxKey, encodeInvite(invite), joinAnswerContext(teamId, ADA.deviceId, request!.boxKey))
    await withSpaceRootDoc(org, (doc) => collection(doc, JOIN_REQUESTS).patch(request!.id, { answer, answeredBy: 'device-x' }))
    ;[request] = (await orgRecords(org)).requests
    expect(await takeJoinAnswer(org, request!, ADA)).toBe(true)
    expect((await db().spaces.get(teamId))?.key).toBe(teamKey)
    expect((await orgRecords(org)).requests).toEqual([])
  })

  it('ignores an answer that names another space than the team asked for', async () => {
    const org = await createOrg()
    const teamId = newId()
    await askToJoinTeam(org, teamId, ADA)
    const [request] = (await orgRecords(org)).requests
    const other = { spaceId: newId(), kind: 'team' as const, name: 'Elsewhere', key: newSpaceKey() }
    const answer = sealTo(request!.boxKey, encodeInvite(other), joinAnswerContext(teamId, ADA.deviceId, request!.boxKey))
    await withSpaceRootDoc(org, (doc) => collection(doc, JOIN_REQUESTS).patch(request!.id, { answer }))
    const [answered] = (await orgRecords(org)).requests
    expect(await openJoinAnswer(answered!)).toBeNull()
    expect(await takeJoinAnswer(org, answered!, ADA)).toBe(false)
    expect(await db().spaces.get(other.spaceId)).toBeUndefined()
  })

  it('joinSpace is what the answer uses: an answer for a space here with another key is refused', async () => {
    const team = await createSpace('Payments', 'team', ADA)
    await expect(joinSpace({ spaceId: team, kind: 'team', name: 'Payments', key: newSpaceKey() }, ADA)).rejects.toThrow(/impersonating/)
  })
})
