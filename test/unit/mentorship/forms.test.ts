import { describe, expect, it } from 'vitest'
import { draftToProfile, linesToItems, profileToDraft, EMPTY_PROFILE_DRAFT } from '@shared/mentorship/profileForm.ts'
import { describePoolWrites, planPoolImport } from '@shared/mentorship/poolImport.ts'
import { importProfiles } from '@shared/mentorship/profileYaml.ts'
import { checkInFromDraft, draftFromKeyResult, emptyKeyResultDraft, okrFromDraft, quarterChoices, readNumber } from '@shared/mentorship/okrForm.ts'
import { trackTicketList, trackerBaseFromTicketUrl, trackerBaseFromTickets } from '@shared/mentorship/trackTickets.ts'
import { daria } from './fixtures/okr.ts'

describe('the profile form', () => {
  it('reads one item per line, dropping blanks and list markers', () => {
    expect(linesToItems('- React & Redux\n\n* Go services \n1. Design docs\n   ')).toEqual(['React & Redux', 'Go services', 'Design docs'])
  })

  it('turns a draft into a profile and back', () => {
    const result = draftToProfile({ ...EMPTY_PROFILE_DRAFT, name: ' Ada ', dept: 'engg', timezone: 'Europe/Berlin', beAMentor: 'Rust\nKafka', seekAMentor: 'React' })
    expect(result).toEqual({ ok: true, profile: { name: 'Ada', dept: 'engg', timezone: 'Europe/Berlin', hobbies: [], favoriteResources: [], beAMentor: ['Rust', 'Kafka'], seekAMentor: ['React'] } })
    if (result.ok) expect(profileToDraft(result.profile).beAMentor).toBe('Rust\nKafka')
  })

  it('names the field of each problem', () => {
    const result = draftToProfile({ ...EMPTY_PROFILE_DRAFT, name: '  ', timezone: 'Mars/Olympus' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.name).toBe('Give the person a name.')
      expect(result.errors.timezone).toMatch(/IANA time zone/)
    }
  })
})

describe('importing into a pool', () => {
  const yaml = (name: string) => `about:\n  name: ${name}\n  dept: engg\nbe_a_mentor: [Go]\nseek_a_mentor: [React]\n`
  it('adds new names and updates names already in the pool, case-insensitively', () => {
    const { profiles } = importProfiles([{ name: 'a.yaml', text: yaml('Daria  Petrova') }, { name: 'b.yaml', text: yaml('Bruce') }])
    let n = 0
    const writes = planPoolImport([{ id: 'p1', name: 'daria petrova' }], profiles, () => `new${++n}`)
    expect(writes.map((w) => [w.id, w.profile.name, w.importedFrom, w.isNew])).toEqual([
      ['p1', 'Daria  Petrova', 'a.yaml', false],
      ['new1', 'Bruce', 'b.yaml', true]
    ])
    expect(describePoolWrites(writes)).toBe('Added 1 profile, updated 1 profile.')
  })

  it('keeps the last of a name seen twice in one import', () => {
    const { profiles } = importProfiles([{ name: 'a.yaml', text: yaml('Bruce') + '---\n' + yaml('bruce') }])
    const writes = planPoolImport([], profiles, () => 'id')
    expect(writes).toHaveLength(1)
    expect(writes[0]?.profile.name).toBe('bruce')
    expect(describePoolWrites(writes)).toBe('Added 1 profile.')
  })
})

