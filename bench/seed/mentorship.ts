import type { Profile } from '@shared/mentorship/profile.ts'
import { pairSpaceName } from '@shared/mentorship/pairRecords.ts'
import { cleanSpaceName } from '@shared/spaces/space.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { PAIR_DOC_KEY, type JournalRef } from '@features/mentorship/store/docs.ts'
import { markdownToNotes } from '@features/mentorship/store/notesMarkdown.ts'
import { patchPairFlow, patchPairInfo } from '@features/mentorship/store/pair.ts'
import { recordPoolPair, saveProfile, setOrgTrackerBaseUrl } from '@features/mentorship/store/pool.ts'
import { addActionItem, addProject, addProjectNote } from '@features/mentorship/store/projects.ts'
import { addSession, readSessions, sessionNotes } from '@features/mentorship/store/sessions.ts'
import { addFirstStep, addThought, addTrack, addTrackTicket, patchFirstStep, readTracks } from '@features/mentorship/store/tracks.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { withRootDoc, withSharedDoc, type Log } from './docs.ts'
import { addDays, DEPTS, hobbies, int, personName, pick, resources, sample, sessionMarkdown, SKILLS, ZONES, type Rng } from './rand.ts'

/**
 * The mentoring program's part of the dataset, written through the mentorship store
 * (renderer/src/features/mentorship/store): the org's pool of profiles, pairs started from it (a pair space
 * each, recorded in the org's pool), and per pair its journal: header and program flow, two
 * directions with first steps, thoughts and tickets, a joint project with notes and action
 * items, and its sessions with rich-text notes (Markdown through the store's markdownToNotes).
 */
export interface MentorshipPlan {
  profiles: number
  pairs: number
  sessionsPerPair: number
  /** the first pair's first session (ISO date); sessions follow every two weeks */
  start: string
}

export interface MentorshipResult {
  pairs: { spaceId: string; name: string }[]
  counts: { profiles: number; pairs: number; sessions: number; tracks: number; projects: number }
}

const TRACKER = 'https://tracker.example.com/browse/'

function profile(r: Rng, i: number): Profile {
  const be = sample(r, SKILLS, int(r, 3, 4))
  const seek = sample(
    r,
    SKILLS.filter((s) => !be.includes(s)),
    int(r, 3, 4)
  )
  return {
    name: personName(i),
    dept: pick(r, DEPTS),
    timezone: pick(r, ZONES),
    hobbies: hobbies(r),
    favoriteResources: resources(r),
    beAMentor: be,
    seekAMentor: seek
  }
}

export async function seedMentorship(input: { me: IdentityRow; orgSpaceId: string; r: Rng; plan: MentorshipPlan; log: Log }): Promise<MentorshipResult> {
  const { me, orgSpaceId, r, plan, log } = input
  const result: MentorshipResult = { pairs: [], counts: { profiles: 0, pairs: 0, sessions: 0, tracks: 0, projects: 0 } }
  await withRootDoc(orgSpaceId, async (orgDoc) => {
    setOrgTrackerBaseUrl(orgDoc, TRACKER)
    const people = Array.from({ length: plan.profiles }, (_, i) => ({ profile: profile(r, i), id: '' }))
    for (const p of people) p.id = saveProfile(orgDoc, null, p.profile)
    result.counts.profiles = people.length
    log(`pool: ${people.length} profiles`)

    // the first 2 × pairs people are paired, two by two; the rest stay in the pool (suggestions)
    for (let k = 0; k < plan.pairs && 2 * k + 1 < people.length; k++) {
      const a = people[2 * k]!
      const b = people[2 * k + 1]!
      const clean = cleanSpaceName(pairSpaceName(a.profile.name, b.profile.name))
      const name = clean.ok ? clean.name : `Pair ${k + 1}`
      const spaceId = await createSpace(name, 'pair', me)
      // pairs start over the first weeks of the program; sessions every two weeks from then on
      const first = addDays(plan.start, 7 * (k % 6))
      // the journal document as withJournal (the store's own helper) loads it, without its 20 s linger
      const counts = await withSharedDoc(spaceId, PAIR_DOC_KEY, ({ doc }) => {
        writeJournal(doc)
        return { sessions: readSessions(doc).length, tracks: readTracks(doc).length }
      })
      function writeJournal(doc: JournalRef): void {
        const participant = (p: typeof a) => ({ name: p.profile.name, profileId: p.id, beAMentor: p.profile.beAMentor, seekAMentor: p.profile.seekAMentor })
        patchPairInfo(doc, {
          title: name,
          firstDiscussed: first,
          participants: [participant(a), participant(b)],
          cadence: 'biweekly',
          nextSession: null,
          trackerBaseUrl: TRACKER
        })
        patchPairFlow(doc, { introDone: true, fitDone: true, planDone: true, cadenceDone: true, introHeldOn: first })
        for (const [mentor, mentee] of [
          [a, b],
          [b, a]
        ] as const) {
          const trackId = addTrack(doc, { mentorName: mentor.profile.name, menteeName: mentee.profile.name, topic: mentor.profile.beAMentor[0] ?? 'Growth', discussedIn: null })
          for (let s = 0; s < 3; s++) {
            const step = addFirstStep(doc, trackId, `${pick(r, ['Read', 'Try', 'Write up', 'Shadow'])} ${pick(r, SKILLS).toLowerCase()}`)
            if (s < 2) patchFirstStep(doc, step, { done: true })
          }
          addThought(doc, trackId, `${mentee.profile.name.split(' ')[0]} wants to ${pick(r, SKILLS).toLowerCase()}.`)
          addThought(doc, trackId, 'Revisit this after the next quarter planning.')
          addTrackTicket(doc, trackId, `ENG-${int(r, 1000, 9999)}`, null)
        }
        const projectId = addProject(doc, `Joint project: ${pick(r, SKILLS)}`)
        addProjectNote(doc, projectId, 'Scope agreed: one small internal tool, shipped in a month.')
        addProjectNote(doc, projectId, 'Demo it at the engineering all-hands.')
        for (let i = 0; i < 3; i++) addActionItem(doc, projectId, `Action ${i + 1}: ${pick(r, ['draft', 'review', 'ship'])} the ${pick(r, ['design', 'prototype', 'docs'])}`, i % 2 ? a.profile.name : b.profile.name)

        for (let s = 0; s < plan.sessionsPerPair; s++) {
          const id = addSession(doc, { title: s === 0 ? 'The intro' : `Session ${s + 1}`, date: addDays(first, 14 * s), durationMinutes: s === 0 ? 30 : 60 })
          const mentee = s % 2 ? a.profile.name : b.profile.name
          markdownToNotes(sessionNotes(doc, id), sessionMarkdown(r, s + 1, mentee))
        }
      }
      recordPoolPair(orgDoc, { aProfileId: a.id, bProfileId: b.id, aName: a.profile.name, bName: b.profile.name, spaceId, startedAt: Date.parse(`${first}T09:00:00Z`) })
      result.pairs.push({ spaceId, name })
      result.counts.pairs++
      result.counts.sessions += counts.sessions
      result.counts.tracks += counts.tracks
      result.counts.projects++
      if ((k + 1) % 10 === 0) log(`pairs: ${k + 1}/${plan.pairs} (${result.counts.sessions} sessions)`)
    }
  })
  return result
}
