import { describe, expect, it } from 'vitest'
import { upcomingReminders, type UpcomingInput } from '@shared/reminders/upcoming.ts'
import { ReminderEntry, appPathOfLink, openLinkOf } from '@shared/reminders/entry.ts'
import { ALPHA_SPACE, ME, ORG, PAIR, at, berlinOrg, pair, wall } from './fixtures.ts'

const NOW = at('2026-03-20T08:00:00Z') // Friday 09:00 in Berlin, 04:00 in New York

function upcoming(extra: Partial<UpcomingInput> = {}) {
  return upcomingReminders({ now: NOW, zone: 'Europe/Berlin', me: ME, sprint: [berlinOrg()], pairs: [], ...extra })
}

const summary = (entries: ReminderEntry[], zone = 'Europe/Berlin') => entries.map((e) => `${wall(e.startsAt, zone)} ${e.title} · ${e.groupLabel}`)

describe('upcoming ceremonies of a team member in Berlin', () => {
  it('lists 14 days of the team and org ceremonies, at their Berlin times across the DST change', () => {
    const { entries, problems } = upcoming()
    expect(problems).toEqual([])
    expect(summary(entries)).toEqual([
      '2026-03-20 12:00 Daily sync-up · Alpha',
      '2026-03-23 12:00 Daily sync-up · Alpha',
      '2026-03-24 12:00 Daily sync-up · Alpha',
      '2026-03-25 12:00 Daily sync-up · Alpha',
      '2026-03-26 12:00 Daily sync-up · Alpha',
      '2026-03-27 12:00 Daily sync-up · Alpha',
      '2026-03-30 12:00 Daily sync-up · Alpha',
      '2026-03-30 14:00 Team scrum · Alpha',
      '2026-03-31 13:30 Team retrospective · Alpha',
      '2026-03-31 15:00 Sprint retrospective & demo · Acme engineering',
      '2026-04-01 10:00 Team sprint planning · Alpha',
      '2026-04-01 12:00 Daily sync-up · Alpha',
      '2026-04-02 12:00 Daily sync-up · Alpha'
    ])
    // 12:00 in Berlin is 11:00Z before the change and 10:00Z after it
    expect(new Date(entries[0]!.startsAt).toISOString()).toBe('2026-03-20T11:00:00.000Z')
    expect(new Date(entries[6]!.startsAt).toISOString()).toBe('2026-03-30T10:00:00.000Z')
    expect(entries.every((e) => ReminderEntry.safeParse(e).success)).toBe(true)
  })

  it('gives ids derived from the occurrence: the same meeting keeps its id when computed later', () => {
    const first = upcoming().entries
    const later = upcoming({ now: NOW + 3 * 86_400_000 }).entries
    const sync = first.find((e) => wall(e.startsAt, 'Europe/Berlin') === '2026-03-30 12:00')!
    expect(sync.id).toBe(`c:${ORG}:daily-sync-up:alpha:2026-03-30`)
    expect(later.find((e) => e.id === sync.id)).toEqual(sync)
  })

  it('links each meeting to its page: team ceremonies in the team space, org ones in the org timeline', () => {
    const { entries } = upcoming()
    const scrum = entries.find((e) => e.ceremony === 'team-scrum')!
    expect(scrum).toMatchObject({
      kind: 'ceremony',
      spaceId: ALPHA_SPACE,
      groupId: ALPHA_SPACE,
      zone: 'Europe/Berlin',
      durationMinutes: 60,
      timeSet: true,
      link: `/space/${ALPHA_SPACE}/sprint/6/ceremony/team-scrum%3Aalpha%3A2026-03-30`
    })
    const demo = entries.find((e) => e.ceremony === 'sprint-retro-demo')!
    expect(demo).toMatchObject({ spaceId: ORG, groupId: ORG, link: `/space/${ORG}/timeline/6/ceremony/sprint-retro-demo%3Aorg%3A2026-03-31` })
    // without the org space on this device, org ceremonies open in the team's own timeline
    const teamOnly = upcoming({ sprint: [berlinOrg({ orgSpaceId: null })] }).entries.find((e) => e.ceremony === 'sprint-retro-demo')!
    expect(teamOnly).toMatchObject({ spaceId: ALPHA_SPACE, groupId: ORG, link: `/space/${ALPHA_SPACE}/sprint/6/ceremony/sprint-retro-demo%3Aorg%3A2026-03-31` })
  })

  it('reads a link back only as an app path', () => {
    expect(appPathOfLink(openLinkOf(`/space/${ALPHA_SPACE}/sprint/6/ceremony/team-scrum%3Aalpha%3A2026-03-30`))).toBe(
      `/space/${ALPHA_SPACE}/sprint/6/ceremony/team-scrum%3Aalpha%3A2026-03-30`
    )
    for (const url of ['tandem://join/x', 'tandem://open/etc/passwd', 'tandem://open/space/x/../../y', 'tandem://open/space/a b', 'https://evil.example/space/x']) {
      expect(appPathOfLink(url)).toBeNull()
    }
  })
})

