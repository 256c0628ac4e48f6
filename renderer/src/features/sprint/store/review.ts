import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import {
  DEFAULT_SLOT_MS,
  type DemoItem,
  type DemoSection,
  type FollowUp,
  type PlanSource,
  type Presenter,
  type Reaction,
  type Recipient,
  type ShoutOut,
  type ShoutReaction,
  demoPrefill,
  reactionId,
  withAuthorNames
} from '@shared/less/review.ts'
import { namesOf } from '@shared/members/personName.ts'
import type { MemberRecord } from '@shared/members/presence.ts'
import { type EscalatedItem } from '@shared/retro/cards.ts'
import type { SharedTimer } from '@shared/sync/clock.ts'
import { sprintDocKey } from '@shared/sprint/sprintRecords.ts'
import { collection, useRecord, useRecords, type Rec } from '@core/collections/index.ts'
import type { SpaceRow } from '@core/database/db.ts'
import { membersOf, readMembers, watchMembers } from '@core/spaces/spaceDoc.ts'
import { useClockOffsets } from '@core/sync/clock.ts'
import { useSharedDoc } from '@core/sync/useSharedDoc.ts'
import { type TeamEntry, useOrgTeams } from './cadenceStore.ts'
import {
  DEMO_ITEMS,
  DEMO_PREFILL,
  ESCALATIONS_READ,
  FOLLOW_UPS,
  GOALS,
  PLAN,
  PRESENTER,
  PRESENTER_RECORD,
  REVIEW_NOTES,
  SHOUT_OUTS,
  SHOUT_REACTIONS
} from './collections.ts'
import { registerSprintDocuments, reviewDocKey } from './documents.ts'
import { type Attendee, useAttendees, useRoomCount } from './meetingRoom.ts'
import { useSpaceRootDoc, useSpaceRow } from './spaceRoot.ts'

/**
 * The sprint retrospective & demo (org space) at the end of sprint n: what teams escalated (read
 * from the org's `sprint/<n>`, where the retrospective puts it), the org's notes and follow-ups,
 * shout-outs (org root document, every sprint's), the teams' demo slides and the presenter with
 * its shared timer (the org's `review/<n>`).
 */
registerSprintDocuments()

/** a shout-out with its author's and recipients' names as their member entries give them */
export type ShoutOutItem = Rec<ShoutOut> & { author: string; toNames: string[] }
export type FollowUpItem = Rec<FollowUp>
export type DemoLine = Rec<DemoItem>
export type Member = Pick<MemberRecord, 'id' | 'name' | 'color'>

export interface ReviewCommands {
  saveNote(escalationId: string, text: string): void
  addFollowUp(escalationId: string, text: string, owner: string): void
  updateFollowUp(id: string, patch: Partial<Pick<FollowUp, 'text' | 'owner' | 'done'>>): void
  removeFollowUp(id: string): void
  shoutOut(text: string, to: readonly Recipient[]): string
  removeShoutOut(id: string): void
  toggleReaction(shoutOutId: string, emoji: Reaction): void
  addDemoItem(teamId: string, section: DemoSection, text: string, url: string): void
  updateDemoItem(id: string, patch: Partial<Pick<DemoItem, 'text' | 'url' | 'achieved'>>): void
  removeDemoItem(id: string): void
  /** fills a team's slide in from its planning (nothing twice) */
  prefill(teamId: string, source: PlanSource): number
  /** the presenter puts `teamId` on, its timer starting now (null: the demo is over) */
  present(teamId: string | null, durationMs?: number): void
  /** pauses or resumes, keeping `remainingMs` (the time left as this device shows it) */
  pauseTimer(paused: boolean, remainingMs: number): void
}

