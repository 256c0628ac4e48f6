import { useState } from 'react'
import { type DeckSetting, canAccept, cardLabel, cardName, deckCards, deckOfRound, expectedVoters, scaleValues } from '@shared/less/poker.ts'
import type { TeamPerson } from '@shared/sprint/people.ts'
import { toast } from '@ui/toasts.ts'
import type { Estimate, ScrumCommands, TicketPoker } from '../store/scrum.ts'

/** "Ana", "Ana and Bo", "Ana, Bo and Cleo" */
function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`
}

/**
 * Planning poker over one ticket: hidden cards while the round is open (everyone sees who has
 * voted, nobody what), the spread once revealed, then a new round or the accepted estimate.
 */
export function PokerPanel(props: {
  ticketId: string
  name: string
  poker: TicketPoker
  estimate: Estimate | null
  people: readonly TeamPerson[]
  presentIds: readonly string[]
  meId: string
  commands: ScrumCommands | null
}) {
  const { poker, commands, name, ticketId } = props
  const round = poker.round
  const me = props.people.find((p) => p.id === props.meId)
  const canVote = !!me && !me.observer
  const nameOf = (id: string) => props.people.find((p) => p.id === id)?.name ?? 'Someone'
  const [accepting, setAccepting] = useState<string | null>(null)

  if (!round) {
    return (
      <div className="less-poker">
        {commands ? (
          <button type="button" className="button primary" onClick={() => commands.startRound(ticketId)}>
            Start voting on {name}
          </button>
        ) : (
          <p className="muted small">No vote yet.</p>
        )}
      </div>
    )
  }

  const deck: DeckSetting = deckOfRound(round)
  const progress = poker.progress!
  const summary = poker.summary
  const seats = [...new Set([...expectedVoters(props.people, props.presentIds), ...progress.voted])].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
  const lowIds = summary?.tally.find((t) => t.value === summary.low)?.memberIds ?? []
  const highIds = summary?.tally.find((t) => t.value === summary.high)?.memberIds ?? []
  const counted = new Set(summary?.tally.flatMap((t) => t.memberIds) ?? [])
  const coming = round.revealed ? progress.voted.filter((id) => !counted.has(id)) : []
  const choice = accepting ?? summary?.suggestion ?? scaleValues(deck)[0] ?? ''
  const vote = (value: string) => {
    if (!commands) return
    commands.vote(ticketId, round.round, value).catch((err: unknown) => {
      console.error('scrum: could not keep the vote', err)
      toast('Your vote could not be kept on this device.', 'error')
    })
  }

  return (
    <div className="less-poker" aria-label={`Poker on ${name}`} role="group">
      <p className="small">
        <strong>Round {round.round}</strong> · {round.revealed ? 'cards revealed' : `${progress.voted.length} of ${seats.length} voted`}
        {!round.revealed && progress.waiting.length > 0 && <span className="muted"> · waiting for {progress.waiting.map(nameOf).join(', ')}</span>}
      </p>
      <ul className="less-votes" aria-label={`Votes on ${name}`}>
        {seats.map((id) => {
          const voted = progress.voted.includes(id)
          const shown = round.revealed ? summary?.tally.find((t) => t.memberIds.includes(id))?.value : undefined
          const label = round.revealed ? (shown !== undefined ? cardName(shown) : voted ? 'vote not here yet' : 'no vote') : voted ? 'voted' : 'not voted yet'
          return (
            <li key={id} className="less-vote" aria-label={`${nameOf(id)}: ${label}`}>
              <span className={`less-vote-card ${round.revealed ? '' : voted ? 'hidden' : 'waiting'}`} aria-hidden="true">
                {round.revealed ? (shown !== undefined ? cardLabel(shown) : '–') : voted ? '' : '…'}
              </span>
              <span>{nameOf(id)}</span>
            </li>
          )
        })}
      </ul>

      {!round.revealed && canVote && commands && (
        <div>
          <p className="muted small">Your card stays on this device until the cards are revealed.{poker.myVote ? ` You played ${cardName(poker.myVote)}.` : ''}</p>
          <div className="less-cards" role="group" aria-label={`Your card for ${name}`}>
            {deckCards(deck).map((value) => (
              <button key={value} type="button" className="less-card" aria-pressed={poker.myVote === value} aria-label={cardName(value)} onClick={() => vote(value)}>
                {cardLabel(value)}
              </button>
            ))}
          </div>
        </div>
      )}
      {!round.revealed && !canVote && <p className="muted small">You are observing: your card would not count.</p>}
      {!round.revealed && commands && (
        <div className="row">
          <button type="button" className="button" disabled={progress.voted.length === 0} onClick={() => commands.reveal(ticketId, round.round)}>
            Reveal cards
          </button>
          <span className="muted small">The cards turn by themselves once everyone here has voted.</span>
        </div>
      )}

      {round.revealed && summary && (
        <div className="less-spread" role="status" aria-label={`Spread on ${name}`}>
          <p>
            {coming.length > 0
              ? `Turning the cards: waiting for the card${coming.length === 1 ? '' : 's'} of ${names(coming.map(nameOf).sort())} to arrive.`
              : summary.estimates === 0
              ? 'No estimate among the cards.'
              : summary.consensus
                ? `Everyone who estimated says ${summary.low}.`
                : `From ${summary.low} to ${summary.high}: ${summary.spread} card${summary.spread === 1 ? '' : 's'} apart. ${names(lowIds.map(nameOf).sort())} (lowest), ${names(highIds.map(nameOf).sort())} (highest) explain first.`}
            {coming.length === 0 && summary.average !== null && summary.estimates > 1 ? ` Average ${Math.round(summary.average * 10) / 10}.` : ''}
            {coming.length === 0 && summary.unsure ? ` ${summary.unsure} not sure.` : ''}
            {coming.length === 0 && summary.passes ? ` ${summary.passes} passed.` : ''}
          </p>
          <ul className="less-tally" aria-label={`Cards played on ${name}`}>
            {summary.tally.map((t) => (
              <li key={t.value}>
                {cardLabel(t.value)} × {t.count}
                <span className="less-bar" style={{ width: `${t.count * 14}px` }} aria-hidden="true" />
              </li>
            ))}
          </ul>
          {commands && (
            <div className="row less-accept">
              <label>
                <span className="sp-sr-only">Estimate to accept for {name}</span>
                <select aria-label={`Estimate to accept for ${name}`} value={choice} onChange={(e) => setAccepting(e.target.value)}>
                  {scaleValues(deck).map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button primary"
                disabled={!canAccept(round, choice)}
                onClick={() => {
                  commands.accept(ticketId, choice, round)
                  setAccepting(null)
                }}
              >
                Accept {choice}
              </button>
              <button type="button" className="button" onClick={() => commands.startRound(ticketId)}>
                Vote again
              </button>
            </div>
          )}
        </div>
      )}
      {poker.history.length > 0 && (
        <details>
          <summary className="small">Earlier rounds ({poker.history.length})</summary>
          <ul className="small">
            {poker.history.map((h) => (
              <li key={h.round}>
                Round {h.round}: {h.summary.tally.map((t) => `${cardLabel(t.value)} × ${t.count}`).join(', ') || 'no cards'}
              </li>
            ))}
          </ul>
        </details>
      )}
      {props.estimate && commands && (
        <p className="small">
          Accepted {props.estimate.value} by {props.estimate.acceptedByName || 'someone'}.{' '}
          <button type="button" className="link-button" onClick={() => commands.clearEstimate(ticketId)}>
            Take the estimate back
          </button>
        </p>
      )}
    </div>
  )
}
