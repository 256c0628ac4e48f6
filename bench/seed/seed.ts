import { compressYDocs } from 'y-dexie'
import { encodeInvite } from '@shared/spaces/invite.ts'
import { db } from '@core/database/db.ts'
import { saveIdentity } from '@core/device/identity.ts'
import { inviteFor } from '@core/spaces/commands.ts'
import { seedMentorship } from './mentorship.ts'
import { addDays, rng } from './rand.ts'
import { countOrgLateTickets, seedRetro } from './retro.ts'
import { createOrg, seedCadenceAndTeams } from './sprint.ts'
import type { SeedConfig, SeedSummary } from './types.ts'

/**
 * The bench's seed page (seed.html, same origin as the app, so the same IndexedDB): writes the
 * scale dataset through the app's own stores, one feature per file (mentorship.ts, sprint.ts,
 * retro.ts), then lets y-dexie compress the stored updates as its periodic GC does in the app
 * (a two-year-old database has been compressed many times). The bench calls window.__seed.run.
 */
declare global {
  interface Window {
    __seed?: { run(config: SeedConfig): Promise<SeedSummary> }
  }
}

const log = (line: string) => console.log(`[seed] ${line}`)

async function timed<T>(timings: Record<string, number>, name: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now()
  try {
    return await f()
  } finally {
    timings[name] = Math.round(performance.now() - t0)
  }
}

async function run(config: SeedConfig): Promise<SeedSummary> {
  const r = rng(config.seed)
  const timingsMs: Record<string, number> = {}
  const today = new Date().toISOString().slice(0, 10)
  const me = await saveIdentity('Ada Admin', '#0e7490')
  const orgName = 'Northwind Engineering'
  const orgId = await createOrg(me, orgName)
  log(`identity and org ${orgId}`)

  const problems: string[] = []
  /** one feature's part: a failure is noted and the rest of the dataset still gets written */
  const part = async <T>(name: string, f: () => Promise<T>): Promise<T | null> => {
    try {
      return await timed(timingsMs, name, f)
    } catch (err) {
      problems.push(`${name}: ${(err as Error).message}`)
      log(`${name} FAILED: ${(err as Error).stack ?? (err as Error).message}`)
      return null
    }
  }

  const mentorship = await part('mentorship', () =>
    seedMentorship({
      me,
      orgSpaceId: orgId,
      r,
      log,
      plan: {
        profiles: config.profiles,
        pairs: config.pairs,
        sessionsPerPair: config.sessionsPerPair,
        // the last pair's last session lies just before today
        start: addDays(today, -14 * config.sessionsPerPair - 7 * 6)
      }
    })
  )
  const org = await part('sprint', () =>
    seedCadenceAndTeams({ me, orgSpaceId: orgId, r, log, plan: { teams: config.teams, sprints: config.sprints, membersPerTeam: config.membersPerTeam, goalsPerSprint: config.goalsPerSprint } })
  )
  const retro = !org
    ? null
    : await part('retro', () =>
        seedRetro({
          me,
          orgSpaceId: orgId,
          teams: org.teams,
          sprints: org.sprints,
          r,
          boardRng: (team, sprint) => rng(config.seed * 7919 + team * 100_003 + sprint),
          log,
          plan: {
            cardsPerBoard: config.cardsPerBoard,
            votesPerMember: config.votesPerMember,
            lateTicketsPerSprint: config.lateTicketsPerSprint,
            actionsPerSprint: config.actionsPerSprint,
            goalsPerSprint: config.goalsPerSprint
          }
        })
      )
  // y-dexie writes each update as it happens; wait for the sync manager's lingering documents to
  // be released, then compress every document's updates into one (what its periodic GC does)
  await timed(timingsMs, 'compress', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    await compressYDocs(db())
  })
  log('compressed')
  // read back from storage (a document reopened right after a write may not have it yet: after compressing, it has)
  const orgLateTickets = retro ? await part('read back', () => countOrgLateTickets(orgId)) : null

  const teams = org?.teams ?? []
  const sprints = org?.sprints ?? []
  const current = sprints[sprints.length - 1] ?? 0
  const first = teams[0]
  const updateTables = db().tables.filter((t) => t.name.startsWith('$'))
  let updateRows = 0
  for (const t of updateTables) updateRows += await t.count()
  const estimate = await navigator.storage?.estimate?.().catch(() => null)
  return {
    me: { deviceId: me.deviceId, name: me.name },
    org: { id: orgId, name: orgName },
    teams: teams.map((t, i) => ({ id: t.id, name: t.name, lateTickets: retro?.perTeam[i]?.lateTickets ?? 0, actions: retro?.perTeam[i]?.actions ?? 0 })),
    pairs: (mentorship?.pairs ?? []).map((p) => ({ id: p.spaceId, name: p.name, sessions: config.sessionsPerPair })),
    sprints,
    counts: {
      profiles: mentorship?.counts.profiles ?? 0,
      pairs: mentorship?.counts.pairs ?? 0,
      sessions: mentorship?.counts.sessions ?? 0,
      tracks: mentorship?.counts.tracks ?? 0,
      teams: teams.length,
      boards: retro?.boards ?? 0,
      cards: retro?.cards ?? 0,
      votes: retro?.votes ?? 0,
      lateTickets: retro?.lateTickets ?? 0,
      orgLateTickets: orgLateTickets ?? 0,
      actions: retro?.actions ?? 0
    },
    remote: {
      teamId: first?.id ?? '',
      teamName: first?.name ?? '',
      sprint: current,
      boardId: first ? `retro:${first.id}:${current}` : '',
      cardIds: retro?.firstTeamCurrentCards ?? [],
      invite: first ? encodeInvite(await inviteFor(first.id)) : ''
    },
    timingsMs,
    storage: {
      usageBytes: estimate?.usage ?? null,
      updateRows,
      docRows: await db().docs.count(),
      spaceRows: await db().spaces.count()
    },
    problems
  }
}

window.__seed = { run }
document.getElementById('status')!.textContent = 'ready'
