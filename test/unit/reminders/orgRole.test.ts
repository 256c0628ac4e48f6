import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { composeSources, type OrgPart, type TeamPart } from '@shared/reminders/sources.ts'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import { orgCeremoniesOf, orgPeople } from '@shared/sprint/orgRoles.ts'
import { initSpaceDoc } from '@core/spaces/spaceDoc.ts'
import { setUpDefaultCadence } from '../../../renderer/src/features/sprint/store/cadenceStore.ts'
import { ORG_ROLE_RECORDS, readOrgRoles, saveOrgRole } from '../../../renderer/src/features/sprint/store/orgRoles.ts'
import { collectService, readSprintPart } from '../../../renderer/src/features/reminders/store/services.ts'
import { SpaceParts } from '../../../renderer/src/features/reminders/store/parts.ts'
import { collection, ForeignRecordError, SEAL_FIELD, setSigner } from '@core/collections/index.ts'
import { recordScope } from '@core/collections/signing.ts'
import { ed25519 } from '@noble/curves/ed25519.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { base64urlnopad } from '@scure/base'
import type { ServiceContext } from '@core/sync/services.ts'
import { memberIdOf, newSigningKeys, signedText } from '@shared/identity/signing.ts'
import { ALPHA_SPACE, ME, ORG, at, cadence, wall } from './fixtures.ts'

/**
 * An org role without a team (an area product owner, a backlog owner): set in the org space, it
 * brings its holder the org's meetings of that role in their reminders, and no team's meetings.
 */
const NOW = at('2026-03-23T08:00:00Z') // Monday 09:00 in Berlin; sprint 6 ends Tuesday 31 March

const org = (roles: OrgPart['roles']): OrgPart => ({
  kind: 'org',
  spaceId: ORG,
  name: 'Acme engineering',
  cadence: cadence(),
  teams: [{ id: ALPHA_SPACE, name: 'Alpha' }],
  ...(roles ? { roles } : {})
})
const alpha = (people: TeamPart['people']): TeamPart => ({
  kind: 'team',
  spaceId: ALPHA_SPACE,
  name: 'Alpha',
  cadence: cadence(),
  teams: [{ id: ALPHA_SPACE, name: 'Alpha' }],
  orgSpaceId: ORG,
  people
})

function reminded(parts: (OrgPart | TeamPart)[], me = ME): string[] {
  const { sprint, pairs } = composeSources(parts, me)
  return upcomingReminders({ now: NOW, zone: 'Europe/Berlin', me, sprint, pairs, days: 14 }).entries.map(
    (e) => `${wall(e.startsAt, 'Europe/Berlin')} ${e.title} · ${e.groupLabel}`
  )
}

describe('an org role without a team', () => {
  it('reminds an area product owner of division sprint planning and the sprint retro & demo, and of no team meeting', () => {
    // the org space is on this device, no team space is (a team space here would make this person its member)
    const list = reminded([org({ [ME]: 'product-manager' })])
    expect(list.length).toBeGreaterThan(0)
    expect(list.some((l) => l.includes('Division sprint planning · Acme engineering'))).toBe(true)
    expect(list.some((l) => l.includes('Sprint retrospective & demo · Acme engineering'))).toBe(true)
    expect(list.filter((l) => !/Division sprint planning|Sprint retrospective & demo/.test(l))).toEqual([])
  })

  it('without one, someone in the org space gets only the whole org’s meeting; “team member” counts as none', () => {
    const none = reminded([org(undefined)])
    expect(none.length).toBeGreaterThan(0)
    expect(none.every((l) => l.includes('Sprint retrospective & demo'))).toBe(true)
    expect(reminded([org({ [ME]: 'team-member' })])).toEqual(none)
    // someone else's role is not mine
    expect(reminded([org({ bruce: 'product-manager' })])).toEqual(none)
  })

  it('adds to a team member’s own meetings, each meeting once', () => {
    const both = reminded([org({ [ME]: 'backlog-owner' }), alpha({ [ME]: { role: 'team-member', observer: false } })])
    expect(both.some((l) => l.includes('Daily sync-up · Alpha'))).toBe(true)
    expect(both.some((l) => l.includes('Division sprint planning'))).toBe(true)
    expect(new Set(both).size).toBe(both.length)
  })

  it('lists the org’s people with their roles, and the meetings each role is invited to by default', () => {
    const members = [
      { id: ME, name: 'Daria', color: '#123456', joinedAt: 1, lastSeenAt: 1 },
      { id: 'bruce', name: 'Bruce', color: '#654321', joinedAt: 1, lastSeenAt: 1 },
      { id: 'gone', name: 'Gone', color: '#000000', joinedAt: 1, lastSeenAt: 1, leftAt: 2 }
    ]
    expect(orgPeople(members, { bruce: 'product-manager', [ME]: 'team-member' }).map((p) => [p.name, p.roleLabel])).toEqual([
      ['Bruce', 'Product manager (area product owner)'],
      ['Daria', 'No org role']
    ])
    expect(orgCeremoniesOf('product-manager')).toEqual(['division-sprint-planning', 'sprint-retro-demo'])
    expect(orgCeremoniesOf(null)).toEqual(['sprint-retro-demo'])
  })

  it('is kept in the org space’s document, read by the reminders’ collector; a malformed role reads as none', () => {
    const doc = new Y.Doc()
    initSpaceDoc(doc, { name: 'Acme engineering', kind: 'org', createdBy: ME, now: NOW })
    setUpDefaultCadence(doc, '2026-03-23', 'Europe/Berlin')
    saveOrgRole(doc, ME, 'product-manager')
    expect(readOrgRoles(doc)).toEqual({ [ME]: 'product-manager' })
    const part = readSprintPart({ space: { id: ORG, kind: 'org' }, root: doc })
    expect(part.kind === 'org' && part.roles).toEqual({ [ME]: 'product-manager' })
    saveOrgRole(doc, ME, null)
    expect(readOrgRoles(doc)).toEqual({ [ME]: 'team-member' })
    // a removal (a peer's, hostile or not) does not swallow the next save
    collection(doc, ORG_ROLE_RECORDS).remove(ME)
    expect(readOrgRoles(doc)).toEqual({})
    saveOrgRole(doc, ME, 'backlog-owner')
    expect(readOrgRoles(doc)).toEqual({ [ME]: 'backlog-owner' })
    collection(doc, ORG_ROLE_RECORDS).patch('bruce', { memberId: 'bruce', role: 'chief-of-everything' as never })
    expect(readOrgRoles(doc).bruce).toBe('team-member')
    // filed under someone else's id: counts for nobody
    collection(doc, ORG_ROLE_RECORDS).create({ memberId: 'bruce', role: 'product-manager' }, { id: 'carol' })
    expect(readOrgRoles(doc)).toEqual({ [ME]: 'backlog-owner', bruce: 'team-member' })
  })
})

