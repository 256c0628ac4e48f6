/**
 * Where the retrospective keeps its records.
 *
 * The team space's sprint document `sprint/<n>` (`sprintDocKey`, shared/sprint/sprintRecords.ts; the
 * same document as the sync-up's retro inbox, data/sprint/retroInbox.ts):
 *   boards   one record, id `retro:<teamSpaceId>:<n>` (shared/retro/board.ts)
 *   cards    id → card (drafts stay on the device until reveal: data/localCards.ts)
 *   groups   id → group; membership is the card's `groupId`
 *   votes    id → one vote (never edited: cast adds, take back deletes)
 *   ready    member id → that member's ready marker
 * The team space's root document (spans sprints):
 *   actions, actionStatus   action items and their done state (shared/retro/actions.ts)
 *   lateTickets, lateReasons tickets that took longer than expected, the team's own reasons
 *   retroSettings            'retro' → {shareWithOrg, orgSpaceId?}
 * The org space: root `lateTickets`/`lateReasons` (copies from teams that share), and in its
 * `sprint/<n>` document `escalations` (cards teams took to the org's sprint retrospective).
 */
export const BOARDS = 'boards'
export const CARDS = 'cards'
export const GROUPS = 'groups'
export const VOTES = 'votes'
export const READY = 'ready'

export const ACTIONS = 'actions'
export const ACTION_STATUS = 'actionStatus'
export const LATE_TICKETS = 'lateTickets'
export const LATE_REASONS = 'lateReasons'
export const RETRO_SETTINGS = 'retroSettings'

export const ESCALATIONS = 'escalations'
