import { useToday } from '@ui/today.ts'
import { usePairFlow } from '../store/pair.ts'
import { useSessions } from '../store/sessions.ts'
import { useTracks } from '../store/tracks.ts'
import { usePairClock } from '../store/presence.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { describeNextSession, PairDetails } from './PairDetails.tsx'
import { EndPairing } from './EndPairing.tsx'
import { FeedbackForm } from './FeedbackForm.tsx'
import { FlowSteps } from './FlowSteps.tsx'
import { JournalTransfer } from './JournalTransfer.tsx'
import { NextSessionPlan } from './NextSessionPlan.tsx'
import { PairPage, type Pair } from './PairPage.tsx'
import { PairSetup } from './PairSetup.tsx'

/** The pair's home: who, when, the program's steps with the shared timer, the journal file. */
export function PairTab(props: TabProps) {
  return <PairPage tab={props}>{(pair) => <PairHome pair={pair} />}</PairPage>
}

function PairHome({ pair }: { pair: Pair }) {
  const flow = usePairFlow(pair.journal)
  const sessions = useSessions(pair.journal)
  const tracks = useTracks(pair.journal)
  const offsetOf = usePairClock(pair.journal)
  const today = useToday()
  const dates = sessions.map((s) => s.date)
  const known = pair.names[0] !== '' && pair.names[1] !== ''
  return (
    <>
      {pair.info.endedAt !== null && <FeedbackForm pair={pair} canWrite={!pair.spaceReadOnly} />}
      {known ? <PairDetails pair={pair} sessionDates={dates} /> : <PairSetup pair={pair} />}
      {known && (
        <section className="panel" aria-labelledby="flow-title">
          <h3 id="flow-title">The program</h3>
          <FlowSteps pair={pair} flow={flow} tracks={tracks} offsetOf={offsetOf} nextSessionText={describeNextSession(pair, dates, today)} />
        </section>
      )}
      {known && <NextSessionPlan pair={pair} sessions={sessions} />}
      <JournalTransfer pair={pair} />
      <EndPairing pair={pair} />
    </>
  )
}
