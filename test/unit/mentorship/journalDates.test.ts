import { describe, expect, it } from 'vitest'
import { formatDuration, formatJournalDate, parseDuration, parseJournalDate } from '@shared/mentorship/journalDates.ts'

describe('journal dates', () => {
  it.each([
    ['4/19/2019', '2019-04-19'],
    ['4/2/2019', '2019-04-02'],
    ['04/02/19', '2019-04-02'],
    ['2019-04-19', '2019-04-19'],
    ['2019-4-9', '2019-04-09'],
    ['April 19, 2019', '2019-04-19'],
    ['Apr 19 2019', '2019-04-19'],
    ['19 April 2019', '2019-04-19'],
    [' 5/1/2019 ', '2019-05-01']
  ])('reads %s', (input, iso) => {
    expect(parseJournalDate(input)).toBe(iso)
  })

  it.each(['2/30/2019', '13/1/2019', '2019-02-29', 'yesterday', '', 'Smarch 3, 2019'])('refuses %j', (input) => {
    expect(parseJournalDate(input)).toBeNull()
  })

  it('writes ISO or the US style of the seed', () => {
    expect(formatJournalDate('2019-04-02', 'us')).toBe('4/2/2019')
    expect(formatJournalDate('2019-04-02', 'iso')).toBe('2019-04-02')
  })
})

describe('durations', () => {
  it.each([
    ['35 mins', 35],
    ['90 min', 90],
    ['45m', 45],
    ['1 hour', 60],
    ['2 hours', 120],
    ['1h30', 90],
    ['1h 30m', 90],
    ['1 hour 30 minutes', 90],
    ['1 hr and 15 mins', 75],
    ['1.5 hours', 90],
    ['an hour', 60],
    ['half an hour', 30]
  ])('reads %s', (input, minutes) => {
    expect(parseDuration(input)).toBe(minutes)
  })

  it.each(['0 mins', 'hour', 'a while', '35', '-5 min'])('refuses %j', (input) => {
    expect(parseDuration(input)).toBeNull()
  })

  it('writes minutes the way people say them', () => {
    expect([35, 1, 60, 90, 120, 121].map(formatDuration)).toEqual(['35 mins', '1 min', '1 hour', '1 hour 30 mins', '2 hours', '2 hours 1 min'])
    for (const minutes of [5, 35, 60, 61, 90, 150]) expect(parseDuration(formatDuration(minutes))).toBe(minutes)
  })
})
