import { describe, expect, it } from 'vitest'
import { chunkedWire, type PeerConn } from '@core/sync/wire.ts'

function conn(connected: boolean, send: (m: Uint8Array) => void = () => {}) {
  const sent: Uint8Array[] = []
  let destroyed = 0
  const c: PeerConn = {
    remotePeerId: 'peer-1',
    connected,
    closed: false,
    peer: {
      send: (m) => {
        send(m)
        sent.push(m)
      },
      destroy: () => void destroyed++
    }
  }
  return { c, sent, destroyed: () => destroyed }
}

function wire() {
  const errors: string[] = []
  const w = chunkedWire({ onSendError: (peer, e) => errors.push(`${peer}: ${String(e)}`), onRefused: () => {} })
  return { w, errors }
}

const notOpen = () => {
  throw new Error("Failed to execute 'send' on 'RTCDataChannel': RTCDataChannel.readyState is not 'open'")
}

describe('the wire', () => {
  it('lets a message to a connection still being set up go (no error, not dropped): the handshake on connect sends everything', () => {
    const { w, errors } = wire()
    const settingUp = conn(false, notOpen)
    w.send(settingUp.c, new Uint8Array([0, 1, 2]))
    w.send(settingUp.c, new Uint8Array([0, 3]))
    expect(settingUp.sent).toEqual([])
    expect(errors).toEqual([])
    expect(settingUp.destroyed()).toBe(0)
  })

  it("sends on a channel that is open before y-webrtc's connect: it carries our answer to the peer's handshake", () => {
    const { w, errors } = wire()
    const early = conn(false)
    w.send(early.c, new Uint8Array([0, 1, 2]))
    expect(early.sent).toHaveLength(1)
    expect(errors).toEqual([])
  })

  it('sends on an open connection, and drops it (reporting) when a send fails', () => {
    const { w, errors } = wire()
    const open = conn(true)
    w.send(open.c, new Uint8Array([0, 1, 2]))
    expect(open.sent).toHaveLength(1)
    const broken = conn(true, () => {
      throw new Error('channel closed')
    })
    w.send(broken.c, new Uint8Array([0, 1, 2]))
    expect(errors).toEqual(['peer-1: Error: channel closed'])
    expect(broken.destroyed()).toBe(1)
  })
})
