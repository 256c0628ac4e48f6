import { describe, expect, it, vi } from 'vitest'
import { registerInvokeHandlers, type InvokeHandlers, type IpcMainLike } from '../../../electron/main/ipc.ts'
import { INVOKE_CHANNELS, IpcContractError } from '@shared/ipc/contract.ts'

type Listener = Parameters<IpcMainLike['handle']>[1]

const TRUSTED = 'app://tandem/index.html'

function setup(overrides: Partial<Record<keyof InvokeHandlers, (request: unknown) => unknown>> = {}) {
  const handlers = new Map<string, Listener>()
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel) => void handlers.delete(channel)
  }
  const impl = {
    'app:info': vi.fn(() => ({ version: '1.2.3', platform: 'linux' })),
    'shell:open-external': vi.fn(async () => undefined),
    'deep-link:take': vi.fn(() => ({ url: null })),
    'signaling:host': vi.fn(async () => ({ running: true, urls: ['ws://localhost:4444'] })),
    ...overrides
  }
  const log = { warn: vi.fn() }
  const isTrusted = vi.fn((url: string | undefined) => url === TRUSTED)
  const dispose = registerInvokeHandlers(ipc, impl as unknown as InvokeHandlers, isTrusted, log)
  const invoke = async (channel: string, payload: unknown, frameUrl: string | null = TRUSTED) => {
    const listener = handlers.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, payload)
  }
  return { handlers, impl, log, isTrusted, dispose, invoke }
}

describe('registerInvokeHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers } = setup()
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it('passes a good request through to its handler and returns the response', async () => {
    const { invoke, impl, log } = setup()
    await expect(invoke('app:info', undefined)).resolves.toEqual({ version: '1.2.3', platform: 'linux' })
    await expect(invoke('shell:open-external', { url: 'https://example.com' })).resolves.toBeUndefined()
    expect(impl['shell:open-external']).toHaveBeenCalledExactlyOnceWith({ url: 'https://example.com' })
    await expect(invoke('signaling:host', { enabled: true, port: 5000 })).resolves.toEqual({ running: true, urls: ['ws://localhost:4444'] })
    expect(impl['signaling:host']).toHaveBeenCalledWith({ enabled: true, port: 5000 })
    expect(log.warn).not.toHaveBeenCalled()
  })

  it.each([
    ['a foreign page', 'https://evil.example/'],
    ['a file:// page', 'file:///tmp/x.html'],
    ['no frame', null]
  ])('refuses a sender from %s, without calling the handler', async (_label, frameUrl) => {
    const { invoke, impl, log } = setup()
    await expect(invoke('shell:open-external', { url: 'https://example.com' }, frameUrl)).rejects.toThrow('untrusted sender')
    expect(impl['shell:open-external']).not.toHaveBeenCalled()
    expect(log.warn).toHaveBeenCalledExactlyOnceWith(
      `ipc: refused shell:open-external from untrusted frame ${frameUrl ?? '(none)'}`
    )
  })

  it('rejects a bad payload with a contract error, logs it and does not call the handler', async () => {
    const { invoke, impl, log } = setup()
    const err = await invoke('shell:open-external', { url: 'file:///etc/passwd' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(IpcContractError)
    expect((err as Error).message).toMatch(/^bad request on shell:open-external/)
    expect(impl['shell:open-external']).not.toHaveBeenCalled()
    expect(log.warn).toHaveBeenCalledExactlyOnceWith(`ipc: ${(err as Error).message}`)
  })

  it('rejects junk sent to a channel that takes no request', async () => {
    const { invoke, impl, log } = setup()
    await expect(invoke('deep-link:take', { steal: true })).rejects.toThrow(/bad request on deep-link:take/)
    expect(impl['deep-link:take']).not.toHaveBeenCalled()
    expect(log.warn).toHaveBeenCalledOnce()
  })

  it("validates the handler's response", async () => {
    const { invoke } = setup({ 'app:info': () => ({ version: 3 }) })
    await expect(invoke('app:info', undefined)).rejects.toThrow(/bad response on app:info/)
  })

  it('propagates a handler error', async () => {
    const { invoke } = setup({ 'signaling:host': async () => Promise.reject(new Error('boom')) })
    await expect(invoke('signaling:host', { enabled: false })).rejects.toThrow('boom')
  })

  it('dispose removes every handler', () => {
    const { handlers, dispose } = setup()
    expect(handlers.size).toBe(INVOKE_CHANNELS.length)
    dispose()
    expect(handlers.size).toBe(0)
  })
})
