import type * as Y from 'yjs'
import { retroBoardId } from '@shared/retro/board.ts'
import { isRevealed } from '@shared/retro/phases.ts'
import { sprintAt } from '@shared/sprint/schedule.ts'
import { sprintDocKey } from '@shared/sprint/sprintRecords.ts'
import { collection } from '@core/collections/index.ts'
import { isReadOnly } from '@core/documents/index.ts'
import type { Service } from '@core/sync/services.ts'
import type { DraftCardRow } from '@core/database/db.ts'
import { readSprintSetup } from '@features/sprint/index.ts'
import { publishDrafts } from './cards.ts'
import { BOARDS } from './collections.ts'
import { sprintOfKey } from './documents.ts'
import { importInbox } from './inbox.ts'
import { type DraftSource, localDrafts } from './localCards.ts'
import { orgToShareWith, syncOrgCopies } from './orgShare.ts'

/**
 * The retrospective's replication (sync/services.ts): it runs for every active team space on this
 * device, whether or not a retro screen is open, and every run is idempotent, so several devices
 * doing it at once write the same records, and a run with nothing new writes nothing.
 */

/**
 * `retro.orgShare`: a team that shares its late tickets with its org (retro settings) gets them,
 * and its own reasons, copied into the org's root document, and taken out when sharing stops —
 * on any device that has both spaces. Runs when either root document changes, and when the org
 * space arrives on or leaves this device.
 */
export const orgShareService: Service = {
  name: 'retro.orgShare',
  kinds: ['team'],
  start(ctx) {
    let following: { orgId: string; doc: Y.Doc; stop: () => void } | null = null
    const follow = () => {
      const orgId = orgToShareWith(ctx.root)
      const orgDoc = orgId ? ctx.rootOf(orgId) : null
      if (following && following.orgId === orgId && following.doc === orgDoc) return
      following?.stop()
      following = null
      if (!orgId || !orgDoc) return
      const stop = ctx.whenChanged([ctx.root, orgDoc], () => {
        if (!isReadOnly(orgDoc)) syncOrgCopies(ctx.root, ctx.space.id, orgDoc)
      })
      following = { orgId, doc: orgDoc, stop }
    }
    const stopFollowing = ctx.whenChanged([ctx.root], follow)
    const stopSpaces = ctx.onSpacesChanged(follow)
    return () => {
      stopSpaces()
      stopFollowing()
      following?.stop()
      following = null
    }
  }
}

/**
 * `retro.publishDrafts`: cards written during the write phase wait on this device (localCards.ts);
 * while some wait for a board, that board's document is kept loaded and synced, and they go into
 * it once the board is revealed — also when this device was offline at the reveal and comes back
 * later. Runs when the drafts change and when the board's document changes.
 */
export function publishDraftsService(drafts: DraftSource = localDrafts): Service {
  return {
    name: 'retro.publishDrafts',
    kinds: ['team'],
    start(ctx) {
      interface Waiting {
        key: string
        sprint: number
        rows: readonly DraftCardRow[]
        doc: Y.Doc | null
        stop: () => void
        busy: boolean
        again: boolean
      }
      const boards = new Map<string, Waiting>()
      let stopped = false
      const publish = async (w: Waiting): Promise<void> => {
        const doc = w.doc
        if (!doc || stopped || isReadOnly(doc)) return
        if (w.busy) {
          w.again = true
          return
        }
        const board = collection(doc, BOARDS).get(retroBoardId(ctx.space.id, w.sprint))
        if (!board || !isRevealed(board.flow.phase) || w.rows.length === 0) return
        w.busy = true
        try {
          const meId = await drafts.meId()
          if (!meId) return
          const done = publishDrafts(doc, board, w.rows, meId)
          if (done.length) await drafts.remove(done)
        } finally {
          w.busy = false
          if (w.again) {
            w.again = false
            void publish(w)
          }
        }
      }
      const forget = (docId: string, w: Waiting) => {
        boards.delete(docId)
        w.stop()
        ctx.release(w.key)
      }
      const stopWatching = drafts.watch(ctx.space.id, (byBoard) => {
        if (stopped) return
        for (const [docId, w] of boards) if (!byBoard.has(docId)) forget(docId, w)
        for (const [docId, rows] of byBoard) {
          const known = boards.get(docId)
          if (known) {
            known.rows = rows
            void publish(known)
            continue
          }
          const key = docId.slice(ctx.space.id.length + 1)
          const sprint = sprintOfKey(key)
          if (sprint === null) continue
          const w: Waiting = { key, sprint, rows, doc: null, stop: () => {}, busy: false, again: false }
          boards.set(docId, w)
          ctx.retain(key).then(
            (doc) => {
              if (boards.get(docId) !== w) return ctx.release(key)
              w.doc = doc
              w.stop = ctx.whenChanged([doc], () => void publish(w))
            },
            (err: unknown) => console.error('retro: could not open a board for its drafts', err)
          )
        }
      })
      return () => {
        stopped = true
        stopWatching()
        for (const [docId, w] of [...boards]) forget(docId, w)
      }
    }
  }
}

const CADENCE_CHECK_MS = 10 * 60_000

/**
 * `retro.importOpportunities`: the team's current and previous sprint documents are kept loaded
 * and synced (the current sprint from the team's cadence), and whenever one holds a board, the
 * sync-up opportunities logged in it land on that board. Runs when those documents change, when
 * the team's cadence changes, and every few minutes (a new sprint starts).
 */
export function importOpportunitiesService(now: () => Date = () => new Date()): Service {
  return {
    name: 'retro.importOpportunities',
    kinds: ['team'],
    start(ctx) {
      const held = new Map<string, { stop: () => void }>()
      let stopped = false
      const follow = () => {
        if (stopped) return
        const cadence = readSprintSetup(ctx.root).composed?.cadence
        const current = cadence ? (sprintAt(cadence, now()) ?? 1) : null
        const wanted = new Set(current === null ? [] : [current, current - 1].filter((n) => n >= 1).map(sprintDocKey))
        for (const [key, h] of [...held]) {
          if (wanted.has(key)) continue
          held.delete(key)
          h.stop()
          ctx.release(key)
        }
        for (const key of wanted) {
          if (held.has(key)) continue
          const entry = { stop: () => {} }
          held.set(key, entry)
          const sprint = sprintOfKey(key)!
          ctx.retain(key).then(
            (doc) => {
              if (held.get(key) !== entry) return ctx.release(key)
              entry.stop = ctx.whenChanged([doc], () => {
                if (!isReadOnly(doc)) importInbox(doc, ctx.space.id, sprint)
              })
            },
            (err: unknown) => console.error('retro: could not open a sprint for its opportunities', err)
          )
        }
      }
      const stopCadence = ctx.whenChanged([ctx.root], follow)
      const timer = setInterval(follow, CADENCE_CHECK_MS)
      return () => {
        stopped = true
        clearInterval(timer)
        stopCadence()
        for (const [key, h] of [...held]) {
          held.delete(key)
          h.stop()
          ctx.release(key)
        }
      }
    }
  }
}

/** Every replication service of the retrospective (main.tsx starts them). */
export const retroServices: Service[] = [orgShareService, publishDraftsService(), importOpportunitiesService()]
