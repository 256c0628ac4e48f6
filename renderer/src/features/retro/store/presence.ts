import { useCallback, useEffect, useRef, useState } from 'react'
import { type BoardPeer, type TypingField, boardPeers } from '@shared/retro/presence.ts'
import { presenceName } from '@shared/members/presenceName.ts'
import { useClockOffsets } from '@core/sync/clock.ts'
import { useVerifiedNames } from '@core/spaces/hooks.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { type BoardSession, linkOf } from './board.ts'

/**
 * Live presence on a board, over the board document's awareness (never stored): who has it open,
 * who types on which card, where pointers are (shared/retro/presence.ts has the fields).
 */
const linkOrNull = (session: BoardSession | null): DocLink | null => (session ? linkOf(session) : null)

function usePeers(session: BoardSession | null, withCursors: boolean): BoardPeer[] {
  const link = linkOrNull(session)
  const boardId = session?.boardId ?? ''
  // a look-alike of a verified member says "(not verified)" (shared/members/presenceName.ts)
  const verified = useVerifiedNames(session?.teamSpaceId)
  const [peers, setPeers] = useState<BoardPeer[]>([])
  useEffect(() => {
    if (!link) return
    const awareness = link.awareness
    let last = ''
    const read = () => {
      const list = boardPeers(awareness.getStates().entries(), boardId, awareness.clientID).map((p) => ({ ...p, name: presenceName(p, verified) }))
      const shown = withCursors ? list : list.map((p) => ({ ...p, cursor: undefined }))
      const key = JSON.stringify(shown)
      if (key === last) return
      last = key
      setPeers(shown)
    }
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [link, boardId, withCursors, verified])
  return link ? peers : NO_PEERS
}
const NO_PEERS: BoardPeer[] = []

export interface BoardPresence {
  /** the others on the board (cursors left out: see useBoardCursors) */
  peers: BoardPeer[]
  /** tells the others what I am typing on; null when I stop */
  setTyping(typing: TypingField | null): void
}

/** Announces that I have this board open while the component is shown. */
export function useBoardPresence(session: BoardSession | null): BoardPresence {
  const link = linkOrNull(session)
  const boardId = session?.boardId ?? ''
  const typingRef = useRef<TypingField | null>(null)
  useEffect(() => {
    if (!link) return
    const field = () => (typingRef.current ? { board: boardId, typing: typingRef.current } : { board: boardId })
    link.setLocalField('retro', field())
    // connecting (going online again) replaces the local presence state: put ours back
    const keep = setInterval(() => {
      const state = link.awareness.getLocalState() as { retro?: { board?: unknown } } | null
      if (state?.retro?.board !== boardId) link.setLocalField('retro', field())
    }, 2_000)
    return () => {
      clearInterval(keep)
      link.setLocalField('retro', null)
      link.setLocalField('cursor', null)
    }
  }, [link, boardId])
  const peers = usePeers(session, false)
  const setTyping = useCallback(
    (typing: TypingField | null) => {
      if (!link || JSON.stringify(typing) === JSON.stringify(typingRef.current)) return
      typingRef.current = typing
      link.setLocalField('retro', typing ? { board: boardId, typing } : { board: boardId })
    },
    [link, boardId]
  )
  return { peers, setTyping }
}

/** The others' pointers over the board (re-renders on every move: keep it in a small component). */
export function useBoardCursors(session: BoardSession): BoardPeer[] {
  return usePeers(session, true).filter((p) => p.cursor)
}

const CURSOR_EVERY_MS = 50

/** Sends my pointer (x as a share of the board's width, y in px from its top), at most every 50 ms. */
export function useCursorSender(session: BoardSession): (pos: { x: number; y: number } | null) => void {
  const link = linkOf(session)
  const boardId = session.boardId
  const pending = useRef<{ x: number; y: number } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    []
  )
  return useCallback(
    (pos) => {
      if (pos === null) {
        if (timer.current) clearTimeout(timer.current)
        timer.current = null
        link.setLocalField('cursor', null)
        return
      }
      pending.current = pos
      if (timer.current) return
      timer.current = setTimeout(() => {
        timer.current = null
        const p = pending.current
        if (p) link.setLocalField('cursor', { board: boardId, x: Math.min(1, Math.max(0, p.x)), y: Math.max(0, Math.round(p.y)) })
      }, CURSOR_EVERY_MS)
    },
    [link, boardId]
  )
}

/**
 * Clock offsets to the others on the board (sync/clock.ts), so a phase timer started in the
 * facilitator's clock shows the same time left everywhere: member id → offset in ms.
 */
export function useBoardClock(session: BoardSession): (memberId: string) => number {
  return useClockOffsets(linkOf(session))
}
