import {
  INVOKE_CHANNELS,
  parseRequest,
  parseResponse,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse
} from '../../shared/ipc/contract.ts'

/** Handlers grouped in one typed map: every channel of the contract has exactly one. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> | InvokeResponse<C>
}

/** The part of ipcMain this needs. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, payload: unknown) => unknown): void
  removeHandler(channel: string): void
}

export interface IpcLog {
  warn(message: string): void
}

/**
 * Registers every handler behind three checks: the sender is our own page, the request matches
 * the contract, and so does our response. A bad payload is refused with a clear error and logged.
 */
export function registerInvokeHandlers(
  ipc: IpcMainLike,
  handlers: InvokeHandlers,
  isTrustedSender: (frameUrl: string | undefined) => boolean,
  log: IpcLog
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipc.handle(channel, async (event, payload) => {
      const frameUrl = event.senderFrame?.url
      if (!isTrustedSender(frameUrl)) {
        log.warn(`ipc: refused ${channel} from untrusted frame ${frameUrl ?? '(none)'}`)
        throw new Error('untrusted sender')
      }
      let request
      try {
        request = parseRequest(channel, payload)
      } catch (err) {
        log.warn(`ipc: ${(err as Error).message}`)
        throw err
      }
      const handler = handlers[channel] as (r: unknown) => unknown
      return parseResponse(channel, await handler(request))
    })
  }
  return () => INVOKE_CHANNELS.forEach((channel) => ipc.removeHandler(channel))
}
