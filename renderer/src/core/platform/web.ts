import { webInviteLink } from '@shared/spaces/invite.ts'
import { safeHttpUrl } from '@shared/links/safeUrl.ts'
import { DEFAULT_SIGNALING_URLS } from '@shared/settings/signaling.ts'
import type { Platform } from './platform.ts'
import { siteStorage } from './siteStorage.ts'

/**
 * A deployment (or the end-to-end suite) may set `window.TANDEM_CONFIG = { signaling: [...] }`
 * before the app loads; otherwise the signaling server is expected on localhost:4444.
 */
interface WebConfig {
  signaling?: string[]
}

export const webPlatform: Platform = {
  kind: 'web',
  appInfo: async () => ({ version: import.meta.env.VITE_APP_VERSION ?? 'dev', platform: 'web' }),
  openExternal: (url) => {
    const safe = safeHttpUrl(url)
    if (safe) window.open(safe, '_blank', 'noopener,noreferrer')
  },
  inviteLink: (invite) => webInviteLink(invite, window.location.href),
  takeDeepLink: async () => null,
  onDeepLink: () => () => {},
  onAppCommand: () => () => {},
  defaultSignalingUrls: () => {
    const config = (window as unknown as { TANDEM_CONFIG?: WebConfig }).TANDEM_CONFIG
    return config?.signaling?.length ? config.signaling : DEFAULT_SIGNALING_URLS
  },
  hostSignaling: null,
  storage: siteStorage,
  backupFolder: null,
  storageKey: null,
  reminders: null
}
