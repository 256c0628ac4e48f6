import { underWhite } from '@shared/identity/identity.ts'
import { useBoardCursors } from '../store/presence.ts'
import type { BoardSession } from '../store/board.ts'

/** Others' pointers over the board, with their name and colour (decorative: avatars say who is here). */
export function Cursors({ session }: { session: BoardSession }) {
  const peers = useBoardCursors(session)
  return (
    <div className="rt-cursors" aria-hidden="true">
      {peers.map((p) => (
        <div key={p.clientId} className="rt-cursor" data-name={p.name} style={{ left: `${p.cursor!.x * 100}%`, top: p.cursor!.y, ['--c' as string]: p.color }}>
          <svg width="16" height="20" viewBox="0 0 16 20">
            <path d="M1 1 L1 16 L5 12 L8 19 L11 18 L8 11 L14 11 Z" fill={p.color} stroke="white" strokeWidth="1.2" strokeLinejoin="round" />
          </svg>
          <span className="rt-cursor-name" style={{ background: underWhite(p.color) }}>
            {p.name}
          </span>
        </div>
      ))}
    </div>
  )
}
