import { create } from 'zustand'
import type { KeyVerdict } from '@shared/sync/keyVerdict.ts'

/** Live, ephemeral sync state per space: never content, only how the connection is doing. */
export interface SpaceSyncState {
  /** connections to peers over WebRTC right now (one person may have several after reconnects) */
  peers: number
  /** other people here now: distinct members in presence (what the UI counts) */
  people: number
  /**
   * what this space's rooms say about our key (shared/sync/keyVerdict.ts): 'mismatch' only on
   * evidence, 'strangers' when our key is proven and someone with another key spoke lately
   */
  key: KeyVerdict
  /** when a message last failed to go out or to come in whole (the connection is then renewed) */
  troubleAt: number | null
}

export interface PresenceUser {
  clientId: number
  id: string
  name: string
  color: string
  /** where in the app they are, e.g. "space-home" */
  view?: string | undefined
}

interface SyncStatusStore {
  spaces: Record<string, SpaceSyncState>
  presence: Record<string, PresenceUser[]>
}

export const EMPTY_SYNC: SpaceSyncState = { peers: 0, people: 0, key: 'quiet', troubleAt: null }

export const useSyncStatus = create<SyncStatusStore>(() => ({ spaces: {}, presence: {} }))

export function patchSpaceSync(spaceId: string, patch: Partial<SpaceSyncState>): void {
  useSyncStatus.setState((s) => ({
    spaces: { ...s.spaces, [spaceId]: { ...(s.spaces[spaceId] ?? EMPTY_SYNC), ...patch } }
  }))
}

export function setPresence(spaceId: string, users: PresenceUser[]): void {
  useSyncStatus.setState((s) => ({ presence: { ...s.presence, [spaceId]: users } }))
}

export function forgetSpace(spaceId: string): void {
  useSyncStatus.setState((s) => {
    const spaces = { ...s.spaces }
    const presence = { ...s.presence }
    delete spaces[spaceId]
    delete presence[spaceId]
    return { spaces, presence }
  })
}

export function useSpaceSync(spaceId: string): SpaceSyncState {
  return useSyncStatus((s) => s.spaces[spaceId] ?? EMPTY_SYNC)
}

const NO_ONE: PresenceUser[] = []
export function usePresence(spaceId: string): PresenceUser[] {
  return useSyncStatus((s) => s.presence[spaceId] ?? NO_ONE)
}

/** Other people in a presence list: distinct member ids, not connections or browser tabs. */
export function countPeople(users: readonly PresenceUser[], myId: string): number {
  return new Set(users.filter((u) => u.id !== myId).map((u) => u.id)).size
}
