import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { DesktopApi } from '@shared/ipc/contract.ts'

/**
 * The preload is the only bridge between the page and Electron. It exposes one object, `desktop`,
 * with two functions, and checks every payload against the contract before it reaches ipcRenderer.
 * Electron is replaced by a fake: the preload runs here exactly as bundled, minus the binary.
 */
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

describe('preload', () => {
  it('exposes one object with invoke and on, and nothing of Electron', () => {
    expect([...electron.exposed.keys()]).toEqual(['desktop'])
    expect(Object.keys(desktop).sort()).toEqual(['invoke', 'on'])
    expect(Object.values(desktop).every((v) => typeof v === 'function')).toBe(true)
  })

  it('never passes an unknown channel or a bad payload to ipcRenderer', async () => {
    electron.invoke.mockClear()
    await expect(desktop.invoke('fs:read' as never, { path: '/etc/passwd' } as never)).rejects.toThrow(/unknown channel/)
    await expect(desktop.invoke('shell:open-external', { url: 'file:///etc/passwd' })).rejects.toThrow(/bad request/)
    await expect(desktop.invoke('shell:open-external', { url: 'javascript:alert(1)' })).rejects.toThrow(/bad request/)
    expect(electron.invoke).not.toHaveBeenCalled()
  })

  it('passes a good request through and checks the answer', async () => {
    electron.invoke.mockResolvedValueOnce({ version: '1.0.0', platform: 'linux' })
    await expect(desktop.invoke('app:info', undefined)).resolves.toEqual({ version: '1.0.0', platform: 'linux' })
    electron.invoke.mockResolvedValueOnce({ version: 1 })
    await expect(desktop.invoke('app:info', undefined)).rejects.toThrow(/bad response/)
  })

  it('listens only to contract events and hands the page the payload, never the IPC event', () => {
    expect(() => desktop.on('anything' as never, () => {})).toThrow(/unknown event/)
    const listener = vi.fn()
    const off = desktop.on('deep-link', listener)
    const wrapped = electron.on.mock.calls.at(-1)![1] as (event: unknown, payload: unknown) => void
    wrapped({ sender: 'ipc internals' }, { url: 'tandem://join/x' })
    expect(listener).toHaveBeenCalledExactlyOnceWith({ url: 'tandem://join/x' })
    off()
    expect(electron.removeListener).toHaveBeenCalledWith('deep-link', wrapped)
  })
})
