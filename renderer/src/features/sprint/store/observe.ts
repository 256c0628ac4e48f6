import * as Y from 'yjs'
import { z } from 'zod'
import { newSpaceKey, isSpaceKey } from '@shared/spaces/key.ts'
import { observeMirrorKey } from '@shared/spaces/observe.ts'
import { sprintDocKey } from '@shared/sprint/sprintRecords.ts'
import { currentSprint } from '@shared/sprint/sprintDays.ts'
import { todayIn } from '@shared/time/dates.ts'
import { collection, defineCollection, useRecord } from '@core/collections/index.ts'
import { recordIds } from '@core/collections/watcher.ts'
import { isReadOnly } from '@core/documents/index.ts'
import type { Service } from '@core/sync/services.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { readSprintSetup } from './cadenceStore.ts'
import { TEAMS_RAW } from './collections.ts'
import { linkedOrgOf } from './mirror.ts'
import { useSpaceRootDoc, withSpaceRootDoc } from './spaceRoot.ts'

/**
 * Whether the org may observe a team (issue 10 #19; shared/spaces/observe.ts says what observers
 * read and where). The team's root document holds its choice, off by default:
 *   'observe'  record 'org': { open, key } — key: the observe key, new each time it is turned on
 * The `sprint.observeMirror` service, on every member's device:
 *   - gives the sync manager the observe key, so the member-side copies connect in the observers' rooms;
 *   - copies, after each change, the team's name, people and cadence (root document) and the
 *     sync-up answers and timers of the current and previous sprint into those copies — and
 *     nothing else: no retro board, planning, scrum, opportunity or action ever goes there;
 *   - puts the observe key into the org's record of the team while the org is here too (and takes
 *     it out when observing is turned off).
 * Observers' devices only read: what an observer writes stays in their copy.
 */
export const ObserveSetting = z.object({
  open: z.boolean().catch(false),
  key: z.string().refine(isSpaceKey).optional().catch(undefined)
})
export type ObserveSetting = z.infer<typeof ObserveSetting>
export const OBSERVE = defineCollection({ name: 'observe', schema: ObserveSetting })
export const OBSERVE_RECORD = 'org'

/** The observe key while the org may observe, else null. */
export function observeKeyOf(team: Y.Doc): string | null {
  const s = collection(team, OBSERVE).get(OBSERVE_RECORD)
  return s?.open && s.key ? s.key : null
}

export function useOrgMayObserve(teamSpaceId: string): boolean {
  return useRecord(useSpaceRootDoc(teamSpaceId), OBSERVE, OBSERVE_RECORD)?.open === true
}

/** Turns observing on (with a fresh observe key) or off. */
export async function setOrgMayObserve(teamSpaceId: string, open: boolean): Promise<void> {
  await withSpaceRootDoc(teamSpaceId, (team) => {
    collection(team, OBSERVE).replace(OBSERVE_RECORD, open ? { open: true, key: newSpaceKey() } : { open: false })
  })
}

/** What the root-document copy holds: these collections whole, these maps (of meta: these fields). */
const ROOT_COLLECTIONS = ['people', 'cadence', 'teams', 'occurrences', 'team']
const SPRINT_COLLECTIONS = ['syncup', 'timers']
const META_FIELDS = ['name', 'kind', 'relays', 'createdAt']
const VERSIONS = '__tandem'
const SEP = '::'
const MIRROR = Symbol('observe mirror')

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)
const plain = (v: unknown): unknown => (v === undefined ? v : JSON.parse(JSON.stringify(v)))

function copyMap(from: Y.Map<unknown>, to: Y.Map<unknown>, keys: readonly string[] | null, prune: boolean): void {
  for (const [k, v] of from) {
    if (v instanceof Y.AbstractType || (keys && !keys.includes(k))) continue
    if (!same(to.get(k), v)) to.set(k, plain(v))
  }
  if (prune) for (const k of [...to.keys()]) if (!from.has(k) || (keys && !keys.includes(k))) to.delete(k)
}

function mapOf(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  try {
    return doc.getMap(name)
  } catch {
    return null
  }
}

/** One pass of copying `collections` (and the version map) from `src` into `dst`; only what differs is written. */
export function copyForObservers(src: Y.Doc, dst: Y.Doc, collections: readonly string[], root: boolean): void {
  if (isReadOnly(src) || isReadOnly(dst)) return
  dst.transact(() => {
    // the wanted collections' records by their ids (core/collections keeps them): never a walk of
    // the document, whose other root keys (a hostile member's 50 000 junk maps) cost nothing here
    const names = [VERSIONS, ...collections.flatMap((c) => [...recordIds(src, c)].map((id) => `${c}${SEP}${id}`))]
    for (const name of names) {
      if (!src.share.has(name)) continue
      const from = mapOf(src, name)
      const to = mapOf(dst, name)
      if (from && to) copyMap(from, to, null, true)
    }
    if (!root) return
    const meta = [mapOf(src, 'meta'), mapOf(dst, 'meta')] as const
    if (meta[0] && meta[1]) copyMap(meta[0], meta[1], META_FIELDS, true)
    // member entries as the team has them (each is its member's, signed); an observer's own stays
    const members = [mapOf(src, 'members'), mapOf(dst, 'members')] as const
    if (members[0] && members[1]) copyMap(members[0], members[1], null, false)
  }, MIRROR)
}

