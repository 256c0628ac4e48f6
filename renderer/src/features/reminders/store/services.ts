import type * as Y from 'yjs'
import type { PairSession } from '@shared/reminders/mentoring.ts'
import type { SpacePart } from '@shared/reminders/sources.ts'
import { readMeta } from '@core/spaces/spaceDoc.ts'
import type { Service, ServiceContext } from '@core/sync/services.ts'
import { PAIR_DOC_KEY, readPairInfo, readSessions } from '@features/mentorship/index.ts'
import { readOrgRoles, readPeopleRoles, readSprintSetup, watchOrgRoles, watchPeopleRoles } from '@features/sprint/index.ts'
import { spaceParts, type SpaceParts } from './parts.ts'
import type { ReminderDevices } from './devices.ts'
import { reminderDevices } from './deviceRegistry.ts'

/**
 * `reminders.collect`: for every active org, team and pair space, with or without a screen open,
 * reads what the reminders need from its documents (the cadence and teams, the people's roles in
 * a team and in the org, the pair's journal) into a `SpacePart` and keeps it current as peers edit. The publisher
 * (publisher.ts) turns all parts into this person's schedule. Reads only: nothing is written, so
 * running on several devices at once is harmless.
 */
export function readSprintPart(ctx: Pick<ServiceContext, 'space' | 'root'>): SpacePart {
  const name = readMeta(ctx.root, '').name
  const setup = readSprintSetup(ctx.root, () => name || 'Team')
  const cadence = setup.composed?.cadence ?? null
  const teams = setup.composed?.teams ?? []
  if (ctx.space.kind === 'org') return { kind: 'org', spaceId: ctx.space.id, name, cadence, teams, roles: readOrgRoles(ctx.root) }
  // a team space is a team of its schedule even before its own record is written (as the team
  // pages read it, useTeamSprint), named after its space
  const id = ctx.space.id
  const record = setup.teamRecords.find((t) => t.id === id)
  const own = teams.find((t) => t.id === id) ?? { id, name, ...(record?.timezone ? { timezone: record.timezone } : {}) }
  return {
    kind: 'team',
    spaceId: id,
    name,
    cadence,
    teams: [...teams.filter((t) => t.id !== id), { ...own, name: name || own.name }],
    orgSpaceId: setup.link?.orgSpaceId ?? null,
    people: readPeopleRoles(ctx.root)
  }
}

export function readPairPart(spaceId: string, root: Y.Doc, journal: Y.Doc): SpacePart {
  const info = readPairInfo(journal)
  const names = info.participants.map((p) => p.name.trim()).filter(Boolean)
  const sessions: PairSession[] = readSessions(journal).map((s) => ({ id: s.id, title: s.title, date: s.date, durationMinutes: s.durationMinutes }))
  return {
    kind: 'pair',
    spaceId,
    pair: {
      spaceId,
      label: names.length >= 2 ? names.join(' & ') : readMeta(root, '').name || info.title,
      ended: info.endedAt !== null,
      cadence: info.cadence,
      nextSession: info.nextSession,
      // sessions have a day, not an hour: the time the pair set for its next session (in its zone)
      // places them; without one, the default time, and the reminder says so
      time: info.nextSessionTime,
      zone: info.nextSessionZone,
      minutes: info.nextSessionMinutes,
      sessions
    }
  }
}

function collect(ctx: ServiceContext, parts: SpaceParts): () => void {
  const id = ctx.space.id
  const safely = (read: () => SpacePart) => {
    try {
      parts.set(id, read())
    } catch (err) {
      console.error(`reminders: could not read space ${id}`, err)
      parts.set(id, null)
    }
  }
  if (ctx.space.kind !== 'pair') {
    const stop = ctx.whenChanged([ctx.root], () => safely(() => readSprintPart(ctx)))
    // a peer's sealed org role or team settings read once their seal is checked, after the update that brought them
    const watchRoles = ctx.space.kind === 'org' ? watchOrgRoles : watchPeopleRoles
    const stopRoles = watchRoles(ctx.root, () => safely(() => readSprintPart(ctx)))
    return () => {
      stop()
      stopRoles()
      parts.set(id, null)
    }
  }
  let stopped = false
  let stop = () => {}
  ctx
    .retain(PAIR_DOC_KEY)
    .then((journal) => {
      if (stopped) return
      stop = ctx.whenChanged([ctx.root, journal], () => safely(() => readPairPart(id, ctx.root, journal)))
    })
    .catch((err: unknown) => console.error(`reminders: the journal of ${id} could not be opened`, err))
  return () => {
    stopped = true
    stop()
    ctx.release(PAIR_DOC_KEY)
    parts.set(id, null)
  }
}

export function collectService(parts: SpaceParts = spaceParts): Service {
  return { name: 'reminders.collect', kinds: ['org', 'team', 'pair'], start: (ctx) => collect(ctx, parts) }
}

/**
 * `reminders.devices`: hands every active space's root document to the registry of this person's
 * devices (devices.ts), which reads and writes the shown records there and watches its presence.
 */
export function devicesService(devices: ReminderDevices = reminderDevices): Service {
  return { name: 'reminders.devices', kinds: ['org', 'team', 'pair'], start: (ctx) => devices.add(ctx.space.id, ctx.root) }
}

export const reminderServices: readonly Service[] = [collectService(), devicesService()]
