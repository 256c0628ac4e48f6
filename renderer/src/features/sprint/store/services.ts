import type * as Y from 'yjs'
import { browserZone, todayIn } from '@shared/time/dates.ts'
import { collection } from '@core/collections/index.ts'
import { isReadOnly } from '@core/documents/index.ts'
import type { Service } from '@core/sync/services.ts'
import { getIdentity } from '@core/device/identity.ts'
import { createdByOf, readMembers } from '@core/spaces/spaceDoc.ts'
import { setUpDefaultCadence } from './cadenceStore.ts'
import { CADENCE, CADENCE_RECORD, TEAM_LINK, TEAM_LINK_RECORD } from './collections.ts'
import { registerSprintDocuments } from './documents.ts'
import { linkedOrgOf, mirrorCadence } from './mirror.ts'
import { ensurePerson, hasPerson } from './people.ts'
import { currentRound, mayPublish, roundId, voteId } from '@shared/less/poker.ts'
import type { PokerVoteRow } from '@core/database/db.ts'
import { mirrorWhenChecked, watchQuestions } from './backlogMirror.ts'
import { POKER_ROUNDS, POKER_VOTES } from './collections.ts'
import { sprintOfScrumKey } from './documents.ts'
import { localVotes, type VoteSource } from './localVotes.ts'
import { joinAnswersService, teamKeyOutService } from './teamAccess.ts'
import { observeMirrorService } from './observe.ts'

/**
 * The sprint feature's replication, as services (sync/services.ts): they run for every active
 * space of their kinds on this device, whether or not a sprint screen is open, and each is
 * idempotent, so the devices of a space can all run them at once:
 *
 *   sprint.cadenceMirror  (team spaces) while the org the team follows is active here too: copies
 *                         the org's rhythm and meetings to the team and the team's name, zone,
 *                         meetings and one-off changes to the org (mirror.ts), after any change
 *                         of either root document; only what differs is written.
 *   sprint.defaults       (org and team spaces) on the device of the space's creator: a space
 *                         without a cadence (and a team without an org) gets the default one.
 *   sprint.ensurePerson   (team spaces) gives this device's member their first people record.
 *   sprint.backlogMirror  (team spaces) while the team's org is active here too: the org's tickets
 *                         assigned to the team go into the team's copy, the team's accepted
 *                         estimates and questions onto the org's tickets (backlogMirror.ts).
 *   sprint.publishVotes   (team spaces) planning-poker votes wait on this device (localVotes.ts);
 *                         while some wait, their scrum document is kept open, and each goes into
 *                         it once its round is revealed (a vote of a round that was replaced
 *                         without a reveal is dropped).
 */

/** What the services need to know about this device (tests give their own). */
export interface Device {
  /** this device's member id (null before the first run has chosen a name) */
  memberId(): Promise<string | null>
  zone(): string
  now(): number
}

const thisDevice: Device = {
  memberId: async () => (await getIdentity())?.deviceId ?? null,
  zone: () => browserZone(),
  now: () => Date.now()
}

/**
 * A new space gets its defaults a moment after it appears, not at once: the command that creates
 * a team for an org links it right after creating it, and a linked team takes the org's rhythm.
 */
export const DEFAULTS_AFTER_MS = 1_500

/** One pass of the defaults: writes the default cadence when this device should. Returns whether it wrote. */
export function fillInDefaults(doc: Y.Doc, kind: 'org' | 'team', meId: string, device: Pick<Device, 'zone' | 'now'>): boolean {
  if (isReadOnly(doc) || createdByOf(doc) !== meId) return false
  if (collection(doc, CADENCE).get(CADENCE_RECORD)) return false
  // a team that follows an org gets the org's rhythm, not the defaults
  if (kind === 'team' && collection(doc, TEAM_LINK).get(TEAM_LINK_RECORD)) return false
  const zone = device.zone()
  setUpDefaultCadence(doc, todayIn(zone, device.now()), zone)
  return true
}

/** One pass of the people record: this member's first one, while they are a member. Returns whether it wrote. */
export function ensureMyPerson(doc: Y.Doc, meId: string, zone: string): boolean {
  if (isReadOnly(doc)) return false
  const member = readMembers(doc).find((m) => m.id === meId)
  if (!member || member.leftAt) return false
  return ensurePerson(doc, meId, zone)
}

