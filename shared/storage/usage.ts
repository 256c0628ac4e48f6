/** Storage sizes for people, in decimal units (as disk tools show them). */
const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const

/** 0 bytes, 950 bytes, 1.2 KB, 34 MB, 1.5 GB: one decimal below 10, none above. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?'
  let value = bytes
  let unit = 0
  // 999.6 KB reads as 1 MB, not 1000 KB
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  if (unit === 0) return value === 1 ? '1 byte' : `${Math.round(value)} bytes`
  const shown = value >= 9.95 ? Math.round(value).toString() : value.toFixed(1)
  return `${shown.replace(/\.0$/, '')} ${UNITS[unit]}`
}

export interface StorageUse {
  usage: number
  quota: number
}

/** "12 MB of 1.5 GB used (less than 1%)". */
export function describeStorageUse({ usage, quota }: StorageUse): string {
  const used = `${formatBytes(usage)} of ${formatBytes(quota)} used`
  if (!(quota > 0)) return `${formatBytes(usage)} used`
  const percent = (usage / quota) * 100
  if (usage > 0 && percent < 1) return `${used} (less than 1%)`
  return `${used} (${Math.min(100, Math.round(percent))}%)`
}

/** From this share of the allowance on, the app warns that storage is nearly full (issue 14). */
export const NEAR_QUOTA = 0.8

/** Whether the data is near the browser's allowance (a quota of 0 or unknown never warns). */
export function nearQuota({ usage, quota }: StorageUse): boolean {
  return Number.isFinite(quota) && quota > 0 && Number.isFinite(usage) && usage / quota >= NEAR_QUOTA
}
