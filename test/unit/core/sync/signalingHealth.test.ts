import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WebrtcProvider } from 'y-webrtc'
import { retryPauseMs, signalingVerdict, UNREACHABLE_AFTER_MS } from '@shared/sync/signalingHealth.ts'
import { SignalingHealth, useSignalingHealth } from '@core/sync/signalingHealth.ts'

class FakeConn {
  connected = false
  private handlers: Record<string, (() => void)[]> = {}
  constructor(readonly url: string) {}
  on(event: string, f: () => void) {
    ;(this.handlers[event] ??= []).push(f)
  }
  set(connected: boolean) {
    this.connected = connected
    for (const f of this.handlers[connected ? 'connect' : 'disconnect'] ?? []) f()
  }
}
const providerWith = (...conns: FakeConn[]) => ({ signalingConns: conns }) as unknown as WebrtcProvider

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('signaling health', () => {
  it('backs off with growing pauses, capped', () => {
    expect([0, 1, 2, 3, 4, 9].map(retryPauseMs)).toEqual([15_000, 30_000, 60_000, 120_000, 300_000, 300_000])
    expect(signalingVerdict(true, 0, 1e9)).toBe('ok')
    expect(signalingVerdict(false, 0, UNREACHABLE_AFTER_MS - 1)).toBe('connecting')
    expect(signalingVerdict(false, 0, UNREACHABLE_AFTER_MS)).toBe('give-up')
  })

  it('gives up on a server that never answers, stops connecting, and tries again later or on request', () => {
    let relinks = 0
    const health = new SignalingHealth(() => relinks++)
    health.setUrls(['ws://127.0.0.1:1'])
    health.follow(providerWith(new FakeConn('ws://127.0.0.1:1')))
    vi.advanceTimersByTime(2_000)
    expect(useSignalingHealth.getState().state.kind).toBe('connecting')
    vi.advanceTimersByTime(UNREACHABLE_AFTER_MS)
    const state = useSignalingHealth.getState().state
    expect(state).toMatchObject({ kind: 'unreachable', urls: ['ws://127.0.0.1:1'] })
    expect(health.shouldConnect()).toBe(false)
    expect(relinks).toBe(1) // the links were dropped: y-webrtc's own retries stop
    vi.advanceTimersByTime(retryPauseMs(0) + 1_000)
    expect(health.shouldConnect()).toBe(true)
    expect(relinks).toBe(2)
    expect(useSignalingHealth.getState().state.kind).toBe('connecting')
    // the next give-up waits longer
    health.follow(providerWith(new FakeConn('ws://127.0.0.1:1')))
    vi.advanceTimersByTime(UNREACHABLE_AFTER_MS + 1_000)
    const again = useSignalingHealth.getState().state
    expect(again.kind).toBe('unreachable')
    if (again.kind === 'unreachable') expect(again.nextTryAt - Date.now()).toBeGreaterThan(retryPauseMs(0))
    health.tryNow()
    expect(health.shouldConnect()).toBe(true)
    health.reset()
  })

  it('is fine as soon as one server answers, and forgets servers no longer in the settings', () => {
    const health = new SignalingHealth(() => {})
    health.setUrls(['ws://a', 'ws://b'])
    const a = new FakeConn('ws://a')
    const b = new FakeConn('ws://b')
    health.follow(providerWith(a, b))
    b.set(true)
    vi.advanceTimersByTime(UNREACHABLE_AFTER_MS * 3)
    expect(useSignalingHealth.getState().state.kind).toBe('ok')
    health.setUrls(['ws://a'])
    b.set(true)
    vi.advanceTimersByTime(1_000)
    expect(useSignalingHealth.getState().state.kind).toBe('ok')
    health.reset()
  })
})