export interface SprintReview {
  escalations: readonly EscalatedItem[]
  notes: ReadonlyMap<string, string>
  followUps: readonly FollowUpItem[]
  shoutOuts: readonly ShoutOutItem[]
  reactions: readonly Rec<ShoutReaction>[]
  demoItems: readonly DemoLine[]
  prefilled: ReadonlySet<string>
  teams: readonly TeamEntry[]
  members: readonly Member[]
  presenter: Rec<Presenter> | null
  timer: SharedTimer | null
  offsetOf(memberId: string): number
  present: Attendee[]
  /** how many the relay counts in the demo's room (it passes on only some presences in a big room) */
  roomCount: number
  /** null until the documents are open */
  commands: ReviewCommands | null
}

const NO_MEMBERS: readonly MemberRecord[] = []
const nothing = () => () => {}
function useMembers(doc: Y.Doc | null): readonly MemberRecord[] {
  const subscribe = useCallback((f: () => void) => (doc ? watchMembers(doc, f) : nothing()), [doc])
  const snapshot = useCallback(() => (doc ? membersOf(doc) : NO_MEMBERS), [doc])
  return useSyncExternalStore(subscribe, snapshot)
}

/** The org's shout-outs as the review shows them: sealed ones only, named by member entries. */
export function readShoutOuts(root: Y.Doc): ShoutOutItem[] {
  return withAuthorNames(collection(root, SHOUT_OUTS).list(), namesOf(readMembers(root)))
}

function reviewCommands(root: Y.Doc, review: Y.Doc, sprint: number, me: { id: string; name: string }): ReviewCommands {
  const items = collection(review, DEMO_ITEMS)
  const presenter = collection(review, PRESENTER)
  return {
    saveNote: (escalationId, text) => collection(review, REVIEW_NOTES).replace(escalationId, { text }),
    addFollowUp: (escalationId, text, owner) => void collection(review, FOLLOW_UPS).create({ escalationId, text: text.trim(), owner: owner.trim(), done: false, createdAt: Date.now() }),
    updateFollowUp: (id, patch) => collection(review, FOLLOW_UPS).patch(id, patch),
    removeFollowUp: (id) => collection(review, FOLLOW_UPS).remove(id),
    shoutOut: (text, to) => collection(root, SHOUT_OUTS).create({ sprint, text: text.trim(), to: [...to], authorId: me.id, createdAt: Date.now() }),
    removeShoutOut: (id) => collection(root, SHOUT_OUTS).remove(id),
    toggleReaction: (shoutOutId, emoji) => {
      const reactions = collection(root, SHOUT_REACTIONS)
      const id = reactionId(shoutOutId, me.id, emoji)
      // emptied, not removed: the same reaction can be given again
      if (reactions.get(id)) reactions.clear(id)
      else reactions.upsert(id, { shoutOutId, memberId: me.id, emoji, at: Date.now() })
    },
    addDemoItem: (teamId, section, text, url) => void items.create({ teamId, section, text: text.trim(), url: url.trim(), achieved: section === 'done' }),
    updateDemoItem: (id, patch) => items.patch(id, patch),
    removeDemoItem: (id) => items.remove(id),
    prefill: (teamId, source) => {
      const wanted = demoPrefill(teamId, source).filter((i) => !items.get(i.id))
      review.transact(() => {
        if (wanted.length) items.createMany(wanted)
        collection(review, DEMO_PREFILL).upsert(teamId, { at: Date.now(), by: me.name })
      })
      return wanted.length
    },
    present: (teamId, durationMs) => {
      if (!teamId) return presenter.clear(PRESENTER_RECORD)
      const slot = durationMs ?? presenter.get(PRESENTER_RECORD)?.durationMs ?? DEFAULT_SLOT_MS
      presenter.replace(PRESENTER_RECORD, { teamId, startedAt: Date.now(), durationMs: slot, startedBy: me.id, pausedAt: null })
    },
    pauseTimer: (paused, remainingMs) => {
      const now = presenter.get(PRESENTER_RECORD)
      if (!now || (now.pausedAt !== null) === paused) return
      // rewritten in this device's clock, keeping the time left as this device sees it
      const at = Date.now()
      const left = Math.max(0, Math.min(now.durationMs, remainingMs))
      presenter.replace(PRESENTER_RECORD, { teamId: now.teamId, durationMs: now.durationMs, startedBy: me.id, startedAt: at - (now.durationMs - left), pausedAt: paused ? at : null })
    }
  }
}