/** Starts `f` once this device's member id is known (after `delayMs`); returns how to stop. */
function withMember(device: Device, delayMs: number, f: (meId: string) => () => void): () => void {
  let stopped = false
  let stop: (() => void) | null = null
  const begin = () => {
    void device.memberId().then((meId) => {
      if (!stopped && meId) stop = f(meId)
    })
  }
  const timer = delayMs > 0 ? setTimeout(begin, delayMs) : null
  if (!timer) begin()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    stop?.()
  }
}

export function cadenceMirrorService(): Service {
  return {
    name: 'sprint.cadenceMirror',
    kinds: ['team'],
    start(ctx) {
      const team = ctx.root
      const teamId = ctx.space.id
      let current: { orgId: string; org: Y.Doc; stop: () => void } | null = null
      // only while both spaces are here (a space just left or removed is not written to)
      const bothHere = (orgId: string, org: Y.Doc) => ctx.rootOf(orgId) === org && ctx.rootOf(teamId) === team
      const follow = () => {
        const orgId = linkedOrgOf(team)
        const org = orgId ? ctx.rootOf(orgId) : null
        if (current && current.orgId === orgId && current.org === org) return
        current?.stop()
        current = null
        if (!orgId || !org) return
        current = {
          orgId,
          org,
          stop: ctx.whenChanged([org, team], () => {
            if (bothHere(orgId, org) && !isReadOnly(org) && !isReadOnly(team)) mirrorCadence(org, orgId, team, teamId)
          })
        }
      }
      follow()
      const offLink = collection(team, TEAM_LINK).subscribe(follow)
      const offSpaces = ctx.onSpacesChanged(follow)
      return () => {
        offLink()
        offSpaces()
        current?.stop()
        current = null
      }
    }
  }
}

export function defaultsService(device: Device = thisDevice, delayMs = DEFAULTS_AFTER_MS): Service {
  return {
    name: 'sprint.defaults',
    kinds: ['org', 'team'],
    start(ctx) {
      const kind = ctx.space.kind === 'org' ? 'org' : 'team'
      return withMember(device, delayMs, (meId) => ctx.whenChanged([ctx.root], () => fillInDefaults(ctx.root, kind, meId, device)))
    }
  }
}

export function ensurePersonService(device: Device = thisDevice): Service {
  return {
    name: 'sprint.ensurePerson',
    kinds: ['team'],
    start(ctx) {
      // the zone is asked only when a record is missing (Intl's zone lookup costs a receiver per edit)
      return withMember(device, 0, (meId) => ctx.whenChanged([ctx.root], () => void (hasPerson(ctx.root, meId) || ensureMyPerson(ctx.root, meId, device.zone()))))
    }
  }
}

/** Follows the org the team is linked to while both are here, running `pass` after changes of either. */
function whileLinkedToOrg(
  name: string,
  pass: (org: Y.Doc, orgId: string, team: Y.Doc, teamId: string, stillHere: () => boolean) => void,
  /** what else runs a pass besides updates of either document */
  watch?: (org: Y.Doc, team: Y.Doc, f: () => void) => () => void
): Service {
  return {
    name,
    kinds: ['team'],
    start(ctx) {
      const team = ctx.root
      const teamId = ctx.space.id
      let current: { orgId: string; org: Y.Doc; stop: () => void } | null = null
      const bothHere = (orgId: string, org: Y.Doc) => ctx.rootOf(orgId) === org && ctx.rootOf(teamId) === team
      const follow = () => {
        const orgId = linkedOrgOf(team)
        const org = orgId ? ctx.rootOf(orgId) : null
        if (current && current.orgId === orgId && current.org === org) return
        current?.stop()
        current = null
        if (!orgId || !org) return
        const entry = { orgId, org, stop: () => {} }
        const stillHere = () => bothHere(orgId, org) && !isReadOnly(org) && !isReadOnly(team)
        const run = () => {
          if (stillHere()) pass(org, orgId, team, teamId, stillHere)
        }
        current = entry
        const stopChanges = ctx.whenChanged([org, team], run)
        const stopWatch = watch?.(org, team, run) ?? (() => {})
        entry.stop = () => {
          stopWatch()
          stopChanges()
        }
      }
      follow()
      const offLink = collection(team, TEAM_LINK).subscribe(follow)
      const offSpaces = ctx.onSpacesChanged(follow)
      return () => {
        offLink()
        offSpaces()
        current?.stop()
        current = null
      }
    }
  }
}

