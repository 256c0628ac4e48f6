import { z } from 'zod'
import { OccurrenceOverride } from '@shared/sprint/cadence.ts'
import { TeamRecord } from '@shared/sprint/cadenceRecords.ts'
import { PERSON_FIELDS, PersonSettings } from '@shared/sprint/people.ts'
import { Goal, Opportunity, PlanTicket, Question, SyncUpEntry, TimerRecord } from '@shared/sprint/sprintRecords.ts'
import { AssignedTicket, BacklogTicket, TeamEstimate, TicketQuestion } from '@shared/less/tickets.ts'
import { DeckSetting, PokerRound, PublishedVote, VoteMarker } from '@shared/less/poker.ts'
import { DemoItem, DemoPrefill, DiscussionNote, FollowUp, Presenter, ShoutOut, ShoutReaction } from '@shared/less/review.ts'
import { EscalatedItemFields } from '@shared/retro/escalations.ts'
import { defineCollection } from '@core/collections/index.ts'

/**
 * The sprint feature's record collections. The names are the storage layout and stay inside
 * data/sprint: the UI reads and writes through the stores' hooks and commands.
 *
 * A space's root document (org space: every team; team space: itself and its org's copy):
 *   'cadence'     record 'org': sprint length, first start, zone, working days, holidays, sync-up
 *                 rules, org-wide ceremony settings (one field each)
 *   'teams'       team id → TeamRecord (a team's id is its team space's id)
 *   'occurrences' occurrence id → OccurrenceOverride
 *   'team'        record 'link': in a team space, the org it belongs to
 *   'people'      member id → PersonSettings (each member writes their own, sealed by them)
 * A team's document for sprint n (`sprint/<n>`, documents.ts):
 *   'goals', 'questions', 'plan'   ordered lists of the team sprint planning
 *   'syncup'      `${date}|${memberId}` → SyncUpEntry
 *   'timers'      date → the day's shared sync-up timer
 *   'opportunities' id → Opportunity (the retro inbox)
 *
 * LeSS planning (shared/less):
 *   org root document   'lessTickets'   ticket id (its key) → BacklogTicket (division planning)
 *                       'lessQuestions' id → TicketQuestion (the division's, per ticket)
 *   team root document  'lessAssigned'  ticket id → AssignedTicket (the org's tickets for this
 *                                       team: written by the backlog mirror only)
 *                       'lessEstimates' ticket id → TeamEstimate (accepted in the team scrum)
 *                       'lessTeamQuestions' id → TicketQuestion (the team's, per ticket)
 *   team document `scrum/<n>` (the team scrum held for sprint n):
 *                       'pokerSettings' 'deck' → DeckSetting
 *                       'pokerRounds'   `${ticket}#${round}` → PokerRound
 *                       'pokerMarks'    `${ticket}#${round}|${member}` → VoteMarker (no value)
 *                       'pokerVotes'    same id → PublishedVote (written at reveal)
 *                       'pokerFocus'    'now' → the ticket the team looks at
 *   org root document   'shoutOuts'     id → ShoutOut (every sprint's), 'shoutReactions' toggles
 *   org document `review/<n>` (the sprint retrospective & demo at the end of sprint n):
 *                       'reviewNotes'   escalation id → DiscussionNote
 *                       'followUps'     id → FollowUp
 *                       'demoItems'     id → DemoItem (ordered), 'demoPrefill' team id → when
 *                       'presenter'     'now' → Presenter (the team on, its timer)
 *   org document `sprint/<n>`: 'escalations' is the retrospective's (features/retro), read here
 */
export const AnyRecord = z.record(z.string(), z.unknown())
export type JsonRecord = z.infer<typeof AnyRecord>

export const CADENCE_RECORD = 'org'
export const TEAM_LINK_RECORD = 'link'

export const TeamLink = z.object({
  orgSpaceId: z.string().optional().catch(undefined),
  teamId: z.string().optional().catch(undefined)
})
export type TeamLink = z.infer<typeof TeamLink>

/** the cadence's top-level fields as stored (composeCadence validates them) */
export const CADENCE = defineCollection({ name: 'cadence', schema: AnyRecord })
export const TEAMS = defineCollection({ name: 'teams', schema: TeamRecord })
export const OCCURRENCES = defineCollection({ name: 'occurrences', schema: OccurrenceOverride })
/** the same records as plain JSON: the mirror copies what is stored, valid or not, field by field */
export const TEAMS_RAW = defineCollection({ name: 'teams', schema: AnyRecord })
export const OCCURRENCES_RAW = defineCollection({ name: 'occurrences', schema: AnyRecord })
export const TEAM_LINK = defineCollection({ name: 'team', schema: TeamLink })
/** a member's settings are theirs, sealed whole; read only under their own id (people.ts, isOwnSettings) */
export const PEOPLE = defineCollection({ name: 'people', schema: PersonSettings, signed: { by: 'memberId', fields: PERSON_FIELDS } })
/** the same records as stored, sealed or not: whether a member's record exists at all (people.ts) */
export const PEOPLE_RAW = defineCollection({ name: 'people', schema: AnyRecord })

