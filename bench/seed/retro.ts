import { DEFAULT_REASONS, LateTicketFields } from '@shared/retro/lateTickets.ts'
import { movePhase, type Phase } from '@shared/retro/phases.ts'
import { collection } from '@core/collections/index.ts'
import { db } from '@core/database/db.ts'
import { addAction, setActionDone } from '@features/retro/store/actions.ts'
import { applyFlow, createBoard, currentBoard, sessionOf, type BoardSession } from '@features/retro/store/board.ts'
import { addCard, editCard } from '@features/retro/store/cards.ts'
import { CARDS } from '@features/retro/store/collections.ts'
import { readLateTickets, saveLateTicket, saveRetroSettings } from '@features/retro/store/lateTickets.ts'
import { syncOrgCopies } from '@features/retro/store/orgShare.ts'
import { cast } from '@features/retro/store/votes.ts'
import type { IdentityRow } from '@core/database/db.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { inParallel, withRootDoc, type Log } from './docs.ts'
import { actionText, cardText, int, pick, ticketTitle, type Rng } from './rand.ts'
import { planSprint, withSprintDoc, type Team } from './sprint.ts'

/**
 * The retrospective part of the dataset, through the retro store (renderer/src/features/retro/store) as it
 * is today. KEPT THIN ON PURPOSE: that store is being rewritten; every call into it is in this
 * file (the sprint document itself comes from sprint.ts).
 *   per team: sharing with the org; per sprint: a board (past ones closed with their votes, the
 *   current one in Group), late tickets and action items in the team's root document; finally
 *   the org's copies of the shared late tickets (what "Retro insights" reads).
 */
export interface RetroPlan {
  cardsPerBoard: number
  votesPerMember: number
  lateTicketsPerSprint: number
  actionsPerSprint: number
  goalsPerSprint: number
}

export interface RetroResult {
  boards: number
  cards: number
  votes: number
  lateTickets: number
  actions: number
  perTeam: { lateTickets: number; actions: number }[]
  /** the current sprint's cards of the first team (a second peer edits one of them) */
  firstTeamCurrentCards: string[]
}

const TEMPLATE = 'start-stop-continue'
const BOARDS_AT_ONCE = 5

function move(session: BoardSession, meId: string, to: Phase): void {
  const board = currentBoard(session)
  if (!board) throw new Error('seed: the board is missing')
  const error = applyFlow(session, movePhase(board.flow, meId, to, Date.now()))
  if (error) throw new Error(`seed: ${error}`)
}

/** One sprint's board: created, revealed, cards written, then voted and closed (or left in Group). */
async function board(link: DocLink, team: Team, sprint: number, current: boolean, me: IdentityRow, r: Rng, plan: RetroPlan): Promise<{ cards: string[]; votes: number }> {
  const session = sessionOf(link, team.id, sprint)
  createBoard(session, { teamId: team.id, teamName: team.name, sprint, createdBy: me.deviceId, createdAt: Date.now(), template: TEMPLATE })
  move(session, me.deviceId, 'reveal')
  const revealed = currentBoard(session)!
  const columns = revealed.layout.columns
  await Promise.all(
    Array.from({ length: plan.cardsPerBoard }, (_, k) => addCard(session, team.members[k % team.members.length]!.id, columns[k % columns.length]!.id, cardText(r, sprint, k)))
  )
  const cards = collection(link.doc, CARDS).list()
  // addCard remembers every card as this device's; a real device only wrote its own person's
  const others = cards.filter((c) => c.authorId !== me.deviceId).map((c) => c.id)
  await db().myCards.bulkDelete(others)
  if (current) {
    move(session, me.deviceId, 'group')
    return { cards: cards.map((c) => c.id), votes: 0 }
  }
  move(session, me.deviceId, 'vote')
  const { budget, cap } = revealed.settings.voting
  const held = new Map<string, number>()
  let votes = 0
  for (const member of team.members) {
    for (let v = 0; v < Math.min(plan.votesPerMember, budget); v++) {
      const open = cards.filter((c) => (held.get(c.id) ?? 0) < cap)
      if (open.length === 0) break
      const target = pick(r, open)
      cast(session, member.id, target.id)
      held.set(target.id, (held.get(target.id) ?? 0) + 1)
      votes++
    }
  }
  move(session, me.deviceId, 'close')
  return { cards: cards.map((c) => c.id), votes }
}

