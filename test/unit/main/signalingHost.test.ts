import { describe, expect, it, vi } from 'vitest'
import { SignalingHost } from '../../../electron/main/signalingHost.ts'
import type { SignalingOptions, SignalingServer } from '../../../electron/signaling/server.ts'

function fakeServer(port: number) {
  return {
    url: `ws://0.0.0.0:${port}`,
    port,
    stats: () => ({ connections: 0, topics: 0, relayed: 0, rejected: 0 }),
    close: vi.fn(async () => undefined)
  } satisfies SignalingServer
}

function setup(lan: string[] = ['192.168.1.20', '10.0.0.5']) {
  const servers: ReturnType<typeof fakeServer>[] = []
  const start = vi.fn(async (options: SignalingOptions) => {
    const server = fakeServer(options.port ?? 4444)
    servers.push(server)
    return server
  })
  const host = new SignalingHost({ start, lanAddresses: () => lan })
  return { host, start, servers }
}

describe('SignalingHost', () => {
  it('starts on all interfaces and returns localhost and LAN urls', async () => {
    const { host, start } = setup()
    await expect(host.set(true, 5000)).resolves.toEqual({
      running: true,
      urls: ['ws://localhost:5000', 'ws://192.168.1.20:5000', 'ws://10.0.0.5:5000']
    })
    expect(start).toHaveBeenCalledExactlyOnceWith({ host: '0.0.0.0', port: 5000 })
  })

  it('uses port 4444 by default and works without a LAN', async () => {
    const { host } = setup([])
    await expect(host.set(true)).resolves.toEqual({ running: true, urls: ['ws://localhost:4444'] })
  })

  it('does not start a second server for the same port', async () => {
    const { host, start } = setup()
    await host.set(true, 5000)
    await host.set(true, 5000)
    expect(start).toHaveBeenCalledOnce()
  })

  it('restarts on a new port, closing the old server', async () => {
    const { host, start, servers } = setup()
    await host.set(true, 5000)
    const result = await host.set(true, 6000)
    expect(servers[0]!.close).toHaveBeenCalledOnce()
    expect(start).toHaveBeenCalledTimes(2)
    expect(result.urls[0]).toBe('ws://localhost:6000')
  })

  it('stops: disables and closes the server', async () => {
    const { host, servers } = setup()
    await host.set(true, 5000)
    await expect(host.set(false)).resolves.toEqual({ running: false, urls: [] })
    expect(servers[0]!.close).toHaveBeenCalledOnce()
    await host.dispose()
    expect(servers[0]!.close).toHaveBeenCalledOnce()
  })

  it('gives a clear message when the port is in use', async () => {
    const start = vi.fn(async () => {
      throw Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:4444'), { code: 'EADDRINUSE' })
    })
    const host = new SignalingHost({ start, lanAddresses: () => [] })
    await expect(host.set(true, 4444)).resolves.toEqual({
      running: false,
      urls: [],
      error: 'Port 4444 is already in use on this computer; choose another port.'
    })
  })

  it('reports other start failures with their message, and can retry', async () => {
    const start = vi
      .fn<(options: SignalingOptions) => Promise<SignalingServer>>()
      .mockRejectedValueOnce(Object.assign(new Error('permission denied'), { code: 'EACCES' }))
      .mockResolvedValueOnce(fakeServer(4444))
    const host = new SignalingHost({ start, lanAddresses: () => [] })
    await expect(host.set(true)).resolves.toEqual({
      running: false,
      urls: [],
      error: 'The signaling server could not start: permission denied'
    })
    await expect(host.set(true)).resolves.toEqual({ running: true, urls: ['ws://localhost:4444'] })
  })
})