describe('the OKR forms', () => {
  it('reads numbers as people type them', () => {
    expect(readNumber(' 3,5 ')).toBe(3.5)
    expect(readNumber('')).toBeNull()
    expect(readNumber('ten')).toBeNull()
  })

  it('builds an OKR with its check-ins kept', () => {
    const draft = { objective: daria.objective, quarter: daria.quarter, keyResults: daria.keyResults.map(draftFromKeyResult) }
    const result = okrFromDraft(daria.id, draft, daria.checkIns)
    expect(result).toEqual({ ok: true, okr: daria })
  })

  it('says what to fix', () => {
    const kr = { ...emptyKeyResultDraft('k1'), title: 'Ship', start: '5', target: '5' }
    const result = okrFromDraft('o', { objective: '', quarter: '2019Q3', keyResults: [kr, { ...emptyKeyResultDraft('k2'), title: 'Docs', target: '' }] })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors).toContain('quarter must look like 2026-Q3')
      expect(result.errors).toContain('objective is required')
      expect(result.errors).toContain('key result 1 ("Ship"): target must differ from start')
      expect(result.errors).toContain('key result 2 ("Docs"): target must be a number')
    }
    const none = okrFromDraft('o', { objective: 'x', quarter: '2019-Q3', keyResults: [] })
    expect(none).toEqual({ ok: false, errors: ['add at least one key result'] })
  })

  it('checks a check-in against its key result', () => {
    const [cycle, wip, written] = daria.keyResults
    const base = { date: '2019-08-20', value: '5', done: false, confidence: 7, note: ' ok ' }
    expect(checkInFromDraft(cycle!, 'c9', base)).toEqual({ ok: true, checkIn: { id: 'c9', keyResultId: 'cycle', date: '2019-08-20', value: 5, confidence: 7, note: 'ok' } })
    expect(checkInFromDraft(wip!, 'c9', { ...base, value: '120' })).toEqual({ ok: false, error: 'A percentage is between 0 and 100.' })
    expect(checkInFromDraft(cycle!, 'c9', { ...base, value: '' })).toEqual({ ok: false, error: 'Enter the value reached so far.' })
    expect(checkInFromDraft(cycle!, 'c9', { ...base, confidence: 11 })).toEqual({ ok: false, error: 'Confidence is a whole number from 1 to 10.' })
    const done = checkInFromDraft(written!, 'c9', { ...base, done: true })
    expect(done.ok && done.checkIn.value).toBe(true)
  })

  it('offers last, this and the next two quarters', () => {
    expect(quarterChoices('2026-01-15')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'])
    expect(quarterChoices('2026-11-02')).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2'])
  })
})

describe('a direction’s tickets', () => {
  const base = 'https://shippo.atlassian.net/browse/'
  it('joins linked tickets and keys mentioned in its text, once each', () => {
    const list = trackTicketList([{ key: 'ENG-8504', url: `${base}ENG-8504` }], ['Work on ENG-8504 and ENG-8096', 'UTF-8 is not a ticket'], 'https://jira.example.com/browse')
    expect(list).toEqual([
      { key: 'ENG-8504', url: `${base}ENG-8504`, linked: true },
      { key: 'ENG-8096', url: 'https://jira.example.com/browse/ENG-8096', linked: false }
    ])
    expect(trackTicketList([{ key: 'OPS-1', url: null }], [], null)).toEqual([{ key: 'OPS-1', url: null, linked: true }])
  })

  it('finds the tracker base in ticket URLs', () => {
    expect(trackerBaseFromTicketUrl(`${base}ENG-8504`)).toBe(base)
    expect(trackerBaseFromTicketUrl('https://x.example/ENG-1?focus=1')).toBeNull()
    expect(trackerBaseFromTicketUrl('ftp://x/ENG-1')).toBeNull()
    expect(trackerBaseFromTickets([{ url: `${base}ENG-1` }, { url: null }, { url: 'https://other/ENG-2' }, { url: `${base}ENG-3` }])).toBe(base)
    expect(trackerBaseFromTickets([])).toBeNull()
  })
})

describe('a suggestion as the viewer reads it', () => {
  it('puts the viewer first, by full or first name', async () => {
    const { suggestPairs } = await import('@shared/mentorship/matching.ts')
    const { personFirst } = await import('@shared/mentorship/pairOrder.ts')
    const { profiles } = importProfiles([
      { name: 'b.yaml', text: 'about:\n  name: Bruce Nakamura\nbe_a_mentor: [Kanban for small teams]\nseek_a_mentor: [Learn React]\n' },
      { name: 'd.yaml', text: 'about:\n  name: Daria Petrova\nbe_a_mentor: [React and Redux]\nseek_a_mentor: [Kanban process]\n' }
    ])
    const [s] = suggestPairs(profiles.map((p, i) => ({ id: `p${i}`, profile: p.profile })))
    expect(s?.a.name).toBe('Bruce Nakamura')
    const mine = personFirst(s!, 'Daria')
    expect([mine.a.name, mine.b.name]).toEqual(['Daria Petrova', 'Bruce Nakamura'])
    expect(mine.aMentorsB.mentorName).toBe('Daria Petrova')
    expect(mine.reasons[0]).toMatch(/^Daria Petrova's be-a-mentor/)
    expect(personFirst(s!, 'Bruce')).toBe(s)
    expect(personFirst(s!, 'Cleo')).toBe(s)
  })
})