export const GOALS = defineCollection({ name: 'goals', schema: Goal, ordered: true })
export const QUESTIONS = defineCollection({ name: 'questions', schema: Question, ordered: true })
export const PLAN = defineCollection({ name: 'plan', schema: PlanTicket, ordered: true })
/** a member's answers of a day are theirs, sealed whole (the id names them too: syncUp.ts reads only matching ones) */
export const SYNCUP = defineCollection({ name: 'syncup', schema: SyncUpEntry, signed: { by: 'memberId', fields: ['date', 'memberId', 'yesterday', 'today', 'blockers', 'updatedAt'] } })
export const TIMERS = defineCollection({ name: 'timers', schema: TimerRecord })
/** an opportunity is its logger's, sealed whole; its `authorName` is not what names them (retroInbox.ts) */
export const OPPORTUNITIES = defineCollection({ name: 'opportunities', schema: Opportunity, signed: { by: 'authorId', fields: ['text', 'authorId', 'authorName', 'date', 'createdAt', 'source'] } })

export const LESS_TICKETS = defineCollection({ name: 'lessTickets', schema: BacklogTicket })
/** a ticket question is its asker's, sealed (its answer and resolved mark stay anyone's); named by member entries (shared/less/askers.ts) */
const ASKED = { by: 'authorId', fields: ['ticketId', 'text', 'kind', 'authorId', 'authorName', 'createdAt'] } as const
export const LESS_QUESTIONS = defineCollection({ name: 'lessQuestions', schema: TicketQuestion, parent: { def: LESS_TICKETS, field: 'ticketId' }, signed: ASKED })
export const LESS_ASSIGNED = defineCollection({ name: 'lessAssigned', schema: AssignedTicket })
/** the team's copies as stored (the mirror compares and overwrites what is there, valid or not) */
export const LESS_ASSIGNED_RAW = defineCollection({ name: 'lessAssigned', schema: AnyRecord })
export const LESS_ESTIMATES = defineCollection({ name: 'lessEstimates', schema: TeamEstimate })
export const LESS_TEAM_QUESTIONS = defineCollection({ name: 'lessTeamQuestions', schema: TicketQuestion, signed: ASKED })

export const DECK_RECORD = 'deck'
export const FOCUS_RECORD = 'now'
export const PokerFocus = z.object({ ticketId: z.string().min(1).max(256), by: z.string().max(256).catch(''), at: z.number().catch(0) })
export type PokerFocus = z.infer<typeof PokerFocus>
export const POKER_SETTINGS = defineCollection({ name: 'pokerSettings', schema: DeckSetting })
export const POKER_ROUNDS = defineCollection({ name: 'pokerRounds', schema: PokerRound })
/** a voter's marker and published vote are theirs, sealed whole (core/collections/signing.ts) */
export const POKER_MARKS = defineCollection({ name: 'pokerMarks', schema: VoteMarker, signed: { by: 'memberId', fields: ['ticketId', 'round', 'memberId', 'at'] } })
export const POKER_VOTES = defineCollection({ name: 'pokerVotes', schema: PublishedVote, signed: { by: 'memberId', fields: ['ticketId', 'round', 'memberId', 'value'] } })
export const POKER_FOCUS = defineCollection({ name: 'pokerFocus', schema: PokerFocus })

/** a shout-out is its author's, sealed whole */
export const SHOUT_OUTS = defineCollection({ name: 'shoutOuts', schema: ShoutOut, signed: { by: 'authorId', fields: ['sprint', 'text', 'to', 'authorId', 'authorName', 'createdAt'] } })
/** a reaction is its giver's, sealed whole (emptied to take it back: an empty record has no author) */
export const SHOUT_REACTIONS = defineCollection({ name: 'shoutReactions', schema: ShoutReaction, signed: { by: 'memberId', fields: ['shoutOutId', 'memberId', 'emoji', 'at'] } })
export const REVIEW_NOTES = defineCollection({ name: 'reviewNotes', schema: DiscussionNote })
export const FOLLOW_UPS = defineCollection({ name: 'followUps', schema: FollowUp })
export const DEMO_ITEMS = defineCollection({ name: 'demoItems', schema: DemoItem, ordered: true })
export const DEMO_PREFILL = defineCollection({ name: 'demoPrefill', schema: DemoPrefill })
export const PRESENTER_RECORD = 'now'
export const PRESENTER = defineCollection({ name: 'presenter', schema: Presenter })
/** read only: the retrospective feature writes the cards teams escalate into the org's sprint/<n> */
export const ESCALATIONS_READ = defineCollection({ name: 'escalations', schema: EscalatedItemFields })
