import { describe, expect, it } from 'vitest'
import { SAVE_RETRY, formatRetryIn, saveFailureReason, saveRetryDelayMs } from '@shared/storage/saveRetry.ts'
import { describeStorageUse, formatBytes, nearQuota } from '@shared/storage/usage.ts'

describe('saving again after a failed write', () => {
  it('waits twice as long each time, capped at a minute', () => {
    const delays = Array.from({ length: SAVE_RETRY.maxAttempts }, (_, i) => saveRetryDelayMs(i))
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000])
  })

  it('stops after a bounded number of tries (and rejects nonsense)', () => {
    expect(saveRetryDelayMs(SAVE_RETRY.maxAttempts)).toBeNull()
    expect(saveRetryDelayMs(-1)).toBeNull()
    expect(saveRetryDelayMs(1.5)).toBeNull()
    expect(saveRetryDelayMs(0, { firstDelayMs: 500, maxDelayMs: 1_000, maxAttempts: 1 })).toBe(500)
    expect(saveRetryDelayMs(1, { firstDelayMs: 500, maxDelayMs: 1_000, maxAttempts: 1 })).toBeNull()
  })

  it('says why in the user’s words: a full disk, or the error it got', () => {
    expect(saveFailureReason('QuotaExceededError')).toMatch(/storage on this computer is full/)
    expect(saveFailureReason('UnknownError')).toMatch(/could not write .*\(UnknownError\)/)
    expect(saveFailureReason(null)).toMatch(/unknown error/)
  })

  it('tells when the next try is due, never "in 0 s"', () => {
    expect(formatRetryIn(8_000)).toBe('in 8 s')
    expect(formatRetryIn(7_001)).toBe('in 8 s')
    expect(formatRetryIn(0)).toBe('in 1 s')
    expect(formatRetryIn(-500)).toBe('in 1 s')
    expect(formatRetryIn(60_000)).toBe('in 1 min')
    expect(formatRetryIn(61_000)).toBe('in 2 min')
  })
})

describe('storage sizes for people', () => {
  it('uses decimal units with one decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(950)).toBe('950 bytes')
    expect(formatBytes(1_000)).toBe('1 KB')
    expect(formatBytes(1_234)).toBe('1.2 KB')
    expect(formatBytes(73_728)).toBe('74 KB')
    expect(formatBytes(12_345_678)).toBe('12 MB')
    expect(formatBytes(10_737_491_968)).toBe('11 GB')
    expect(formatBytes(2.5e12)).toBe('2.5 TB')
  })

  it('rounds up into the next unit instead of showing 1000', () => {
    expect(formatBytes(999_600)).toBe('1 MB')
    expect(formatBytes(9_960)).toBe('10 KB')
  })

  it('shows an unknown size as such', () => {
    expect(formatBytes(Number.NaN)).toBe('?')
    expect(formatBytes(-1)).toBe('?')
  })

  it('describes use against the allowance, with a share that never reads 0% when something is stored', () => {
    expect(describeStorageUse({ usage: 12_000_000, quota: 10_000_000_000 })).toBe('12 MB of 10 GB used (less than 1%)')
    expect(describeStorageUse({ usage: 0, quota: 10_000_000_000 })).toBe('0 bytes of 10 GB used (0%)')
    expect(describeStorageUse({ usage: 450_000_000, quota: 1_000_000_000 })).toBe('450 MB of 1 GB used (45%)')
    expect(describeStorageUse({ usage: 2_000, quota: 1_000 })).toBe('2 KB of 1 KB used (100%)')
    expect(describeStorageUse({ usage: 5_000, quota: 0 })).toBe('5 KB used')
  })
})

describe('the warning before the quota is reached (issue 14)', () => {
  it('warns from 80 % of the allowance on, never for an unknown or zero allowance', () => {
    expect(nearQuota({ usage: 79, quota: 100 })).toBe(false)
    expect(nearQuota({ usage: 80, quota: 100 })).toBe(true)
    expect(nearQuota({ usage: 120, quota: 100 })).toBe(true)
    expect(nearQuota({ usage: 5, quota: 0 })).toBe(false)
    expect(nearQuota({ usage: Number.NaN, quota: 100 })).toBe(false)
    expect(nearQuota({ usage: 1, quota: Number.POSITIVE_INFINITY })).toBe(false)
  })
})
