/**
 * Your data, yours to keep (issue 14): a space exported to one file and restored (a CRDT merge),
 * every space backed up at once, "add my other device", and storage per space. Its store lives in
 * ./store; its pure rules (archive format, sealing, device codes, readable files) in shared/backup.
 */
export { BackupScreen } from './BackupScreen.tsx'
export { AddDeviceScreen } from './AddDeviceScreen.tsx'
export { startScheduledBackups } from './store/schedule.ts'
