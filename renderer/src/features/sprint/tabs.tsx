import { lazyTab, type SpaceTab } from '@ui/spaceTab.tsx'

const CadenceView = lazyTab(async () => (await import('./org/OrgTabs.tsx')).CadenceTab)
const TimelineView = lazyTab(async () => (await import('./org/OrgTabs.tsx')).OrgTimelineTab)
const CalendarView = lazyTab(async () => (await import('./org/OrgTabs.tsx')).OrgCalendarTab)
const SprintView = lazyTab(async () => (await import('./team/TeamSprintTab.tsx')).TeamSprintTab)
const PlanningView = lazyTab(async () => (await import('./team/PlanningTab.tsx')).PlanningTab)
const SyncUpView = lazyTab(async () => (await import('./team/SyncUpTab.tsx')).SyncUpTab)
const PeopleView = lazyTab(async () => (await import('./team/PeopleTab.tsx')).PeopleTab)
const DivisionView = lazyTab(async () => (await import('./division/DivisionPlanningTab.tsx')).DivisionPlanningTab)
const ReviewView = lazyTab(async () => (await import('./review/ReviewTab.tsx')).ReviewTab)
const ScrumView = lazyTab(async () => (await import('./scrum/TeamScrumTab.tsx')).TeamScrumTab)
const OrgPeopleView = lazyTab(async () => (await import('./org/OrgPeopleTab.tsx')).OrgPeopleTab)

/**
 * The sprint feature's sections of a space, each loaded on first use.
 *   org:  Teams & cadence · Timeline (every team) · Calendar (.ics) · Division planning · Retro & demo ·
 *         People (org roles)
 *   team: Sprint (timeline, ceremonies, settings) · Planning · Sync-up · Team scrum · People
 * Routes under each tab: /sprint/<n>[/ceremony/<id>], /sprint/settings, /planning/<n>,
 * /syncup/<YYYY-MM-DD>, /timeline/<n>[/ceremony/<id>], /division/<n>, /scrum/<n> (n: the sprint
 * being prepared, the next one by default), /review/<n> (n: the sprint that ends, the current one).
 */
export const sprintTabs: SpaceTab[] = [
  { id: 'cadence', label: 'Teams & cadence', kinds: ['org'], render: (p) => <CadenceView {...p} /> },
  { id: 'timeline', label: 'Timeline', kinds: ['org'], render: (p) => <TimelineView {...p} /> },
  { id: 'calendar', label: 'Calendar', kinds: ['org'], render: (p) => <CalendarView {...p} /> },
  { id: 'division', label: 'Division planning', kinds: ['org'], render: (p) => <DivisionView {...p} /> },
  { id: 'review', label: 'Retro & demo', kinds: ['org'], render: (p) => <ReviewView {...p} /> },
  { id: 'people', label: 'People', kinds: ['org'], render: (p) => <OrgPeopleView {...p} /> },
  { id: 'sprint', label: 'Sprint', kinds: ['team'], render: (p) => <SprintView {...p} /> },
  { id: 'planning', label: 'Planning', kinds: ['team'], render: (p) => <PlanningView {...p} /> },
  { id: 'syncup', label: 'Sync-up', kinds: ['team'], render: (p) => <SyncUpView {...p} /> },
  { id: 'scrum', label: 'Team scrum', kinds: ['team'], render: (p) => <ScrumView {...p} /> },
  { id: 'people', label: 'People', kinds: ['team'], render: (p) => <PeopleView {...p} /> }
]