export const copyRootForObservers = (team: Y.Doc, copy: Y.Doc) => copyForObservers(team, copy, ROOT_COLLECTIONS, true)
export const copySprintForObservers = (sprint: Y.Doc, copy: Y.Doc) => copyForObservers(sprint, copy, SPRINT_COLLECTIONS, false)

/** The org's record of the team carries the observe key exactly while observing is on. Returns whether it wrote. */
export function publishObserveKey(org: Y.Doc, teamId: string, key: string | null): boolean {
  if (isReadOnly(org)) return false
  const teams = collection(org, TEAMS_RAW)
  const record = teams.get(teamId)
  if (!record || (record.observeKey ?? null) === key) return false
  teams.patch(teamId, { observeKey: key ?? undefined })
  return true
}

/** The sprints whose sync-up observers see: the current one and the one before. */
function sprintsToCopy(team: Y.Doc, now: number): number[] {
  const cadence = readSprintSetup(team).composed?.cadence
  if (!cadence) return []
  const n = currentSprint(cadence, todayIn(cadence.timezone, now))
  return n > 1 ? [n, n - 1] : [n]
}

const RECHECK_MS = 10 * 60_000

export function observeMirrorService(now: () => number = Date.now): Service {
  return {
    name: 'sprint.observeMirror',
    kinds: ['team'],
    start(ctx) {
      const team = ctx.root
      const teamId = ctx.space.id
      let mirror: { key: string; stop: () => void } | null = null
      let org: { doc: Y.Doc; stop: () => void } | null = null

      const startMirror = () => {
        let stopped = false
        const stops: (() => void)[] = []
        const copies = new Map<number, () => void>()
        const followSprints = () => {
          const wanted = new Set(sprintsToCopy(team, now()))
          for (const [n, stop] of copies) {
            if (wanted.has(n)) continue
            stop()
            copies.delete(n)
          }
          for (const n of wanted) {
            if (copies.has(n)) continue
            let stop = () => {}
            copies.set(n, () => stop())
            void Promise.all([ctx.retain(sprintDocKey(n)), ctx.retain(observeMirrorKey(sprintDocKey(n)))]).then(([src, copy]) => {
              if (stopped || !copies.has(n)) return
              const off = ctx.whenChanged([src], () => copySprintForObservers(src, copy))
              stop = () => {
                off()
                ctx.release(sprintDocKey(n))
                ctx.release(observeMirrorKey(sprintDocKey(n)))
              }
            })
          }
        }
        void ctx.retain(observeMirrorKey('')).then((copy) => {
          if (stopped) return
          stops.push(ctx.whenChanged([team], () => copyRootForObservers(team, copy)))
          stops.push(ctx.whenChanged([team], followSprints, 1_000))
          const timer = setInterval(followSprints, RECHECK_MS)
          stops.push(() => clearInterval(timer))
        })
        return () => {
          stopped = true
          for (const stop of stops.splice(0)) stop()
          for (const stop of copies.values()) stop()
          copies.clear()
          ctx.release(observeMirrorKey(''))
        }
      }

      const follow = () => {
        const key = observeKeyOf(team)
        if ((mirror?.key ?? null) !== key) {
          mirror?.stop()
          mirror = null
          syncManager.setObserveKey(teamId, key)
          if (key) mirror = { key, stop: startMirror() }
        }
        const orgId = linkedOrgOf(team)
        const orgDoc = orgId ? ctx.rootOf(orgId) : null
        if (org?.doc !== orgDoc) {
          org?.stop()
          org = orgDoc ? { doc: orgDoc, stop: ctx.whenChanged([orgDoc], () => void publishObserveKey(orgDoc, teamId, observeKeyOf(team))) } : null
        } else if (orgDoc) publishObserveKey(orgDoc, teamId, key)
      }
      const offTeam = ctx.whenChanged([team], follow)
      const offSpaces = ctx.onSpacesChanged(follow)
      return () => {
        offTeam()
        offSpaces()
        org?.stop()
        org = null
        mirror?.stop()
        mirror = null
        syncManager.setObserveKey(teamId, null)
      }
    }
  }
}
