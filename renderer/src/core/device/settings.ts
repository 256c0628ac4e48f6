import { useLiveQuery } from 'dexie-react-hooks'
import { DEFAULT_ICE_SETTINGS, readIceSettings, type DeviceTurnServer } from '@shared/sync/ice.ts'
import { db } from '../database/db.ts'

/** This device's settings; defaults come from the platform (web config or desktop). */
export interface Settings {
  signalingUrls: string[]
  /** false when the user chose "Work offline": no signaling, no peers */
  online: boolean
  /** STUN servers (shared/sync/ice.ts: a public list by default) */
  stunUrls: string[]
  /** this device's TURN servers, used for every space */
  turnServers: DeviceTurnServer[]
  /** every connection through a TURN server (iceTransportPolicy 'relay') */
  relayOnly: boolean
}

let defaults: Settings = { signalingUrls: [], online: true, ...DEFAULT_ICE_SETTINGS }

export function setSettingDefaults(next: Partial<Settings>): void {
  defaults = { ...defaults, ...next }
}

export async function getSettings(): Promise<Settings> {
  const rows = await db().settings.toArray()
  const values = Object.fromEntries(rows.map((r) => [r.key, r.value]))
  return {
    signalingUrls: Array.isArray(values.signalingUrls) ? (values.signalingUrls as string[]) : defaults.signalingUrls,
    online: typeof values.online === 'boolean' ? values.online : defaults.online,
    ...readIceSettings({ stunUrls: defaults.stunUrls, relayOnly: defaults.relayOnly, ...values })
  }
}

export async function saveSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  await db().settings.put({ key, value })
}

/** Several settings in one transaction: whoever follows them (the sync manager) wakes once. */
export async function saveSettings(values: Partial<Settings>): Promise<void> {
  await db().settings.bulkPut(Object.entries(values).map(([key, value]) => ({ key, value })))
}

export function useSettings(): Settings | undefined {
  return useLiveQuery(getSettings, [])
}
