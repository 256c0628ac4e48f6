import { z } from 'zod'
import { MAX_MISSED, MissedReminder, ShownReminder } from '../reminders/engine.ts'
import { Instant, MAX_ENTRIES } from '../reminders/entry.ts'
import { ReminderSchedule, ReminderView } from '../reminders/schedule.ts'
import { isScheduledFileName, MAX_BACKUP_BYTES, MAX_SCHEDULED_FILE_NAME } from '../backup/schedule.ts'
import { NoKeyReason } from '../storage/keyProtection.ts'

/**
 * The one contract between the renderer (through preload) and main. Channel names and zod schemas
 * live here; both ends validate every payload against them.
 */
const httpUrl = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^\s]+$/i, 'only http(s) links open outside the app')

export const invokeContract = {
  'app:info': {
    request: z.undefined(),
    response: z.object({ version: z.string(), platform: z.string() })
  },
  'shell:open-external': {
    request: z.object({ url: httpUrl }),
    response: z.undefined()
  },
  /** The tandem:// link the app was opened with, if any, taken once. */
  'deep-link:take': {
    request: z.undefined(),
    response: z.object({ url: z.string().nullable() })
  },
  /** Host the bundled signaling server for the LAN, or stop hosting it. */
  'signaling:host': {
    request: z.object({ enabled: z.boolean(), port: z.number().int().min(1024).max(65535).optional() }),
    response: z.object({ running: z.boolean(), urls: z.array(z.string()), error: z.string().optional() })
  },
  /**
   * The meetings to remind of and this device's reminder preferences (shared/reminders/schedule.ts:
   * at most 2 000 entries, bounded strings, instants in 2020–2100, valid zones and app paths). A
   * malformed schedule is refused and main keeps the last good one.
   */
  'reminders:set': {
    request: ReminderSchedule,
    response: z.object({ entries: z.number().int().min(0), nextDueAt: Instant.nullable() })
  },
  /** Missed reminders, the next meetings, what this device showed, a recovered file. */
  'reminders:state': {
    request: z.undefined(),
    response: ReminderView
  },
  /** The person has seen these missed reminders (instance keys). */
  'reminders:dismiss-missed': {
    request: z.object({ instances: z.array(z.string().max(400)).max(MAX_MISSED) }),
    response: ReminderView
  },
  /**
   * The key the renderer wraps its stored secrets with (space keys: issue 10 #19), kept by main
   * under Electron's safeStorage (electron/main/storageKey.ts). `unavailable`: the system cannot
   * protect it (no key: secrets stay as they are); `failed`: a stored key could not be opened.
   * `reason` says why, for Settings' sentence (shared/storage/keyProtection.ts).
   */
  'storage:key': {
    request: z.undefined(),
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('protected'), key: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
      z.object({ state: z.enum(['unavailable', 'failed']), key: z.null(), reason: NoKeyReason, detail: z.string().max(500) })
    ])
  },
  /** The folder chosen for scheduled backups (issue 14), or null. */
  'backup:folder': {
    request: z.undefined(),
    response: z.object({ folder: z.string().max(4096).nullable() })
  },
  /** Shows the native folder picker; the folder main remembers (the renderer never names a path). */
  'backup:choose-folder': {
    request: z.undefined(),
    response: z.object({ folder: z.string().max(4096).nullable() })
  },
  /** Writes a scheduled backup into the chosen folder and deletes the oldest beyond `keep`. */
  'backup:write': {
    request: z.object({
      fileName: z.string().max(MAX_SCHEDULED_FILE_NAME).refine(isScheduledFileName, 'not a scheduled backup’s file name'),
      bytes: z.custom<Uint8Array>((b) => b instanceof Uint8Array, 'not bytes').refine((b) => b.length <= MAX_BACKUP_BYTES, 'too large for a backup'),
      keep: z.number().int().min(1).max(100)
    }),
    response: z.object({ path: z.string().max(8192), removed: z.array(z.string().max(MAX_SCHEDULED_FILE_NAME)).max(1000) })
  }
} as const

/** What the application menu asks the page to do (electron/main/appMenu.ts). */
export const APP_COMMANDS = ['new-space', 'join', 'settings', 'home', 'next-space', 'previous-space'] as const
export const AppCommand = z.enum(APP_COMMANDS)
export type AppCommand = z.infer<typeof AppCommand>

export const eventContract = {
  /** main → renderer: a tandem:// link arrived while the app was running */
  'deep-link': z.object({ url: z.string().max(8192) }),
  /** main → renderer: the missed reminders changed (a reminder came due while asleep or off) */
  'reminders:missed': z.object({ missed: z.array(MissedReminder).max(MAX_MISSED) }),
  /** main → renderer: "Pause reminders for an hour" was chosen in the tray (the page saves it in its preferences) */
  'reminders:pause': z.object({ until: Instant }),
  /**
   * main → renderer: these reminders were just shown here; the page writes them where this
   * person's other devices read them (shared/reminders/devices.ts), main never reads a space
   */
  'reminders:shown': z.object({ shown: z.array(ShownReminder).max(MAX_ENTRIES) }),
  /** main → renderer: an item of the application menu (Go → Next space, File → Settings, …) */
  'app:command': z.object({ command: AppCommand })
} as const

export type InvokeChannel = keyof typeof invokeContract
export type EventChannel = keyof typeof eventContract
export type InvokeRequest<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['request']>
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['response']>
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventContract)[C]>

export const INVOKE_CHANNELS = Object.keys(invokeContract) as InvokeChannel[]
export const EVENT_CHANNELS = Object.keys(eventContract) as EventChannel[]

export class IpcContractError extends Error {
  override name = 'IpcContractError'
}

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(invokeContract, channel)
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    throw new IpcContractError(`${what}: ${issue?.message ?? 'invalid'}${where}`)
  }
  return parsed.data
}

export function parseRequest<C extends InvokeChannel>(channel: C, payload: unknown): InvokeRequest<C> {
  if (!isInvokeChannel(channel)) throw new IpcContractError(`unknown channel ${String(channel)}`)
  return check(invokeContract[channel].request as unknown as z.ZodType<InvokeRequest<C>>, payload, `bad request on ${channel}`)
}

export function parseResponse<C extends InvokeChannel>(channel: C, payload: unknown): InvokeResponse<C> {
  if (!isInvokeChannel(channel)) throw new IpcContractError(`unknown channel ${String(channel)}`)
  return check(invokeContract[channel].response as unknown as z.ZodType<InvokeResponse<C>>, payload, `bad response on ${channel}`)
}

export function parseEvent<C extends EventChannel>(channel: C, payload: unknown): EventPayload<C> {
  if (!Object.hasOwn(eventContract, channel)) throw new IpcContractError(`unknown event ${String(channel)}`)
  return check(eventContract[channel] as unknown as z.ZodType<EventPayload<C>>, payload, `bad event ${channel}`)
}

/** The API preload exposes as `window.desktop`. */
export interface DesktopApi {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>>
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void
}
