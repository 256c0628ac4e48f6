import { useEffect, useState } from 'react'
import { clockOffset } from '@shared/sync/clock.ts'
import type { DocLink } from './docLink.ts'

const BEACON_MS = 5_000
const SAMPLES = 7

/**
 * Clock beacons over a document's presence: while a component uses this, our clock goes out
 * every few seconds, and we keep the last few offsets of each peer (theirs − ours at arrival).
 * Returns a lookup: member id → offset in ms (0 for ourselves and for peers not heard from).
 */
export function useClockOffsets(link: DocLink | null): (memberId: string) => number {
  const [offsets, setOffsets] = useState<Map<string, number>>(() => new Map())
  useEffect(() => {
    if (!link) return
    const awareness = link.awareness
    const samples = new Map<string, number[]>()
    const lastSeen = new Map<number, number>()
    const beacon = () => link.setLocalField('clock', Date.now())
    beacon()
    const timer = setInterval(beacon, BEACON_MS)
    const onUpdate = ({ added, updated }: { added: number[]; updated: number[] }) => {
      const now = Date.now()
      let changed = false
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue
        const state = awareness.getStates().get(clientId) as { clock?: unknown; user?: { id?: unknown } } | undefined
        const clock = state?.clock
        const id = state?.user?.id
        // only a fresh beacon says something about now; renewals repeat the old value
        if (typeof clock !== 'number' || typeof id !== 'string' || lastSeen.get(clientId) === clock) continue
        lastSeen.set(clientId, clock)
        const list = samples.get(id) ?? []
        list.push(clock - now)
        samples.set(id, list.slice(-SAMPLES))
        changed = true
      }
      if (changed) setOffsets(new Map([...samples].map(([id, list]) => [id, clockOffset(list)])))
    }
    awareness.on('update', onUpdate)
    return () => {
      clearInterval(timer)
      awareness.off('update', onUpdate)
    }
  }, [link])
  return (memberId) => offsets.get(memberId) ?? 0
}