export function backlogMirrorService(): Service {
  return whileLinkedToOrg(
    'sprint.backlogMirror',
    (org, orgId, team, teamId, stillHere) => {
      mirrorWhenChecked(org, orgId, team, teamId, stillHere).catch((err: unknown) => console.error('backlog mirror: a pass failed', err))
    },
    watchQuestions
  )
}

/**
 * One pass over the votes waiting for one scrum document: publishes those whose round is revealed,
 * drops those whose round was replaced unrevealed. Returns the ids of the rows it is done with.
 */
export function publishWaitingVotes(doc: Y.Doc, rows: readonly PokerVoteRow[], meId: string): string[] {
  const rounds = collection(doc, POKER_ROUNDS)
  const votes = collection(doc, POKER_VOTES)
  const done: string[] = []
  doc.transact(() => {
    for (const row of rows) {
      const round = rounds.get(roundId(row.ticketId, row.round))
      if (mayPublish(round)) {
        const id = voteId(row.ticketId, row.round, meId)
        if (votes.get(id)?.value !== row.value) votes.upsert(id, { ticketId: row.ticketId, round: row.round, memberId: meId, value: row.value })
        done.push(row.id)
        continue
      }
      const latest = currentRound(rounds.list(), row.ticketId)
      if (latest && latest.round > row.round) done.push(row.id)
    }
  })
  return done
}

export function publishVotesService(source: VoteSource = localVotes): Service {
  return {
    name: 'sprint.publishVotes',
    kinds: ['team'],
    start(ctx) {
      interface Waiting {
        key: string
        rows: readonly PokerVoteRow[]
        doc: Y.Doc | null
        stop: () => void
        busy: boolean
        again: boolean
      }
      const held = new Map<string, Waiting>()
      let stopped = false
      const publish = async (w: Waiting): Promise<void> => {
        const doc = w.doc
        if (!doc || stopped || isReadOnly(doc) || w.rows.length === 0) return
        if (w.busy) {
          w.again = true
          return
        }
        w.busy = true
        try {
          const meId = await source.meId()
          if (!meId || stopped) return
          const done = publishWaitingVotes(doc, w.rows, meId)
          if (done.length) await source.remove(done)
        } finally {
          w.busy = false
          if (w.again) {
            w.again = false
            void publish(w)
          }
        }
      }
      const forget = (docId: string, w: Waiting) => {
        held.delete(docId)
        w.stop()
        ctx.release(w.key)
      }
      const stopWatching = source.watch(ctx.space.id, (rows) => {
        if (stopped) return
        const byDoc = new Map<string, PokerVoteRow[]>()
        for (const row of rows) byDoc.set(row.docId, [...(byDoc.get(row.docId) ?? []), row])
        for (const [docId, w] of [...held]) if (!byDoc.has(docId)) forget(docId, w)
        for (const [docId, list] of byDoc) {
          const known = held.get(docId)
          if (known) {
            known.rows = list
            void publish(known)
            continue
          }
          const key = docId.slice(ctx.space.id.length + 1)
          if (!docId.startsWith(`${ctx.space.id}/`) || sprintOfScrumKey(key) === null) continue
          const w: Waiting = { key, rows: list, doc: null, stop: () => {}, busy: false, again: false }
          held.set(docId, w)
          ctx.retain(key).then(
            (doc) => {
              if (held.get(docId) !== w) return ctx.release(key)
              w.doc = doc
              w.stop = ctx.whenChanged([doc], () => void publish(w))
            },
            (err: unknown) => console.error('scrum: could not open a scrum for its votes', err)
          )
        }
      })
      return () => {
        stopped = true
        stopWatching()
        for (const [docId, w] of [...held]) forget(docId, w)
      }
    }
  }
}

registerSprintDocuments()

/** Every sprint service, for `startServices` (main.tsx). */
export const sprintServices: Service[] = [
  cadenceMirrorService(),
  defaultsService(),
  ensurePersonService(),
  backlogMirrorService(),
  publishVotesService(),
  teamKeyOutService(),
  joinAnswersService(),
  observeMirrorService()
]
