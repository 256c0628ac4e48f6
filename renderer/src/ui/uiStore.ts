import { create } from 'zustand'
import type { SpaceKind } from '@shared/spaces/space.ts'

/** UI state only: which dialog is open. Data never lives here. */
interface UiState {
  newSpace: { open: boolean; kind: SpaceKind }
}

export const useUi = create<UiState>(() => ({ newSpace: { open: false, kind: 'team' } }))

export const openNewSpace = (kind: SpaceKind = 'team') => useUi.setState({ newSpace: { open: true, kind } })
export const closeNewSpace = () => useUi.setState((s) => ({ newSpace: { ...s.newSpace, open: false } }))
