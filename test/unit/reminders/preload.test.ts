import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { DesktopApi } from '@shared/ipc/contract.ts'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import { ME, at, berlinOrg } from './fixtures.ts'

/** The reminder channels go through the preload's one `desktop` object, checked on this side too. */
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (_channel: string, _payload: unknown): Promise<unknown> => undefined),
  on: vi.fn(),
  removeListener: vi.fn()
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener }
}))

let desktop: DesktopApi

beforeAll(async () => {
  await import('../../../electron/preload/index.ts')
  desktop = electron.exposed.get('desktop') as DesktopApi
})

const entries = upcomingReminders({ now: at('2026-03-20T08:00:00Z'), zone: 'Europe/Berlin', me: ME, sprint: [berlinOrg()], pairs: [] }).entries

describe('reminders through the preload', () => {
  it('passes a good schedule to main and checks the answer', async () => {
    electron.invoke.mockResolvedValueOnce({ entries: entries.length, nextDueAt: entries[0]!.startsAt - 600_000 })
    const schedule = { entries, preferences: {}, zone: 'Europe/Berlin' } as never
    await expect(desktop.invoke('reminders:set', schedule)).resolves.toEqual({ entries: entries.length, nextDueAt: entries[0]!.startsAt - 600_000 })
    expect(electron.invoke).toHaveBeenCalledWith('reminders:set', expect.objectContaining({ entries, zone: 'Europe/Berlin' }))
  })

  it('stops a malformed schedule before it reaches ipcRenderer', async () => {
    electron.invoke.mockClear()
    const flood = { entries: Array(10_000).fill(entries[0]), preferences: {}, zone: 'Europe/Berlin' } as never
    await expect(desktop.invoke('reminders:set', flood)).rejects.toThrow('bad request on reminders:set: a schedule holds at most 2000 meetings at entries')
    await expect(desktop.invoke('reminders:set', { entries: [{ ...entries[0], startsAt: 0 }], preferences: {}, zone: 'Europe/Berlin' } as never)).rejects.toThrow(
      /before 2020/
    )
    expect(electron.invoke).not.toHaveBeenCalled()
  })

  it('hands the page a missed-reminders event, checked', () => {
    const listener = vi.fn()
    desktop.on('reminders:missed', listener)
    const wrapped = electron.on.mock.calls.at(-1)![1] as (event: unknown, payload: unknown) => void
    wrapped({}, { missed: 'everything' })
    expect(listener).not.toHaveBeenCalled()
    wrapped({}, { missed: [] })
    expect(listener).toHaveBeenCalledExactlyOnceWith({ missed: [] })
  })
})
