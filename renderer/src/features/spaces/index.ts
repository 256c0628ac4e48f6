/** Spaces: home, creating and joining, a space's page (members, invites, status), invite fields. */
export { HomeScreen } from './HomeScreen.tsx'
export { JoinScreen } from './JoinScreen.tsx'
export { NewSpaceDialog } from './NewSpaceDialog.tsx'
export { SpaceHome } from './SpaceHome.tsx'
export { InviteFields } from './InviteFields.tsx'
