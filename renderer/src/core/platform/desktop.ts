import { safeHttpUrl } from '@shared/links/safeUrl.ts'
import { desktopInviteLink } from '@shared/spaces/invite.ts'
import type { DesktopApi } from '@shared/ipc/contract.ts'
import { DEFAULT_SIGNALING_URLS } from '@shared/settings/signaling.ts'
import type { Platform } from './platform.ts'

export function desktopPlatform(desktop: DesktopApi): Platform {
  return {
    kind: 'desktop',
    appInfo: () => desktop.invoke('app:info', undefined),
    openExternal: (url) => {
      // main checks again, and asks before opening (it shows the real host)
      const safe = safeHttpUrl(url)
      if (safe) void desktop.invoke('shell:open-external', { url: safe }).catch(() => {})
    },
    inviteLink: desktopInviteLink,
    takeDeepLink: async () => (await desktop.invoke('deep-link:take', undefined)).url,
    onDeepLink: (listener) => desktop.on('deep-link', ({ url }) => listener(url)),
    onAppCommand: (listener) => desktop.on('app:command', ({ command }) => listener(command)),
    defaultSignalingUrls: () => DEFAULT_SIGNALING_URLS,
    hostSignaling: (enabled, port) => desktop.invoke('signaling:host', { enabled, port }),
    storage: null,
    storageKey: () => desktop.invoke('storage:key', undefined),
    backupFolder: {
      current: async () => (await desktop.invoke('backup:folder', undefined)).folder,
      choose: async () => (await desktop.invoke('backup:choose-folder', undefined)).folder,
      write: (fileName, bytes, keep) => desktop.invoke('backup:write', { fileName, bytes, keep })
    },
    reminders: {
      set: (schedule) => desktop.invoke('reminders:set', schedule),
      state: () => desktop.invoke('reminders:state', undefined),
      dismissMissed: (instances) => desktop.invoke('reminders:dismiss-missed', { instances }),
      onMissed: (listener) => desktop.on('reminders:missed', ({ missed }) => listener(missed)),
      onPause: (listener) => desktop.on('reminders:pause', ({ until }) => listener(until)),
      onShown: (listener) => desktop.on('reminders:shown', ({ shown }) => listener(shown))
    }
  }
}
