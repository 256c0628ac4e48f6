import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  readSprintSetup,
  saveCadenceFields,
  saveOccurrenceOverride,
  saveTeamCeremony,
  saveTeamLink,
  saveTeamRecord
} from '@features/sprint/store/cadenceStore.ts'
import { mirrorCadence } from '@features/sprint/store/mirror.ts'
import { defaultCadenceFields } from '@shared/sprint/cadenceRecords.ts'

/** The org and one team space's root documents, on a device that has both. */
function spaces() {
  const org = new Y.Doc()
  const team = new Y.Doc()
  team.getMap('meta').set('name', 'Payments')
  saveCadenceFields(org, defaultCadenceFields('2026-03-04', 'Europe/Berlin'))
  saveTeamRecord(org, 'pay', { name: 'Payments', spaceId: 'pay' })
  saveTeamLink(team, { orgSpaceId: 'org1', teamId: 'pay' })
  return { org, team }
}

describe('mirroring the cadence between an org and a team space', () => {
  it('gives the team the org rhythm, and the org the team settings', () => {
    const { org, team } = spaces()
    saveTeamRecord(team, 'pay', { timezone: 'America/New_York' })
    saveTeamCeremony(team, 'pay', 'daily-sync-up', { start: '09:30' })
    expect(mirrorCadence(org, 'org1', team, 'pay')).toBe(true)
    expect(mirrorCadence(org, 'org1', team, 'pay')).toBe(false)

    const inTeam = readSprintSetup(team).composed
    expect(inTeam?.cadence.firstSprintStart).toBe('2026-03-04')
    expect(inTeam?.cadence.timezone).toBe('Europe/Berlin')
    const inOrg = readSprintSetup(org).composed
    expect(inOrg?.teams).toEqual([{ id: 'pay', name: 'Payments', timezone: 'America/New_York' }])
    expect(inOrg?.cadence.teams.pay?.ceremonies['daily-sync-up']).toEqual({ start: '09:30' })

    // the org changes its rhythm: the team's copy follows
    saveCadenceFields(org, { sprintLengthDays: 7 })
    mirrorCadence(org, 'org1', team, 'pay')
    expect(readSprintSetup(team).composed?.cadence.sprintLengthDays).toBe(7)
  })

  it('follows a meeting cancelled, restored and cancelled again (records come back after clearing)', () => {
    const { org, team } = spaces()
    const id = 'team-scrum:pay:2026-03-16'
    const inOrg = () => readSprintSetup(org).composed?.cadence.occurrences[id]
    saveOccurrenceOverride(team, id, { cancelled: true })
    mirrorCadence(org, 'org1', team, 'pay')
    expect(inOrg()).toEqual({ cancelled: true })
    saveOccurrenceOverride(team, id, null)
    mirrorCadence(org, 'org1', team, 'pay')
    expect(inOrg()).toBeUndefined()
    saveOccurrenceOverride(team, id, { durationMinutes: 90, note: 'Long one' })
    mirrorCadence(org, 'org1', team, 'pay')
    expect(inOrg()).toEqual({ durationMinutes: 90, note: 'Long one' })
    // an org meeting goes the other way
    saveOccurrenceOverride(org, 'sprint-retro-demo:org:2026-03-17', { cancelled: true })
    mirrorCadence(org, 'org1', team, 'pay')
    expect(readSprintSetup(team).composed?.cadence.occurrences['sprint-retro-demo:org:2026-03-17']).toEqual({ cancelled: true })
  })

  it('leaves a team that is not linked to this org alone', () => {
    const { org, team } = spaces()
    saveTeamLink(team, { orgSpaceId: 'another-org', teamId: 'pay' })
    expect(mirrorCadence(org, 'org1', team, 'pay')).toBe(false)
    expect(readSprintSetup(team).composed).toBeNull()
  })
})