describe('who takes part', () => {
  const kinds = (entries: ReminderEntry[]) => [...new Set(entries.map((e) => e.ceremony))].sort()

  it('sends team leads to the division sprint planning', () => {
    const lead = upcoming({ sprint: [berlinOrg({ memberships: [{ teamId: 'alpha', spaceId: ALPHA_SPACE, role: 'team-lead' }] })] }).entries
    expect(lead.filter((e) => e.ceremony === 'division-sprint-planning').map((e) => wall(e.startsAt, 'Europe/Berlin'))).toEqual(['2026-03-27 11:00'])
    expect(kinds(upcoming().entries)).not.toContain('division-sprint-planning')
  })

  it('follows whom a team chose to send, by role or by name', () => {
    const sends = (participants: { roles: ('team-member' | 'product-manager')[]; memberIds?: string[] }) =>
      berlinOrg({}, { teams: { alpha: { ceremonies: { 'division-sprint-planning': { participants } } } } })
    const byName = upcoming({ sprint: [sends({ roles: ['product-manager'], memberIds: [ME] })] }).entries
    expect(kinds(byName)).toContain('division-sprint-planning')
    const byRole = upcoming({ sprint: [sends({ roles: ['team-member'] })] }).entries
    expect(kinds(byRole)).toContain('division-sprint-planning')
    const notMe = upcoming({
      sprint: [{ ...sends({ roles: ['product-manager'] }), memberships: [{ teamId: 'alpha', spaceId: ALPHA_SPACE, role: 'team-lead' }] }]
    }).entries
    expect(kinds(notMe)).not.toContain('division-sprint-planning')
  })

  it('gives a product manager in no team the org meetings of their role', () => {
    const pm = upcoming({ sprint: [berlinOrg({ memberships: [], orgRole: 'product-manager' })] }).entries
    expect(kinds(pm)).toEqual(['division-sprint-planning', 'sprint-retro-demo'])
  })

  it('asks an observer of a team to none of its meetings, but to the whole org’s', () => {
    const observer = upcoming({ sprint: [berlinOrg({ memberships: [{ teamId: 'alpha', spaceId: ALPHA_SPACE, role: 'team-member', observer: true }] })] })
    expect(kinds(observer.entries)).toEqual(['sprint-retro-demo'])
  })

  it('leaves out a ceremony the team does not hold, a cancelled meeting, and shows a moved one at its new time', () => {
    const { entries } = upcoming({
      sprint: [
        berlinOrg({}, {
          teams: { alpha: { ceremonies: { 'team-scrum': { cancelled: true } } } },
          occurrences: {
            'daily-sync-up:alpha:2026-03-24': { cancelled: true },
            'daily-sync-up:alpha:2026-03-25': { start: '2026-03-25T16:30:00+01:00' }
          }
        })
      ]
    })
    expect(kinds(entries)).not.toContain('team-scrum')
    const days = summary(entries)
    expect(days).not.toContain('2026-03-24 12:00 Daily sync-up · Alpha')
    expect(days).toContain('2026-03-25 16:30 Daily sync-up · Alpha')
  })

  it('moves meetings off a holiday as the sprint schedule does', () => {
    const { entries } = upcoming({ sprint: [berlinOrg({}, { holidays: ['2026-03-31'] })] })
    expect(summary(entries)).toContain('2026-03-30 15:00 Sprint retrospective & demo · Acme engineering')
  })
})

