import { uniquePeople } from '@shared/retro/presence.ts'
import { readyMembers } from '@shared/retro/phases.ts'
import { Avatar } from '@ui/ui.tsx'
import type { BoardModel } from './useBoardModel.ts'

export interface OnBoard {
  id: string
  name: string
  color: string
}

/** Me and everyone with this board open right now. */
export function peopleOnBoard(model: BoardModel): OnBoard[] {
  const meColour = model.people.find((p) => p.id === model.meId)?.color ?? '#2f5d50'
  const others = uniquePeople(model.presence.peers).filter((p) => p.id !== model.meId)
  return [{ id: model.meId, name: model.meName, color: meColour }, ...others.map((p) => ({ id: p.id, name: p.name, color: p.color }))]
}

/** Presence avatars: who is on the board, who facilitates, who is ready for the next phase. */
export function PresenceBar({ model }: { model: BoardModel }) {
  const here = peopleOnBoard(model)
  const ready = new Set(readyMembers(model.flow, model.ready, here.map((p) => p.id)))
  return (
    <ul className="rt-presence" aria-label="On this board">
      {here.map((p) => {
        const facilitator = p.id === model.flow.facilitatorId
        const notes = [p.id === model.meId ? 'you' : null, facilitator ? 'facilitator' : null, ready.has(p.id) ? 'ready' : null].filter(Boolean)
        return (
          <li key={p.id} className={`rt-person ${ready.has(p.id) ? 'ready' : ''}`} aria-label={`${p.name}${notes.length ? ` (${notes.join(', ')})` : ''}`} title={`${p.name}${notes.length ? ` — ${notes.join(', ')}` : ''}`}>
            <Avatar name={p.name} color={p.color} size={30} />
            {facilitator && (
              <span className="rt-person-badge facilitator" aria-hidden="true">
                ★
              </span>
            )}
            {ready.has(p.id) && (
              <span className="rt-person-badge ready" aria-hidden="true">
                ✓
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
