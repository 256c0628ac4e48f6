import { contextBridge, ipcRenderer } from 'electron'
import {
  eventContract,
  parseEvent,
  parseRequest,
  parseResponse,
  type DesktopApi,
  type EventChannel
} from '../../shared/ipc/contract.ts'

// One typed API, validated on this side too; nothing else of Electron reaches the page.
const desktop = {
  async invoke(channel, request) {
    const checked = parseRequest(channel, request)
    return parseResponse(channel, await ipcRenderer.invoke(channel, checked))
  },
  on(channel, listener) {
    if (!Object.hasOwn(eventContract, channel)) throw new Error(`unknown event ${String(channel)}`)
    const wrapped = (_event: unknown, payload: unknown) => {
      try {
        listener(parseEvent(channel as EventChannel, payload) as never)
      } catch (err) {
        console.warn('desktop: dropped a malformed event', err)
      }
    }
    ipcRenderer.on(channel, wrapped)
    return () => void ipcRenderer.removeListener(channel, wrapped)
  }
} satisfies DesktopApi

contextBridge.exposeInMainWorld('desktop', desktop)
