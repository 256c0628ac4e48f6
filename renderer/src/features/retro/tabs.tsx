import type { SpaceTab } from '../../app/spaceTab.ts'
import { TeamLateTicketsTab } from './late/TeamLateTicketsTab.tsx'
import { OrgInsightsTab } from './org/OrgInsightsTab.tsx'
import { OrgSprintRetroTab } from './org/OrgSprintRetroTab.tsx'
import { RetroTab } from './RetroTab.tsx'

/**
 * The retro feature's sections of a space.
 *   team: Retro (the sprint's board, …/retro/<n>) · Late tickets (report across sprints, sharing)
 *   org:  Retro insights (late tickets across teams) · Sprint retro (escalated cards, …/sprint-retro/<n>)
 */
export const retroTabs: SpaceTab[] = [
  { id: 'retro', label: 'Retro', kinds: ['team'], render: (p) => <RetroTab {...p} /> },
  { id: 'late-tickets', label: 'Late tickets', kinds: ['team'], render: (p) => <TeamLateTicketsTab {...p} /> },
  { id: 'retro-insights', label: 'Retro insights', kinds: ['org'], render: (p) => <OrgInsightsTab {...p} /> },
  { id: 'sprint-retro', label: 'Sprint retro', kinds: ['org'], render: (p) => <OrgSprintRetroTab {...p} /> }
]
