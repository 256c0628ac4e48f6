import type { Invite } from '@shared/spaces/invite.ts'
import type { AppCommand } from '@shared/ipc/contract.ts'
import type { MissedReminder, ShownReminder } from '@shared/reminders/engine.ts'
import type { ReminderSchedule, ReminderView } from '@shared/reminders/schedule.ts'
import type { StorageKeyAnswer } from '../database/unlock.ts'

/** Everything the renderer needs from the machine. Desktop goes through preload; web is a browser. */
export interface Platform {
  kind: 'desktop' | 'web'
  appInfo(): Promise<{ version: string; platform: string }>
  openExternal(url: string): void
  /** the link to share for an invite: tandem://join/… on desktop, this page's URL on the web */
  inviteLink(invite: Invite): string
  /** a join link the app was opened with (desktop), taken once */
  takeDeepLink(): Promise<string | null>
  onDeepLink(listener: (url: string) => void): () => void
  /** the application menu's items (desktop; web: never called) */
  onAppCommand(listener: (command: AppCommand) => void): () => void
  defaultSignalingUrls(): string[]
  /** host the bundled signaling server on this computer for the LAN (desktop only) */
  hostSignaling: ((enabled: boolean, port?: number) => Promise<{ running: boolean; urls: string[]; error?: string | undefined }>) | null
  /** the browser's storage for this site (web only; the desktop app keeps its data in its own profile) */
  storage: SiteStorage | null
  /** the folder scheduled backups go to (desktop only: main writes files; issue 14) */
  backupFolder: DesktopBackupFolder | null
  /** main's reminder service (desktop only; web mode runs reminders in the page) */
  reminders: DesktopReminders | null
  /**
   * the key stored secrets are wrapped with, kept by main under the OS keychain (desktop only:
   * core/database/unlock.ts; web mode has none, the browser profile is all that protects them)
   */
  storageKey: (() => Promise<StorageKeyAnswer>) | null
}

/** The reminder channels of the IPC contract (shared/ipc/contract.ts), as the renderer uses them. */
export interface DesktopReminders {
  /** the schedule and preferences; main keeps the last good one (a malformed one rejects) */
  set(schedule: ReminderSchedule): Promise<{ entries: number; nextDueAt: number | null }>
  state(): Promise<ReminderView>
  dismissMissed(instances: string[]): Promise<ReminderView>
  onMissed(listener: (missed: MissedReminder[]) => void): () => void
  /** "Pause reminders for an hour" was chosen in the tray */
  onPause(listener: (until: number) => void): () => void
  /** main just showed these reminders (the page reports them to this person's other devices) */
  onShown(listener: (shown: ShownReminder[]) => void): () => void
}

/** The scheduled-backup channels of the IPC contract: main holds the folder, the page sends files. */
export interface DesktopBackupFolder {
  current(): Promise<string | null>
  /** the native folder picker; resolves to the folder now chosen (null: none) */
  choose(): Promise<string | null>
  /** writes a scheduled backup (named by shared/backup/schedule.ts) and keeps the last `keep` */
  write(fileName: string, bytes: Uint8Array, keep: number): Promise<{ path: string; removed: string[] }>
}

export interface SiteStorage {
  /** asks the browser, once per device, not to clear this site's data when space runs low; never rejects */
  askToPersist(): Promise<void>
  /** how much space the data takes and may take, or null when the browser does not say */
  report(): Promise<StorageReport | null>
}

export interface StorageReport {
  usage: number
  quota: number
  /** the browser keeps the data until the user clears it */
  persisted: boolean
}