export function useSprintReview(space: SpaceRow, sprint: number | null, me: { id: string; name: string }): SprintReview {
  const root = useSpaceRootDoc(space.id)
  const link = useSharedDoc(sprint === null ? null : space.id, reviewDocKey(sprint ?? 0))
  const sprintLink = useSharedDoc(sprint === null ? null : space.id, sprintDocKey(sprint ?? 0))
  const review = link?.doc ?? null
  const present = useAttendees(link, space.id)
  const roomCount = useRoomCount(link)
  const offsetOf = useClockOffsets(link)
  const escalationRecords = useRecords(sprintLink?.doc ?? null, ESCALATIONS_READ)
  const noteRecords = useRecords(review, REVIEW_NOTES)
  const followUps = useRecords(review, FOLLOW_UPS)
  const shoutOutRecords = useRecords(root, SHOUT_OUTS)
  const reactions = useRecords(root, SHOUT_REACTIONS)
  const demoItems = useRecords(review, DEMO_ITEMS)
  const prefillRecords = useRecords(review, DEMO_PREFILL)
  const presenter = useRecord(review, PRESENTER, PRESENTER_RECORD)
  const teams = useOrgTeams(root)
  const memberRecords = useMembers(root)
  const members = useMemo(() => memberRecords.filter((m) => !m.leftAt).map((m) => ({ id: m.id, name: m.name, color: m.color })).sort((a, b) => a.name.localeCompare(b.name)), [memberRecords])
  const shoutOuts = useMemo(() => withAuthorNames(shoutOutRecords, namesOf(memberRecords)), [shoutOutRecords, memberRecords])
  const escalations = useMemo(() => escalationRecords.map((e) => ({ ...e })), [escalationRecords])
  const notes = useMemo(() => new Map(noteRecords.map((n) => [n.id, n.text])), [noteRecords])
  const prefilled = useMemo(() => new Set(prefillRecords.map((p) => p.id)), [prefillRecords])
  const timer = useMemo<SharedTimer | null>(
    () => (presenter ? { startedAt: presenter.startedAt, durationMs: presenter.durationMs, startedBy: presenter.startedBy, pausedAt: presenter.pausedAt ?? undefined } : null),
    [presenter]
  )
  const commands = useMemo(() => (root && review && sprint !== null ? reviewCommands(root, review, sprint, me) : null), [root, review, sprint, me])
  return { escalations, notes, followUps, shoutOuts, reactions, demoItems, prefilled, teams, members, presenter, timer, offsetOf, present, roomCount, commands }
}

/**
 * What a team's planning says about sprint n (its goals and plan) and n+1 (the goals set in its
 * scrum), on a device that has the team's space; `available` false elsewhere.
 */
export function useTeamPlanSource(teamSpaceId: string, sprint: number): { available: boolean; source: PlanSource } {
  const row = useSpaceRow(teamSpaceId)
  const here = !!row && row.status === 'active'
  const now = useSharedDoc(here ? teamSpaceId : null, sprintDocKey(sprint))
  const next = useSharedDoc(here ? teamSpaceId : null, sprintDocKey(sprint + 1))
  const goals = useRecords(now?.doc ?? null, GOALS)
  const tickets = useRecords(now?.doc ?? null, PLAN)
  const nextGoals = useRecords(next?.doc ?? null, GOALS)
  const source = useMemo(() => ({ goals, tickets, nextGoals }), [goals, tickets, nextGoals])
  return { available: here && !!now && !!next, source }
}
