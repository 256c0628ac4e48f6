import { judgeProbe, type CandidateType, type ProbeVerdict, type ServerProbe, type TurnServer } from '@shared/sync/ice.ts'

/** How long one server may take to give its candidates. */
export const PROBE_SECONDS = 8

const TYPES: readonly string[] = ['host', 'srflx', 'prflx', 'relay']

/**
 * Gathers ICE candidates against one server (or none: this device's own addresses) with a throwaway
 * RTCPeerConnection that never connects to anyone, until gathering completes or `seconds` pass.
 */
async function gather(server: RTCIceServer | null, seconds: number): Promise<Omit<ServerProbe, 'url' | 'kind'>> {
  const types = new Set<CandidateType>()
  const errors: ServerProbe['errors'] = []
  let pc: RTCPeerConnection
  try {
    pc = new RTCPeerConnection({ iceServers: server ? [server] : [], iceTransportPolicy: 'all' })
  } catch (err) {
    return { types: [], errors: [{ code: 0, text: err instanceof Error ? err.message : String(err) }], timedOut: false }
  }
  try {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = await new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), seconds * 1000)
      pc.addEventListener('icecandidate', (e) => {
        if (!e.candidate) return resolve(false)
        const type = e.candidate.type ?? /\btyp (\w+)/.exec(e.candidate.candidate)?.[1]
        if (type && TYPES.includes(type)) types.add(type as CandidateType)
      })
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') resolve(false)
      })
      pc.addEventListener('icecandidateerror', (e) => {
        const ev = e as RTCPeerConnectionIceErrorEvent
        if (errors.length < 8) errors.push({ code: ev.errorCode, text: (ev.errorText || '').slice(0, 200) })
      })
      pc.createDataChannel('probe')
      pc.createOffer()
        .then((offer) => pc.setLocalDescription(offer))
        .catch((err: unknown) => {
          errors.push({ code: 0, text: err instanceof Error ? err.message : String(err) })
          resolve(false)
        })
    })
    clearTimeout(timer)
    return { types: [...types], errors, timedOut }
  } finally {
    pc.close()
  }
}

/**
 * "Test connectivity": each STUN and TURN server on its own (so that each one's failure is named),
 * all at once, each bounded by PROBE_SECONDS; then what it means (shared/sync/ice.ts).
 */
export async function probeIceServers(stunUrls: readonly string[], turnServers: readonly TurnServer[]): Promise<ProbeVerdict> {
  const host = gather(null, PROBE_SECONDS)
  const probes = [
    ...stunUrls.map(async (url): Promise<ServerProbe> => ({ url, kind: 'stun', ...(await gather({ urls: url }, PROBE_SECONDS)) })),
    ...turnServers.map(
      async (t): Promise<ServerProbe> => ({ url: t.url, kind: 'turn', ...(await gather({ urls: t.url, username: t.username, credential: t.credential }, PROBE_SECONDS)) })
    )
  ]
  const [own, ...results] = await Promise.all([host, ...probes])
  return judgeProbe(results as ServerProbe[], (own as { types: CandidateType[] }).types, PROBE_SECONDS)
}
