import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../database/db.ts'

/** This device's settings; defaults come from the platform (web config or desktop). */
export interface Settings {
  signalingUrls: string[]
  /** false when the user chose "Work offline": no signaling, no peers */
  online: boolean
}

let defaults: Settings = { signalingUrls: [], online: true }

export function setSettingDefaults(next: Settings): void {
  defaults = next
}

export async function getSettings(): Promise<Settings> {
  const rows = await db().settings.toArray()
  const values = Object.fromEntries(rows.map((r) => [r.key, r.value]))
  return {
    signalingUrls: Array.isArray(values.signalingUrls) ? (values.signalingUrls as string[]) : defaults.signalingUrls,
    online: typeof values.online === 'boolean' ? values.online : defaults.online
  }
}

export async function saveSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  await db().settings.put({ key, value })
}

export function useSettings(): Settings | undefined {
  return useLiveQuery(getSettings, [])
}