export async function seedRetro(input: {
  me: IdentityRow
  orgSpaceId: string
  teams: Team[]
  sprints: number[]
  r: Rng
  /** each board draws from its own generator, so boards can be written side by side */
  boardRng: (team: number, sprint: number) => Rng
  plan: RetroPlan
  log: Log
}): Promise<RetroResult> {
  const { me, orgSpaceId, teams, sprints, r, plan, log } = input
  const result: RetroResult = { boards: 0, cards: 0, votes: 0, lateTickets: 0, actions: 0, perTeam: [], firstTeamCurrentCards: [] }
  const current = sprints[sprints.length - 1]!
  for (const [t, team] of teams.entries()) {
    const perTeam = { lateTickets: 0, actions: 0 }
    await withRootDoc(team.id, async (teamDoc) => {
      saveRetroSettings(teamDoc, { shareWithOrg: true, orgSpaceId })
      const boards = await inParallel(sprints, BOARDS_AT_ONCE, (sprint) =>
        withSprintDoc(team.id, sprint, async (link) => {
          const br = input.boardRng(t, sprint)
          planSprint(link, br, sprint, plan.goalsPerSprint)
          return board(link, team, sprint, sprint === current, me, br, plan)
        })
      )
      for (const [i, made] of boards.entries()) {
        result.boards++
        result.cards += made.cards.length
        result.votes += made.votes
        if (t === 0 && sprints[i] === current) result.firstTeamCurrentCards = made.cards
      }
      for (const sprint of sprints) {
        for (let k = 0; k < plan.lateTicketsPerSprint; k++) {
          const expected = int(r, 1, 5)
          saveLateTicket(
            teamDoc,
            null,
            LateTicketFields.parse({
              key: `ENG-${int(r, 1000, 9999)}`,
              title: ticketTitle(r),
              expected: { value: expected, unit: 'days' },
              actual: { value: expected + int(r, 1, 6), unit: 'days' },
              reasonId: pick(r, DEFAULT_REASONS).id,
              note: k === 0 ? 'Found out mid-sprint that the API it depends on was not ready.' : '',
              sprint,
              teamId: team.id,
              teamName: team.name
            })
          )
          perTeam.lateTickets++
        }
        for (let k = 0; k < plan.actionsPerSprint; k++) {
          const owner = team.members[(sprint + k) % team.members.length]!
          const id = addAction(teamDoc, { text: actionText(r), ownerId: owner.id, ownerName: owner.name }, sprint)
          if (sprint < current - 1) setActionDone(teamDoc, id, true, owner.id)
          perTeam.actions++
        }
      }
      await withRootDoc(orgSpaceId, (orgDoc) => syncOrgCopies(teamDoc, team.id, orgDoc))
    })
    result.lateTickets += perTeam.lateTickets
    result.actions += perTeam.actions
    result.perTeam.push(perTeam)
    log(`team ${t + 1}/${teams.length} (${team.name}): ${sprints.length} boards, ${result.cards} cards, ${result.votes} votes so far`)
  }
  return result
}

/** The org's copies of the teams' late tickets, read back from storage (what Retro insights reports). */
export function countOrgLateTickets(orgSpaceId: string): Promise<number> {
  return withRootDoc(orgSpaceId, (orgDoc) => readLateTickets(orgDoc).length)
}

/** For the second peer (hook.ts): is the card in this sprint document yet? */
export function hasCard(link: DocLink, cardId: string): boolean {
  return collection(link.doc, CARDS).get(cardId) !== null
}

/** For the second peer (hook.ts): edits a card's text the way the board's card editor saves it. */
export async function editCardText(link: DocLink, teamId: string, sprint: number, cardId: string, text: string): Promise<void> {
  const card = collection(link.doc, CARDS).get(cardId)
  if (!card) throw new Error(`card ${cardId} is not in this board's document`)
  await editCard(sessionOf(link, teamId, sprint), card, card.text, text)
}
