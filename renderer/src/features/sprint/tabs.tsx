import type { SpaceTab } from '../../app/spaceTab.ts'
import { CadenceTab, OrgCalendarTab, OrgTimelineTab } from './org/OrgTabs.tsx'
import { PeopleTab } from './team/PeopleTab.tsx'
import { PlanningTab } from './team/PlanningTab.tsx'
import { SyncUpTab } from './team/SyncUpTab.tsx'
import { TeamSprintTab } from './team/TeamSprintTab.tsx'

/**
 * The sprint feature's sections of a space.
 *   org:  Teams & cadence · Timeline (every team) · Calendar (.ics)
 *   team: Sprint (timeline, ceremonies, settings) · Planning · Sync-up · People
 * Routes under each tab: /sprint/<n>[/ceremony/<id>], /sprint/settings, /planning/<n>,
 * /syncup/<YYYY-MM-DD>, /timeline/<n>[/ceremony/<id>].
 */
export const sprintTabs: SpaceTab[] = [
  { id: 'cadence', label: 'Teams & cadence', kinds: ['org'], render: (p) => <CadenceTab {...p} /> },
  { id: 'timeline', label: 'Timeline', kinds: ['org'], render: (p) => <OrgTimelineTab {...p} /> },
  { id: 'calendar', label: 'Calendar', kinds: ['org'], render: (p) => <OrgCalendarTab {...p} /> },
  { id: 'sprint', label: 'Sprint', kinds: ['team'], render: (p) => <TeamSprintTab {...p} /> },
  { id: 'planning', label: 'Planning', kinds: ['team'], render: (p) => <PlanningTab {...p} /> },
  { id: 'syncup', label: 'Sync-up', kinds: ['team'], render: (p) => <SyncUpTab {...p} /> },
  { id: 'people', label: 'People', kinds: ['team'], render: (p) => <PeopleTab {...p} /> }
]