function person() {
  const keys = newSigningKeys()
  return { deviceId: memberIdOf(keys.publicKey), secretKey: keys.secretKey }
}
afterEach(() => setSigner(null))

describe('an org role is its holder’s own', () => {
  it('is sealed by its holder: nobody else can set it, and a peer reads it once the seal is checked — the reminders too', async () => {
    const pia = person()
    const ben = person()
    const doc = new Y.Doc()
    initSpaceDoc(doc, { name: 'Acme engineering', kind: 'org', createdBy: pia.deviceId, now: NOW })
    setUpDefaultCadence(doc, '2026-03-23', 'Europe/Berlin')
    setSigner(pia)
    saveOrgRole(doc, pia.deviceId, 'product-manager')
    setSigner(ben)
    expect(() => saveOrgRole(doc, pia.deviceId, null)).toThrow(ForeignRecordError)
    setSigner(null)
    // Ben's device gets the org's document; the reminders' collector runs there for Pia's other device
    const peer = new Y.Doc()
    const parts = new SpaceParts()
    const ctx: ServiceContext = {
      space: { id: ORG, kind: 'org' },
      root: peer,
      rootOf: () => null,
      retain: async () => new Y.Doc(),
      release: () => {},
      onSpacesChanged: () => () => {},
      whenChanged: (list, f) => {
        f()
        for (const d of list) d.on('update', f)
        return () => list.forEach((d) => d.off('update', f))
      }
    }
    const stop = collectService(parts).start(ctx)
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    // (seal checks run in the background on WebCrypto: wait for what they lead to, not for a time)
    await vi.waitFor(() => {
      const part = parts.list()[0]
      expect(part?.kind === 'org' && part.roles).toEqual({ [pia.deviceId]: 'product-manager' })
    })
    // her other device changes it (a seal this process has never checked: it reads once checked,
    // after the update that brought it, and the collector reads it again then)
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const fields = { memberId: pia.deviceId, role: 'backlog-owner' }
    const secret = base64urlnopad.decode(pia.secretKey)
    const text = signedText(recordScope('orgRoles', pia.deviceId), fields)
    const sealed = `${base64urlnopad.encode(ed25519.getPublicKey(secret))}.${base64urlnopad.encode(ed25519.sign(utf8ToBytes(text), secret))}`
    other.transact(() => {
      const record = other.getMap(`orgRoles::${pia.deviceId}`)
      record.set('role', 'backlog-owner')
      record.set(SEAL_FIELD, sealed)
    })
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(other, Y.encodeStateVector(peer)))
    await vi.waitFor(() => {
      const after = parts.list()[0]
      expect(after?.kind === 'org' && after.roles).toEqual({ [pia.deviceId]: 'backlog-owner' })
    })
    // a forged role for Pia (written by Ben with a copied seal) is not hers
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(doc))
    const record = forged.getMap(`orgRoles::${pia.deviceId}`)
    record.set('role', 'backlog-owner')
    const roles = collection(forged, ORG_ROLE_RECORDS)
    roles.list()
    // judged forged (not merely waiting for its check), and so absent
    await vi.waitFor(() => expect(roles.stats.forged).toBe(1))
    expect(readOrgRoles(forged)[pia.deviceId]).toBeUndefined()
    stop()
  })
})
