import { ActionItemFields, ActionStatusFields } from '@shared/retro/actions.ts'
import { RetroBoardFields } from '@shared/retro/board.ts'
import { CardFields } from '@shared/retro/cards.ts'
import { EscalatedItemFields } from '@shared/retro/escalations.ts'
import { CardGroupFields } from '@shared/retro/groups.ts'
import { LateReasonSchema, LateTicketFields } from '@shared/retro/lateTickets.ts'
import { RetroSettings } from '@shared/retro/orgShare.ts'
import { ReadyMarker } from '@shared/retro/phases.ts'
import { VoteFields } from '@shared/retro/votes.ts'
import { defineCollection } from '@core/collections/index.ts'

/**
 * Where the retrospective keeps its records (core/collections: each record is a root-level map
 * `<collection>::<id>`, validated with the domain's schema; a malformed record from a peer is
 * skipped). These definitions stay inside data/retro: the UI calls the store's reads and commands.
 *
 * The team space's sprint document `sprint/<n>` (documents.ts; the same document as the sync-up's
 * retro inbox, data/sprint/retroInbox.ts):
 *   boards   one record, id `retro:<teamSpaceId>:<n>` (shared/retro/board.ts)
 *   cards    id → card (drafts stay on the device until reveal: localCards.ts)
 *   groups   id → group; membership is the card's `groupId`
 *   votes    id → one vote (never edited: cast adds, take back deletes)
 *   ready    member id → that member's ready marker
 * The team space's root document (spans sprints):
 *   actions, actionStatus    action items and their done state (shared/retro/actions.ts)
 *   lateTickets, lateReasons tickets that took longer than expected, the team's own reasons
 *   retroSettings            'retro' → {shareWithOrg, orgSpaceId?}
 * The org space: root `lateTickets`/`lateReasons` (copies from teams that share: orgShare.ts), and
 * in its `sprint/<n>` document `escalations` (cards teams took to the org's sprint retrospective).
 */
export const BOARDS = defineCollection({ name: 'boards', schema: RetroBoardFields })
/** a named card's text is its author's (their seal: core/collections/signing.ts); its column, group and marks are anyone's */
export const CARDS = defineCollection({ name: 'cards', schema: CardFields, signed: { by: 'authorId', fields: ['text', 'authorId', 'createdAt'] } })
export const GROUPS = defineCollection({ name: 'groups', schema: CardGroupFields })
/** a vote is its voter's, sealed whole */
export const VOTES = defineCollection({ name: 'votes', schema: VoteFields, signed: { by: 'voterId', fields: ['voterId', 'targetId', 'castAt', 'seq'] } })
/** record id = the member's id */
export const READY = defineCollection({ name: 'ready', schema: ReadyMarker.omit({ memberId: true }) })

export const ACTIONS = defineCollection({ name: 'actions', schema: ActionItemFields })
export const ACTION_STATUS = defineCollection({ name: 'actionStatus', schema: ActionStatusFields })
export const LATE_TICKETS = defineCollection({ name: 'lateTickets', schema: LateTicketFields })
/** record id = the reason's id (`custom:<teamId>:…`) */
export const LATE_REASONS = defineCollection({ name: 'lateReasons', schema: LateReasonSchema.omit({ id: true }) })
export const RETRO_SETTINGS = defineCollection({ name: 'retroSettings', schema: RetroSettings })

export const ESCALATIONS = defineCollection({ name: 'escalations', schema: EscalatedItemFields })
