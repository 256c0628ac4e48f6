import { sprintAt } from '@shared/sprint/schedule.ts'
import { sprintDocKey } from '@shared/sprint/sprintRecords.ts'
import { todayIn } from '@shared/time/dates.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { upsertSelf } from '@core/spaces/spaceDoc.ts'
import { readSprintSetup, setUpDefaultCadence } from '@features/sprint/store/cadenceStore.ts'
import { savePerson } from '@features/sprint/store/people.ts'
import { planningCommands } from '@features/sprint/store/planning.ts'
import { createTeamInOrg } from '@features/sprint/store/teams.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { withRootDoc, withSharedDoc, type Log } from './docs.ts'
import { addDays, personName, pick, TEAM_NAMES, type Rng } from './rand.ts'

/**
 * The sprint part of the dataset, through the sprint store (renderer/src/features/sprint/store) as it is
 * today. KEPT THIN ON PURPOSE: that store is being rewritten; every call into it is in this file,
 * so adapting to new names means editing only here.
 *   - the org space and its cadence (two-week sprints that began so that sprint `sprints` is now)
 *   - its teams (team spaces listed in the org and linked back), each with members and people
 *   - a team's document for sprint n, and a little planning in it
 */
export interface SprintPlan {
  teams: number
  sprints: number
  membersPerTeam: number
  goalsPerSprint: number
}

export interface Team {
  id: string
  name: string
  /** the team's members: this device first, then made-up colleagues (their own entries) */
  members: { id: string; name: string }[]
}

export interface OrgSprints {
  teams: Team[]
  /** sprint numbers of the dataset, oldest first; the last is the current one */
  sprints: number[]
}

export const ZONE = 'Europe/Berlin'
const COLOURS = ['#0e7490', '#b45309', '#7c3aed', '#15803d', '#be123c', '#1d4ed8']

export function createOrg(me: IdentityRow, name: string): Promise<string> {
  return createSpace(name, 'org', me)
}

export async function seedCadenceAndTeams(input: { me: IdentityRow; orgSpaceId: string; r: Rng; plan: SprintPlan; log: Log }): Promise<OrgSprints> {
  const { me, orgSpaceId, r, plan, log } = input
  const today = todayIn(ZONE, Date.now())
  const current = await withRootDoc(orgSpaceId, (doc) => {
    setUpDefaultCadence(doc, addDays(today, -14 * (plan.sprints - 1)), ZONE)
    const cadence = readSprintSetup(doc).composed?.cadence
    if (!cadence) throw new Error('seed: the org cadence does not validate')
    return sprintAt(cadence, new Date()) ?? plan.sprints
  })
  const first = Math.max(1, current - plan.sprints + 1)
  const sprints = Array.from({ length: current - first + 1 }, (_, i) => first + i)
  const teams: Team[] = []
  for (let t = 0; t < plan.teams; t++) {
    const name = TEAM_NAMES[t % TEAM_NAMES.length]! + (t >= TEAM_NAMES.length ? ` ${Math.floor(t / TEAM_NAMES.length) + 1}` : '')
    const id = await createTeamInOrg(orgSpaceId, name, ZONE, me)
    const members = [{ id: me.deviceId, name: me.name }]
    for (let k = 1; k < plan.membersPerTeam; k++) members.push({ id: `member-${t}-${k}`, name: personName(300 + t * 10 + k) })
    await withRootDoc(id, (doc) => {
      const joined = Date.now() - 14 * 86_400_000 * plan.sprints
      // each colleague's device writes its own member entry and person record; here the seed does it for them
      for (const m of members.slice(1)) upsertSelf(doc, { id: m.id, name: m.name, color: pick(r, COLOURS) }, joined)
      for (const m of members) savePerson(doc, m.id, { role: 'team-member', timezone: ZONE, workStart: '09:00', workEnd: '17:00' })
    })
    teams.push({ id, name, members })
  }
  log(`org cadence from sprint ${first} to ${current} (now), ${teams.length} teams`)
  return { teams, sprints }
}

/** A team's document for sprint n, loaded (and persisted) while `f` runs. */
export function withSprintDoc<T>(teamId: string, sprint: number, f: (link: DocLink) => T | Promise<T>): Promise<T> {
  return withSharedDoc(teamId, sprintDocKey(sprint), f)
}

export function planSprint(link: DocLink, r: Rng, sprint: number, goals: number): void {
  const commands = planningCommands(link.doc)
  for (let g = 0; g < goals; g++) commands.addGoal(`Sprint ${sprint} goal ${g + 1}: ${pick(r, ['ship', 'stabilise', 'measure', 'simplify'])} ${pick(r, ['search', 'billing', 'onboarding', 'reports'])}`)
}
