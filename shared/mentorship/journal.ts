import { z } from 'zod'
import { IsoDate } from '../time/dates.ts'
import { TICKET_KEY_PATTERN } from '../tickets/tickets.ts'

/**
 * A mentoring pair's journal, in the structure of the program's documents (seed 000):
 *
 *   # First SMP Process                          title
 *   First discussed: 4/2/2019                    firstDiscussed
 *   Participants: Daria and Bruce                participants
 *   ## The Intro (35 mins)                       a session: title, duration
 *   Date: 4/19/2019                              … its date
 *   …                                            … its notes (Markdown)
 *   ### Daria as a mentor - React & Redux        a track: mentor → mentee, topic
 *   __Thoughts / Ideas__  * …                    … thoughts
 *   __First Steps__       * …                    … first steps (checklist), tickets
 *   ### Joint project - …                        a joint project: notes, action items
 *
 * Tracks and joint projects belong to the pair, not to a session: a track runs across many
 * sessions. In the seed they are written under the session where they were set up ("First Step to
 * Greatness"), so each records `discussedIn` (that session's id, or null) and the Markdown export
 * puts it back under that session.
 *
 * Everything is plain data with explicit nulls (no undefined), ready for a Yjs map.
 */

const Text = z.string()

export const Session = z.object({
  id: z.string().min(1),
  title: Text,
  date: IsoDate.nullable(),
  durationMinutes: z.number().int().positive().nullable(),
  /** Markdown. */
  notes: Text
})
export type Session = z.infer<typeof Session>

export const Ticket = z.object({
  key: z.string().regex(new RegExp(`^${TICKET_KEY_PATTERN.source}$`), 'a ticket key looks like ENG-8504'),
  url: z.string().nullable()
})
export type Ticket = z.infer<typeof Ticket>

export const FirstStep = z.object({ text: Text, done: z.boolean() })
export type FirstStep = z.infer<typeof FirstStep>

/** One direction of the pair: the mentor helps the mentee with a topic. */
export const Track = z.object({
  id: z.string().min(1),
  mentor: Text,
  mentee: Text,
  topic: Text,
  /** The session the track was set up in, or null. */
  discussedIn: z.string().nullable(),
  /** Tickets the track works on, in order of first mention. */
  tickets: z.array(Ticket),
  /** "Thoughts / Ideas": Markdown, one per item. */
  thoughts: z.array(Text),
  /** "First Steps", the lesson plan's checklist. */
  firstSteps: z.array(FirstStep)
})
export type Track = z.infer<typeof Track>

export const ActionItem = z.object({ text: Text, owner: z.string().nullable(), done: z.boolean() })
export type ActionItem = z.infer<typeof ActionItem>

export const JointProject = z.object({
  id: z.string().min(1),
  title: Text,
  discussedIn: z.string().nullable(),
  notes: z.array(Text),
  actionItems: z.array(ActionItem)
})
export type JointProject = z.infer<typeof JointProject>

export const Journal = z.object({
  title: Text,
  firstDiscussed: IsoDate.nullable(),
  participants: z.tuple([Text, Text]),
  sessions: z.array(Session),
  tracks: z.array(Track),
  jointProjects: z.array(JointProject)
})
export type Journal = z.infer<typeof Journal>

/** The other person of the pair, matched case-insensitively on full or first name; null if `name` is not in the pair. */
export function otherParticipant(participants: readonly [string, string], name: string): string | null {
  const wanted = name.trim().toLowerCase()
  const matches = (p: string) => {
    const full = p.trim().toLowerCase()
    return full !== '' && (full === wanted || full.split(/\s+/)[0] === wanted || wanted.split(/\s+/)[0] === full)
  }
  if (matches(participants[0])) return participants[1]
  if (matches(participants[1])) return participants[0]
  return null
}

/** Tracks and joint projects set up in a session, in journal order. */
export function discussedIn(journal: Journal, sessionId: string): { tracks: Track[]; jointProjects: JointProject[] } {
  return {
    tracks: journal.tracks.filter((t) => t.discussedIn === sessionId),
    jointProjects: journal.jointProjects.filter((p) => p.discussedIn === sessionId)
  }
}
