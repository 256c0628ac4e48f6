import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import {
  WINDOWS_APP_USER_MODEL_ID,
  createElectronNotifier,
  type NotificationLike,
  type NotificationOptions
} from '../../../electron/main/reminders/notifier.ts'

/** A stand-in for Electron's Notification: records its options and lets the test emit events. */
function fakeElectron(supported = true) {
  const created: { options: NotificationOptions; emit: (event: string, ...args: unknown[]) => void; shown: number }[] = []
  const api = {
    isSupported: () => supported,
    create: (options: NotificationOptions): NotificationLike => {
      const listeners = new Map<string, ((...args: never[]) => void)[]>()
      const record = {
        options,
        shown: 0,
        emit: (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...(args as never[])))
      }
      created.push(record)
      return {
        on: (event: string, listener: (...args: never[]) => void) => void listeners.set(event, [...(listeners.get(event) ?? []), listener]),
        show: () => void record.shown++
      } as NotificationLike
    }
  }
  return { api, created }
}

describe('the Electron notifier', () => {
  it('shows the title, the body and a Snooze button per length', () => {
    const { api, created } = fakeElectron()
    createElectronNotifier(api, { warn: vi.fn() }).show(
      { title: 'Daily sync-up · Alpha', body: 'In 10 minutes, at 12:00', snoozeMinutes: [5, 60] },
      { open: vi.fn(), snooze: vi.fn() }
    )
    expect(created).toHaveLength(1)
    expect(created[0]!.options).toEqual({
      title: 'Daily sync-up · Alpha',
      body: 'In 10 minutes, at 12:00',
      actions: [
        { type: 'button', text: 'Snooze 5 min' },
        { type: 'button', text: 'Snooze 1 h' }
      ],
      silent: false
    })
    expect(created[0]!.shown).toBe(1)
  })

  it('opens the meeting on click, and snoozes by the button chosen (new and old event shapes)', () => {
    const { api, created } = fakeElectron()
    const actions = { open: vi.fn(), snooze: vi.fn() }
    const notifier = createElectronNotifier(api, { warn: vi.fn() })
    notifier.show({ title: 't', body: 'b', snoozeMinutes: [5, 10] }, actions)
    created[0]!.emit('click')
    expect(actions.open).toHaveBeenCalledOnce()
    created[0]!.emit('action', { actionIndex: 1 }, 1)
    created[0]!.emit('action', undefined, 0)
    created[0]!.emit('action', { actionIndex: 7 })
    expect(actions.snooze.mock.calls).toEqual([[10], [5]])
  })

  it('does not throw where notifications are not supported', () => {
    const { api, created } = fakeElectron(false)
    const warn = vi.fn()
    createElectronNotifier(api, { warn }).show({ title: 't', body: 'b', snoozeMinutes: [] }, { open: vi.fn(), snooze: vi.fn() })
    expect(created).toEqual([])
    expect(warn).toHaveBeenCalledWith('reminders: notifications are not supported here; not shown: t')
  })

  it('uses the build’s appId as the Windows AppUserModelID', () => {
    const builder = parse(readFileSync(resolve(import.meta.dirname, '../../../electron-builder.yml'), 'utf8')) as { appId: string }
    expect(WINDOWS_APP_USER_MODEL_ID).toBe(builder.appId)
  })
})
