/** The device's settings screen: identity, signaling servers, storage. */
export { SettingsScreen } from './SettingsScreen.tsx'
