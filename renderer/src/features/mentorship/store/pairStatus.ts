import { nextSession } from '@shared/mentorship/pairCadence.ts'
import { browserZone, todayIn } from '@shared/time/dates.ts'
import { collection } from '@core/collections/index.ts'
import { forEachProgram, journalDoc, type JournalRef } from './docs.ts'
import { SESSIONS } from './lists.ts'
import { readPairInfo } from './pair.ts'
import { reportPoolPairStatus, type PairStatusReport } from './pool.ts'
import { FEEDBACK, publishSharedFeedback } from './feedback.ts'

/**
 * What a pair tells its org (issue 15 #1, #7): that it exists, its status and its dates — the last
 * session held, the next one planned, when it ended — and nothing of its journal. Computed on the
 * pair's own devices and written into the org's record of the pair on every org here.
 */
export function pairStatusOf(journal: JournalRef, today: string): PairStatusReport {
  const doc = journalDoc(journal)
  const info = readPairInfo(doc)
  const dates = collection(doc, SESSIONS)
    .list()
    .map((s) => s.date)
  const held = dates.filter((d): d is string => d !== null && d <= today).sort()
  const next = nextSession({ sessionDates: held, cadence: info.cadence, override: info.nextSession }).date
  return { lastSessionOn: held[held.length - 1] ?? null, nextSessionOn: next, endedAt: info.endedAt }
}

export async function publishPairStatus(journal: JournalRef, spaceId: string): Promise<void> {
  const report = pairStatusOf(journal, todayIn(browserZone(), Date.now()))
  await forEachProgram((program) => reportPoolPairStatus(program, spaceId, report))
}

/** Publishes the pair's status whenever its journal changes, at most once a second; returns the stop. */
export function followPairStatus(journal: JournalRef, spaceId: string): () => void {
  const doc = journalDoc(journal)
  let timer: ReturnType<typeof setTimeout> | null = null
  let last = ''
  const publish = () => {
    timer = null
    const report = pairStatusOf(doc, todayIn(browserZone(), Date.now()))
    // the answers each person shares with the program go with it (feedback.ts)
    const key = JSON.stringify([report, collection(doc, FEEDBACK).list()])
    if (key === last) return
    last = key
    void forEachProgram((program) => {
      reportPoolPairStatus(program, spaceId, report)
      publishSharedFeedback(doc, spaceId, program)
    }).catch(() => {
      last = ''
    })
  }
  const changed = () => {
    timer ??= setTimeout(publish, 1000)
  }
  doc.on('update', changed)
  changed()
  return () => {
    doc.off('update', changed)
    if (timer) clearTimeout(timer)
  }
}
