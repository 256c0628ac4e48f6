import { lazyTab, type SpaceTab } from '@ui/spaceTab.tsx'

/**
 * The retro feature's sections of a space, each loaded on first use.
 *   team: Retro (the sprint's board, …/retro/<n>) · Late tickets (report across sprints, sharing)
 *   org:  Retro insights (late tickets across teams) · Sprint retro (escalated cards, …/sprint-retro/<n>)
 */
const RetroView = lazyTab(async () => (await import('./RetroTab.tsx')).RetroTab)
const LateTicketsView = lazyTab(async () => (await import('./late/TeamLateTicketsTab.tsx')).TeamLateTicketsTab)
const InsightsView = lazyTab(async () => (await import('./org/OrgInsightsTab.tsx')).OrgInsightsTab)
const SprintRetroView = lazyTab(async () => (await import('./org/OrgSprintRetroTab.tsx')).OrgSprintRetroTab)

export const retroTabs: SpaceTab[] = [
  { id: 'retro', label: 'Retro', kinds: ['team'], render: (p) => <RetroView {...p} /> },
  { id: 'late-tickets', label: 'Late tickets', kinds: ['team'], render: (p) => <LateTicketsView {...p} /> },
  { id: 'retro-insights', label: 'Retro insights', kinds: ['org'], render: (p) => <InsightsView {...p} /> },
  { id: 'sprint-retro', label: 'Sprint retro', kinds: ['org'], render: (p) => <SprintRetroView {...p} /> }
]
