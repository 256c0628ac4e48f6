import { z } from 'zod'
import { FIELD_LIMITS, RecordId } from '../text/limits.ts'

/**
 * The six meetings of a sprint, in the order of the seed's diagram (left to right), with the goals
 * and participants quoted from the seed ("How Does Packback Engineering Work?").
 *
 * Where each one lands in a sprint is decided in `placement.ts`; when exactly (times, durations,
 * overrides) in `cadence.ts` and `schedule.ts`.
 */
export const CEREMONY_KINDS = [
  'team-sprint-planning',
  'daily-sync-up',
  'division-sprint-planning',
  'team-scrum',
  'team-retrospective',
  'sprint-retro-demo'
] as const
export const CeremonyKind = z.enum(CEREMONY_KINDS)
export type CeremonyKind = z.infer<typeof CeremonyKind>

/** The roles the seed names. */
export const ROLES = ['team-member', 'team-lead', 'product-manager', 'backlog-owner'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

export const ROLE_LABELS: Record<Role, string> = {
  'team-member': 'Team member',
  'team-lead': 'Team lead',
  'product-manager': 'Product manager',
  'backlog-owner': 'Backlog owner'
}

/** Who a ceremony is for: one team, the team leads and PMs of the division, or everyone. */
export type CeremonyScope = 'team' | 'division' | 'org'

/** Who attends: roles, optionally named people, and a free note ("we send Ana"). */
export const Participants = z.object({
  roles: z.array(Role).min(1),
  memberIds: z.array(RecordId).max(FIELD_LIMITS.items).optional(),
  note: z.string().max(500).optional()
})
export type Participants = z.infer<typeof Participants>

export interface AgendaSection {
  /** Heading of the section, e.g. "Each team member should answer". */
  title: string
  items: readonly string[]
}

export interface CeremonyDefinition {
  kind: CeremonyKind
  label: string
  scope: CeremonyScope
  /** One or two sentences from the seed on what the meeting is for. */
  purpose: string
  /** Goals and agenda points, quoted from the seed. */
  agenda: readonly AgendaSection[]
  /** The seed's "Who participates?" answer. */
  participantsText: string
  /** Roles invited by default. */
  roles: readonly Role[]
  /** The seed's "When does this meeting happen?" answer. */
  whenText: string
  /** Default local start time ('HH:mm') in the zone of the ceremony (team's or org's). */
  defaultStart: string
  defaultDurationMinutes: number
}

const TEAM: readonly Role[] = ['team-member', 'team-lead']
const EVERYONE: readonly Role[] = ROLES

export const CEREMONIES: Record<CeremonyKind, CeremonyDefinition> = {
  'team-sprint-planning': {
    kind: 'team-sprint-planning',
    label: 'Team sprint planning',
    scope: 'team',
    purpose: 'This meeting marks the start of a new sprint and is when you meet with the members of your team.',
    agenda: [{
      title: 'Goals',
      items: [
        'align on team-level goals for the new sprint',
        'resolve any outstanding questions about planned work',
        'create a plan to meet the sprint goals (who will do what?)'
      ]
    }],
    participantsText: 'The members of an individual team.',
    roles: TEAM,
    whenText: 'At the start of each sprint, directly after the sprint retrospective and demo.',
    defaultStart: '10:00',
    defaultDurationMinutes: 60
  },
  'daily-sync-up': {
    kind: 'daily-sync-up',
    label: 'Daily sync-up',
    scope: 'team',
    purpose:
      'Should last no more than 15 minutes. The purpose of sync-up is to coordinate within the team ' +
      '(and, if necessary, across teams) to ensure they meet their sprint goals.',
    agenda: [
      {
        title: 'Each team member should answer',
        items: [
          'What did you do yesterday?',
          'What will you do today?',
          'Are you running into any blockers or problems?'
        ]
      },
      {
        title: 'At the end of sync up',
        items: [
          'Has anyone noticed any problems or opportunities for improvement? ' +
            "(Sharing an opportunity doesn't mean you will be responsible for implementing it.)"
        ]
      }
    ],
    participantsText:
      'The members of an individual team. Additionally, members of other teams may join and observe ' +
      'to facilitate communication and cross-team collaboration.',
    roles: TEAM,
    whenText: 'Daily, usually around midday, at a time chosen to be convenient for all timezones represented on a team.',
    defaultStart: '12:00',
    defaultDurationMinutes: 15
  },
  'division-sprint-planning': {
    kind: 'division-sprint-planning',
    label: 'Division sprint planning',
    scope: 'division',
    purpose:
      'How the different teams remain in sync with each other, and where team leads and product ' +
      'managers collaborate to ensure that engineering is working on the correct tickets.',
    agenda: [{
      title: 'Goals',
      items: [
        'identify which tickets should be estimated next sprint',
        'surface questions, problems, and blockers for the selected tickets',
        'determine which teams will be responsible for the selected tickets'
      ]
    }],
    participantsText:
      'Product managers, team leads, and certain backlog owners. Teams may decide who to send to this ' +
      'meeting, such as a project lead, or anybody who has information relevant to upcoming projects.',
    roles: ['product-manager', 'team-lead', 'backlog-owner'],
    whenText: 'Towards the end of the sprint before individual team scrums.',
    defaultStart: '11:00',
    defaultDurationMinutes: 60
  },
  'team-scrum': {
    kind: 'team-scrum',
    label: 'Team scrum',
    scope: 'team',
    purpose: 'Tickets are assigned to teams as a part of division sprint planning; the team then prepares the next sprint.',
    agenda: [{
      title: 'Goals',
      items: [
        'estimate tickets selected for next sprint',
        'surface questions, problems, and blockers for the selected tickets',
        'determine sprint goals for the upcoming sprint'
      ]
    }],
    participantsText: 'The members of an individual team.',
    roles: TEAM,
    whenText: 'The day before the end of the sprint.',
    defaultStart: '14:00',
    defaultDurationMinutes: 60
  },
  'team-retrospective': {
    kind: 'team-retrospective',
    label: 'Team retrospective',
    scope: 'team',
    purpose: 'The team looks back on the sprint and decides what to improve.',
    agenda: [{
      title: 'Goals',
      items: [
        'discuss any opportunities for improvement mentioned during the sprint',
        'discuss any other problems or opportunities for improvement',
        'make a plan to implement opportunities that the team decides are worthwhile',
        'record any tickets that took longer than expected and the reason (this data will be aggregated for later use)'
      ]
    }],
    participantsText: 'The members of an individual team.',
    roles: TEAM,
    whenText: 'At the end of the sprint, just before the sprint retrospective and demo.',
    defaultStart: '13:30',
    defaultDurationMinutes: 60
  },
  'sprint-retro-demo': {
    kind: 'sprint-retro-demo',
    label: 'Sprint retrospective & demo',
    scope: 'org',
    purpose: 'This meeting marks the end of a sprint.',
    agenda: [
      {
        title: 'Sprint retrospective',
        items: [
          'discuss any opportunities from team retrospectives that would be helpful to discuss at an organizational level',
          'give shout outs to teammates for exemplary performance'
        ]
      },
      {
        title: 'Sprint demo: each team shares with the rest of the organization',
        items: ['what they accomplished last sprint', 'their sprint goals for next sprint']
      }
    ],
    participantsText: 'All members of the Engineering org.',
    roles: EVERYONE,
    whenText: 'At the very end of the sprint on Tuesday afternoon.',
    defaultStart: '15:00',
    defaultDurationMinutes: 60
  }
}

/** Default participants of a ceremony: its roles, nobody named. */
export function defaultParticipants(kind: CeremonyKind): Participants {
  return { roles: [...CEREMONIES[kind].roles] }
}

/** Plain-text description for calendars and tooltips: purpose, agenda, participants. */
export function describeCeremony(kind: CeremonyKind): string {
  const def = CEREMONIES[kind]
  const agenda = def.agenda.map((section) => `${section.title}:\n${section.items.map((i) => `- ${i}`).join('\n')}`)
  return [def.purpose, ...agenda, `Who participates? ${def.participantsText}`].join('\n\n')
}
