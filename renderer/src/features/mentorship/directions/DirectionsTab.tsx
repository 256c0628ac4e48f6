import { addTrack, useTracks } from '../store/tracks.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { PairPage, type Pair } from '../pair/PairPage.tsx'
import { DirectionCard } from './DirectionCard.tsx'

/** One direction per way the pair mentors: who mentors whom on what, and the lesson plan. */
export function DirectionsTab(props: TabProps) {
  return <PairPage tab={props}>{(pair) => <Directions pair={pair} />}</PairPage>
}

function Directions({ pair }: { pair: Pair }) {
  const tracks = useTracks(pair.journal)
  const [a, b] = pair.names
  const known = a !== '' && b !== ''
  const missing = known ? ([[a, b], [b, a]] as const).filter(([mentor]) => !tracks.some((t) => t.mentorName === mentor)) : []
  return (
    <>
      <header className="section-head">
        <div>
          <h2 className="view-title">Directions</h2>
          <p className="muted">Each of you mentors the other: one direction each way, with its lesson plan as first steps.</p>
        </div>
        {!pair.readOnly && known && (
          <div className="row">
            {missing.map(([mentor, mentee]) => (
              <button key={mentor} type="button" className="button" onClick={() => addTrack(pair.journal, { mentorName: mentor, menteeName: mentee, topic: '', discussedIn: null })}>
                Add {mentor} as a mentor
              </button>
            ))}
            {missing.length === 0 && (
              <button type="button" className="button ghost" onClick={() => addTrack(pair.journal, { mentorName: a, menteeName: b, topic: '', discussedIn: null })}>
                Add another direction
              </button>
            )}
          </div>
        )}
      </header>
      {!known && <p className="empty">Say who is in the pair on the Pair tab first.</p>}
      {tracks.map((t) => (
        <DirectionCard key={t.id} pair={pair} track={t} />
      ))}
    </>
  )
}
