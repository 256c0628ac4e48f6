import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'

/**
 * The raw stack reference for `npm run bench`: plain Yjs over y-webrtc with no app around it.
 * One shared value (`meta.description`, as in a space's root document) in a textarea labelled
 * like the app's, so the bench drives and watches it exactly as it does the app's: a writer
 * fills the field and blurs it (the value goes into the document), a receiver's observer writes
 * the value into the field — `value` and the text content, as React does for a controlled
 * textarea — which the bench's MutationObserver sees.
 *
 * y-webrtc is the package the app uses (node_modules, with patches/y-webrtc+10.3.0.patch applied)
 * and with the app's options: a password (AES-GCM on signaling), maxConns 30, filterBcConns, no
 * ICE servers. What the app adds on top — its chunked wire, key checks, presence, storage — is
 * left out: that is what the comparison measures.
 *
 * Query: ?signaling=<ws url>&room=<name>&password=<secret>&name=<who>
 */
interface Conn {
  connected: boolean
}
interface RoomView {
  webrtcConns: Map<string, Conn>
}

const query = new URLSearchParams(location.search)
const signaling = query.get('signaling') ?? 'ws://127.0.0.1:4444'
const room = query.get('room') ?? 'tandem-bench-raw'
const password = query.get('password') ?? 'bench'

const doc = new Y.Doc()
const meta = doc.getMap<string>('meta')
const provider = new WebrtcProvider(room, doc, {
  signaling: [signaling],
  password,
  maxConns: 30,
  filterBcConns: true,
  peerOpts: { config: { iceServers: [] } }
})

// a presence state, as the app sets one before it connects (a never-set state has clock 0, which
// y-protocols' receivers ignore: peers would only hear of each other at the 15 s renewal)
provider.awareness.setLocalStateField('user', { name: query.get('name') ?? 'raw' })

const field = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Space description"]')!
const status = document.getElementById('status')!

field.addEventListener('blur', () => {
  if (field.value !== (meta.get('description') ?? '')) meta.set('description', field.value)
})
meta.observe((event) => {
  if (event.transaction.local || document.activeElement === field) return
  const value = meta.get('description') ?? ''
  field.value = value
  field.textContent = value
})

function conns(): Conn[] {
  const r = (provider as unknown as { room: RoomView | null }).room
  return r ? [...r.webrtcConns.values()] : []
}

provider.on('peers', () => {
  status.textContent = `${conns().filter((c) => c.connected).length} peers`
})

declare global {
  interface Window {
    __raw: { connected(): number; heard(): number }
  }
}
window.__raw = {
  connected: () => conns().filter((c) => c.connected).length,
  // peers whose awareness reached us: a message came through from each (y-webrtc's per-connection
  // `synced` flag is only set for the peers present when the room first synced, so it is not used)
  heard: () => provider.awareness.getStates().size - 1
}
