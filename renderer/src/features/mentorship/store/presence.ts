import { useEffect, useMemo, useState } from 'react'
import { presenceName } from '@shared/members/presenceName.ts'
import { useClockOffsets } from '@core/sync/clock.ts'
import { useVerifiedNames } from '@core/spaces/hooks.ts'
import { journalLink, type Journal } from './docs.ts'

/**
 * Live presence in a pair's journal, over the journal's awareness (never stored): who has which
 * session open, and the clock beacons that let both people see one step timer.
 */

export interface SessionVisitor {
  clientId: number
  id: string
  name: string
  color: string
}

/**
 * Who else has this session open right now: each editor says which session it shows in the
 * journal's presence (awareness field `session`), and reads the others'.
 */
export function useSessionPresence(journal: Journal, sessionId: string): SessionVisitor[] {
  const link = journalLink(journal)
  const [visitors, setVisitors] = useState<SessionVisitor[]>([])
  useEffect(() => {
    const awareness = link.awareness
    link.setLocalField('session', sessionId)
    let last = ''
    const read = () => {
      // a reconnect starts presence afresh: say again which session is open here
      const own = awareness.getLocalState() as { session?: unknown } | null
      if (own && own.session !== sessionId) link.setLocalField('session', sessionId)
      const found: SessionVisitor[] = []
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return
        const s = state as { session?: unknown; user?: { id?: unknown; name?: unknown; color?: unknown } }
        const u = s.user
        if (s.session !== sessionId || typeof u?.id !== 'string' || typeof u.name !== 'string' || typeof u.color !== 'string') return
        found.push({ clientId, id: u.id, name: u.name.slice(0, 60), color: u.color })
      })
      const key = JSON.stringify(found)
      if (key !== last) {
        last = key
        setVisitors(found)
      }
    }
    read()
    awareness.on('change', read)
    return () => {
      awareness.off('change', read)
      link.setLocalField('session', null)
    }
  }, [link, sessionId])
  // a look-alike of a verified member says "(not verified)" (shared/members/presenceName.ts)
  const verified = useVerifiedNames(journal.spaceId)
  return useMemo(() => (verified.size === 0 ? visitors : visitors.map((v) => ({ ...v, name: presenceName(v, verified) }))), [visitors, verified])
}

/**
 * The step timer's clock: while shown, this device's clock goes out in the journal's presence, and
 * each peer's offset is kept (member id → ms; 0 for ourselves and peers not heard from).
 */
export function usePairClock(journal: Journal): (memberId: string) => number {
  return useClockOffsets(journalLink(journal))
}
