import type { DesktopApi } from '@shared/ipc/contract.ts'
import { desktopPlatform } from './desktop.ts'
import type { Platform } from './platform.ts'
import { webPlatform } from './web.ts'

export type { DesktopBackupFolder, DesktopReminders, Platform, SiteStorage, StorageReport } from './platform.ts'

const desktop = typeof window === 'undefined' ? undefined : (window as unknown as { desktop?: DesktopApi }).desktop

/** The platform this renderer runs on: Electron (preload bridge present) or a plain browser. */
export const platform: Platform = desktop ? desktopPlatform(desktop) : webPlatform
