/**
 * The sprint cadence: the org's timeline and teams, a team's planning, daily sync-up, people and
 * calendar. Its store lives in ./store; its pure rules in shared/sprint.
 */
export { sprintTabs } from './tabs.tsx'
export { sprintServices } from './store/services.ts'
// what the retrospective builds on: the team's sprint, the cadence and the sync-up's retro inbox
export { useOrgSprint, useTeamSprint } from './store/teamSprint.ts'
export { readSprintSetup } from './store/cadenceStore.ts'
export { readRetroInbox, useRetroInbox } from './store/retroInbox.ts'
// what the reminders read from a space's root document (with readSprintSetup)
export { readPeopleRoles, watchPeopleRoles } from './store/people.ts'
export { readOrgRoles, watchOrgRoles } from './store/orgRoles.ts'