describe('mentoring sessions', () => {
  const mentoring = (p = pair(), zone = 'America/New_York') => upcoming({ sprint: [], pairs: [p], zone })

  it('reminds of "time to meet again" a cadence after the last session, at the pair’s time', () => {
    const { entries } = mentoring()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      id: `m:${PAIR}:next:2026-03-25`,
      kind: 'mentoring',
      title: 'Time to meet again',
      groupLabel: 'Daria & Bruce',
      groupId: PAIR,
      zone: 'Europe/Berlin',
      timeSet: true,
      link: `/space/${PAIR}/pair`
    })
    // 17:00 in Berlin is 12:00 in New York this week (both on summer time only from the 29th)
    expect(wall(entries[0]!.startsAt, 'America/New_York')).toBe('2026-03-25 12:00')
  })

  it('lists planned sessions instead, each once, and none of a pair that ended', () => {
    const planned = pair({
      sessions: [
        { id: 'intro', title: 'The Intro', date: '2026-03-18', durationMinutes: 35 },
        { id: 's2', title: 'First Step to Greatness', date: '2026-03-26', durationMinutes: 60 },
        { id: 's3', title: 'Lesson plan', date: '2026-04-02', durationMinutes: 60 }
      ]
    })
    const { entries } = mentoring(planned)
    expect(entries.map((e) => [e.id, e.title, wall(e.startsAt, 'America/New_York'), e.link])).toEqual([
      [`m:${PAIR}:s:s2`, 'First Step to Greatness', '2026-03-26 12:00', `/space/${PAIR}/sessions/s2`],
      // Berlin changed its clocks on the 29th: 17:00 there is 11:00 in New York again
      [`m:${PAIR}:s:s3`, 'Lesson plan', '2026-04-02 11:00', `/space/${PAIR}/sessions/s3`]
    ])
    expect(mentoring(pair({ ...planned, ended: true })).entries).toEqual([])
  })

  it('uses the date the pair set for its next session', () => {
    const { entries } = mentoring(pair({ nextSession: '2026-03-27' }))
    expect(entries.map((e) => [e.title, e.id])).toEqual([['Next mentoring session', `m:${PAIR}:next:2026-03-27`]])
  })

  it('places a session without a time at the default hour in the viewer’s zone, and says so', () => {
    const { entries } = mentoring(pair({ time: null, zone: null }))
    expect(entries[0]).toMatchObject({ timeSet: false, zone: 'America/New_York' })
    expect(wall(entries[0]!.startsAt, 'America/New_York')).toBe('2026-03-25 10:00')
    const later = upcoming({ sprint: [], pairs: [pair({ time: null, zone: null })], zone: 'America/New_York', defaultSessionTime: '14:30' })
    expect(wall(later.entries[0]!.startsAt, 'America/New_York')).toBe('2026-03-25 14:30')
  })

  it('does not remind of a pair whose next session is overdue or beyond 14 days', () => {
    expect(mentoring(pair({ cadence: 'biweekly' })).entries.map((e) => wall(e.startsAt, 'Europe/Berlin'))).toEqual(['2026-04-01 17:00'])
    expect(mentoring(pair({ cadence: 'monthly' })).entries).toEqual([])
    expect(mentoring(pair({ sessions: [{ id: 'old', title: 'x', date: '2026-01-02', durationMinutes: 30 }] })).entries).toEqual([])
    expect(mentoring(pair({ sessions: [], nextSession: '2026-05-01' })).entries).toEqual([])
  })
})

describe('what a peer can put in', () => {
  it('makes names one bounded line and drops a source that cannot be scheduled, keeping the rest', () => {
    const noisy = berlinOrg({ name: `Acme\u0000\n${'x'.repeat(400)}`, teams: [{ id: 'alpha', name: '\u001b[31mAlpha\r\nteam' }] })
    const broken = berlinOrg({ id: 'broken00000000000', teams: [{ id: 'alpha', name: 'A' }, { id: 'alpha', name: 'B' }] })
    const { entries, problems } = upcoming({ sprint: [noisy, broken], pairs: [pair({ label: '', sessions: [{ id: 'x', title: '\u0007', date: '2026-03-26', durationMinutes: null }] })] })
    expect(problems).toEqual(['sprint schedule of broken00000000000: Two teams have the same id.'])
    const team = entries.find((e) => e.ceremony === 'team-scrum')!
    expect(team.groupLabel).toBe('[31mAlpha team')
    const org = entries.find((e) => e.ceremony === 'sprint-retro-demo')!
    expect(org.groupLabel.length).toBe(200)
    expect(org.groupLabel.startsWith('Acme xxx')).toBe(true)
    const session = entries.find((e) => e.kind === 'mentoring')!
    expect(session).toMatchObject({ title: 'Mentoring session', groupLabel: 'Mentoring pair', durationMinutes: 60 })
    expect(entries.every((e) => ReminderEntry.safeParse(e).success)).toBe(true)
  })

  it('never lists more than 2 000 meetings', () => {
    // 170 teams of 12 meetings each in these 14 days, and the retro & demo: 2 041
    const teams = Array.from({ length: 170 }, (_, i) => ({ id: `t${i}`, name: `Team ${i}` }))
    const memberships = teams.map((t) => ({ teamId: t.id, spaceId: `space${t.id}`, role: 'team-member' as const }))
    const { entries, problems } = upcoming({ sprint: [berlinOrg({ teams, memberships })] })
    expect(entries).toHaveLength(2000)
    expect(problems).toEqual([expect.stringMatching(/^\d+ meetings after the first 2000 are left out$/)])
  })
})
