import { useSyncExternalStore } from 'react'
import { RELAY_URLS_MAX } from '@shared/relay/urls.ts'
import { relayUrlsOf, useRelayStates } from './relayLink.ts'
import { syncManager } from './syncManager.ts'

/** A space's relay URLs as its root document says them, live; null while it is not loaded here. */
export function useSpaceRelays(spaceId: string): string[] | null {
  const subscribe = (tell: () => void) => {
    let doc = syncManager.rootDoc(spaceId)
    const meta = () => doc?.getMap('meta')
    const onMeta = () => tell()
    meta()?.observe(onMeta)
    const stop = syncManager.onSpacesChanged(() => {
      const now = syncManager.rootDoc(spaceId)
      if (now === doc) return
      meta()?.unobserve(onMeta)
      doc = now
      meta()?.observe(onMeta)
      tell()
    })
    return () => {
      meta()?.unobserve(onMeta)
      stop()
    }
  }
  const snapshot = () => {
    const doc = syncManager.rootDoc(spaceId)
    return doc ? relayUrlsOf(doc).join('\n') : null
  }
  const joined = useSyncExternalStore(subscribe, snapshot)
  return joined === null ? null : joined === '' ? [] : joined.split('\n')
}

/** The relay connection of a space's root document. */
export function useSpaceRelayState(spaceId: string) {
  return useRelayStates((s) => s[spaceId])
}

/** Names the space's relays for every member (written into its root document). */
export function setSpaceRelays(spaceId: string, urls: string[]): void {
  const doc = syncManager.rootDoc(spaceId)
  if (!doc) throw new Error('This space is not open on this device.')
  doc.getMap('meta').set('relays', urls.slice(0, RELAY_URLS_MAX))
}
