import { useMemo } from 'react'
import type * as Y from 'yjs'
import { type ActionItem, type NewActionInput, withStatus } from '@shared/retro/actions.ts'
import type { LateReason, LateTicketFields } from '@shared/retro/lateTickets.ts'
import type { RetroSettings } from '@shared/retro/orgShare.ts'
import { useRecords } from '@core/collections/index.ts'
import { addAction, removeAction, setActionDone, updateAction } from './actions.ts'
import { ACTIONS, ACTION_STATUS } from './collections.ts'
import { useRetroRootDoc } from './documents.ts'
import { type LateTicketData, addReason, removeLateTicket, saveLateTicket, saveRetroSettings, useLateTicketData, useRetroSettings } from './lateTickets.ts'

/**
 * What the retrospective keeps in a team space's root document, across sprints: action items,
 * late tickets with their reasons, and whether the team shares with its org. Plain values and
 * commands; the document stays here.
 */
export interface TeamRetroCommands {
  addAction(input: Omit<NewActionInput, 'id' | 'createdAt'>, sprint: number): string
  updateAction(id: string, patch: { text?: string; ownerId?: string | undefined; ownerName?: string | undefined; due?: string | undefined }): void
  setActionDone(id: string, done: boolean, by: string): void
  removeAction(id: string): void
  /** creates (id null) or replaces an entry; returns its id */
  saveLateTicket(id: string | null, fields: ReturnType<typeof LateTicketFields.parse>): string
  removeLateTicket(id: string): void
  /** adds a reason to the team's list; throws a readable error for a name it already has */
  addReason(catalog: readonly LateReason[], teamId: string, label: string): LateReason
  saveSettings(patch: Partial<RetroSettings>): void
}

export interface TeamRetro {
  /** false while the team's document loads */
  loaded: boolean
  /** every action item of the team, each joined with its done state */
  actions: readonly ActionItem[]
  late: LateTicketData
  settings: RetroSettings
  commands: TeamRetroCommands
}

const notLoaded = (): never => {
  throw new Error('The team is still opening.')
}

export function useTeamRetro(teamSpaceId: string): TeamRetro {
  const doc = useRetroRootDoc(teamSpaceId)
  const items = useRecords(doc, ACTIONS)
  const statuses = useRecords(doc, ACTION_STATUS)
  const actions = useMemo(() => withStatus(items, statuses), [items, statuses])
  const late = useLateTicketData(doc)
  const settings = useRetroSettings(doc)
  const commands = useMemo<TeamRetroCommands>(() => {
    // bound to the team's document; before it has loaded, a command says so instead of writing
    const on = <A extends unknown[], R>(f: (doc: Y.Doc, ...args: A) => R) => (...args: A): R => (doc ? f(doc, ...args) : notLoaded())
    return {
      addAction: on(addAction),
      updateAction: on(updateAction),
      setActionDone: on(setActionDone),
      removeAction: on(removeAction),
      saveLateTicket: on(saveLateTicket),
      removeLateTicket: on(removeLateTicket),
      addReason: on(addReason),
      saveSettings: on(saveRetroSettings)
    }
  }, [doc])
  return useMemo(() => ({ loaded: !!doc, actions, late, settings, commands }), [doc, actions, late, settings, commands])
}

/** A space's late tickets and reasons (a team's own, or an org's copies from its teams). */
export function useSpaceLateTickets(spaceId: string): { loaded: boolean; late: LateTicketData } {
  const doc = useRetroRootDoc(spaceId)
  const late = useLateTicketData(doc)
  return useMemo(() => ({ loaded: !!doc, late }), [doc, late])
}
