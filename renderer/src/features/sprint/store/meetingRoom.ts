import { useEffect, useMemo, useState } from 'react'
import { presenceName } from '@shared/members/presenceName.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { useVerifiedNames } from '@core/spaces/hooks.ts'
import { useRelayHere } from '@core/sync/relayLink.ts'

/**
 * Who is at a meeting: whoever has its page open. The page announces itself in the meeting
 * document's awareness (field `meeting`: the document's key) while it is shown and takes it back
 * when it goes, so a device that only keeps the document open (a service, the short linger after
 * leaving) does not count. Never stored.
 */
export interface Attendee {
  id: string
  name: string
  color: string
}

const FIELD = 'meeting'
const NO_ONE: Attendee[] = []

/** The people whose awareness says they have `key` open, each once, by name. */
export function attendeesOf(states: Iterable<[number, unknown]>, key: string): Attendee[] {
  const byId = new Map<string, Attendee>()
  for (const [, state] of states) {
    const s = state as { user?: { id?: unknown; name?: unknown; color?: unknown }; meeting?: unknown } | null
    const u = s?.user
    if (s?.meeting !== key || !u || typeof u.id !== 'string' || typeof u.name !== 'string' || typeof u.color !== 'string') continue
    if (!byId.has(u.id)) byId.set(u.id, { id: u.id, name: u.name.slice(0, 60), color: u.color })
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** At most this many faces in "Here now"; a bigger room (the org's sprint demo) says how many more. */
export const FACES_SHOWN = 24

/**
 * Who "Here now" shows: me first when the room has not told of me (offline, or before it
 * answered), at most FACES_SHOWN faces, and the total — the relay's count when it knows more.
 */
export function hereNow<P extends { id: string }>(present: readonly P[], me: P, roomCount: number): { faces: P[]; total: number } {
  const everyone = present.some((p) => p.id === me.id) ? [...present] : [me, ...present]
  return { faces: everyone.slice(0, FACES_SHOWN), total: Math.max(everyone.length, roomCount) }
}

/**
 * How many are in this meeting's relay room (issue 13 #4): in a big room (the org's sprint demo)
 * the relay passes on only some presences each round, and counts everyone; 0 without a relay.
 */
export function useRoomCount(link: DocLink | null): number {
  return useRelayHere((s) => (link ? (s[link.docId] ?? 0) : 0))
}

/** Announces that this page is open and returns who else (and I) have it open now (`spaceId`: whose members they are). */
export function useAttendees(link: DocLink | null, spaceId: string): Attendee[] {
  const verified = useVerifiedNames(spaceId)
  const [people, setPeople] = useState<Attendee[]>(NO_ONE)
  useEffect(() => {
    if (!link) return
    const key = link.docId
    const awareness = link.awareness
    let last = ''
    const read = () => {
      const list = attendeesOf(awareness.getStates().entries(), key)
      const next = JSON.stringify(list)
      if (next === last) return
      last = next
      setPeople(list)
    }
    link.setLocalField(FIELD, key)
    // connecting (going online again) replaces the local state: put ours back
    const keep = setInterval(() => {
      const state = awareness.getLocalState() as { meeting?: unknown } | null
      if (state && state.meeting !== key) link.setLocalField(FIELD, key)
    }, 2_000)
    read()
    awareness.on('change', read)
    return () => {
      clearInterval(keep)
      awareness.off('change', read)
      link.setLocalField(FIELD, null)
    }
  }, [link])
  // a look-alike of a verified member says "(not verified)" (shared/members/presenceName.ts); named
  // here, not in the listener: the members often load after the first presences
  const named = useMemo(() => (verified.size === 0 ? people : people.map((p) => ({ ...p, name: presenceName(p, verified) }))), [people, verified])
  return link ? named : NO_ONE
}
