import { randomBytes } from 'node:crypto'
import { createClient } from 'redis'
import type { RoomQuota, SnapshotVerdict } from '../../shared/relay/mailbox.ts'
import { compareSeq, seqAfter, type Seq } from '../../shared/relay/seq.ts'
import type { AppendResult, CatchUp, RelayStore, RoomListener } from './store.ts'

/**
 * The Redis store (issue 13 #3): relay processes keep nothing of their own, so any number of them
 * behind a load balancer serve the same rooms, and a process can die without losing an
 * acknowledged update (a relay hands an update back to its sender only after Redis took it).
 *
 * Per room (the `{room}` hash tag keeps a room's keys on one Redis Cluster slot):
 *   tandem:relay:{room}:log  a Stream: the ordered log of sealed updates (field `d`); its ids are
 *                            the log positions, XTRIM MINID drops what a snapshot covers
 *   tandem:relay:{room}:m    a hash: `v` verifier, `covers` + `snap` the snapshot, `size` its
 *                            length, `logBytes` the bytes in the log
 *   tandem:relay:{room}:aw   a Pub/Sub channel: sealed presence between processes (never stored)
 * Appending (with the quota check), taking a snapshot (with the trim) and reading a catch-up are
 * each one Lua script, so they are atomic against each other. Each process reads the logs of the
 * rooms its connections are in with one blocking XREAD and hands new entries to them in order.
 */
export interface RedisStoreOptions {
  url: string
  /** key prefix (default `tandem:relay:`) */
  prefix?: string
  log?: (line: string) => void
}

const SEQ_LUA = `
local function seq(s) local a, b = string.match(s, '^(%d+)-(%d+)$'); return tonumber(a), tonumber(b) end
local function cmp(x, y) local a1, a2 = seq(x); local b1, b2 = seq(y); if a1 ~= b1 then return a1 - b1 end; return a2 - b2 end
local function head(log)
  local info = redis.pcall('XINFO', 'STREAM', log)
  if type(info) ~= 'table' or info.err then return '0-0' end
  for i = 1, #info, 2 do if info[i] == 'last-generated-id' then return info[i + 1] end end
  return '0-0'
end
`

const APPEND = `${SEQ_LUA}
local log, m = KEYS[1], KEYS[2]
local data, maxBytes, maxEntries = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local n = redis.call('XLEN', log)
local bytes = tonumber(redis.call('HGET', m, 'logBytes') or '0') + tonumber(redis.call('HGET', m, 'size') or '0')
if n + 1 > maxEntries then return {0, 'room full (updates)'} end
if bytes + #data > maxBytes then return {0, 'room full (bytes)'} end
local id = redis.call('XADD', log, '*', 'd', data)
redis.call('HINCRBY', m, 'logBytes', #data)
return {1, id, n + 1, bytes + #data}
`

const SNAPSHOT = `${SEQ_LUA}
local log, m = KEYS[1], KEYS[2]
local covers, data, minid, maxBytes = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
if cmp(covers, head(log)) > 0 then return 'ahead' end
local current = redis.call('HGET', m, 'covers')
if current and cmp(covers, current) <= 0 then return 'stale' end
if not current and cmp(covers, '0-0') <= 0 then return 'stale' end
if #data > maxBytes / 2 then return 'too big' end
local dropped = 0
for _, e in ipairs(redis.call('XRANGE', log, '-', covers)) do dropped = dropped + #e[2][2] end
redis.call('XTRIM', log, 'MINID', minid)
redis.call('HSET', m, 'covers', covers, 'snap', data, 'size', #data)
redis.call('HINCRBY', m, 'logBytes', -dropped)
return 'accept'
`

// the plan is shared/relay/mailbox.ts catchUpPlan's, here so that the read is atomic
const READ = `${SEQ_LUA}
local log, m = KEYS[1], KEYS[2]
local since = ARGV[1]
local h = head(log)
local covers = redis.call('HGET', m, 'covers')
local reset = since ~= '' and cmp(since, h) > 0
local from = since
if since == '' or reset then from = '0-0' end
local withSnap = covers and cmp(from, covers) < 0
local after = from
if withSnap then after = covers end
local out = {h, reset and 1 or 0, redis.call('XLEN', log),
  tonumber(redis.call('HGET', m, 'logBytes') or '0') + tonumber(redis.call('HGET', m, 'size') or '0')}
if withSnap then out[5] = covers; out[6] = redis.call('HGET', m, 'snap') else out[5] = ''; out[6] = '' end
for _, e in ipairs(redis.call('XRANGE', log, '(' .. after, '+')) do
  out[#out + 1] = e[1]; out[#out + 1] = e[2][2]
end
return out
`

interface Watched {
  lastId: Seq
  listeners: Set<RoomListener>
}

export async function createRedisStore(options: RedisStoreOptions): Promise<RelayStore> {
  const prefix = options.prefix ?? 'tandem:relay:'
  const log = options.log ?? (() => {})
  const main = createClient({ url: options.url })
  const reader = main.duplicate()
  const sub = main.duplicate()
  for (const c of [main, reader, sub]) c.on('error', (err: Error) => log(`redis: ${err.message}`))
  await Promise.all([main.connect(), reader.connect(), sub.connect()])
  const readerId = Number(await reader.sendCommand(['CLIENT', 'ID']))
  // the log id, shared by every process on this Redis (made by the first)
  await main.sendCommand(['SET', `${prefix}id`, randomBytes(12).toString('base64url'), 'NX'])
  const logId = String(await main.sendCommand(['GET', `${prefix}id`]))
  const logKey = (room: string) => `${prefix}{${room}}:log`
  const metaKey = (room: string) => `${prefix}{${room}}:m`
  const awKey = (room: string) => `${prefix}{${room}}:aw`
  const watched = new Map<string, Watched>()
  let closed = false
  const run = (args: string[]) => main.sendCommand(args) as Promise<unknown>
  const evalScript = (script: string, keys: string[], args: string[]) => run(['EVAL', script, String(keys.length), ...keys, ...args])

  const headOf = async (room: string): Promise<Seq> =>
    String(await evalScript(`${SEQ_LUA}\nreturn head(KEYS[1])`, [logKey(room)], []))

  /** One blocking XREAD over every watched room; woken (CLIENT UNBLOCK) when a room is added. */
  let wake: (() => void) | null = null
  const readLoop = async () => {
    while (!closed) {
      const rooms = [...watched.entries()]
      if (rooms.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, 1000).unref()
        })
        wake = null
        continue
      }
      let reply: unknown
      try {
        reply = await reader.sendCommand(['XREAD', 'COUNT', '1000', 'BLOCK', '5000', 'STREAMS', ...rooms.map(([r]) => logKey(r)), ...rooms.map(([, w]) => w.lastId)])
      } catch (err) {
        if (closed) return
        log(`redis: reading the logs failed: ${(err as Error).message}`)
        await new Promise((resolve) => setTimeout(resolve, 500))
        continue
      }
      if (!Array.isArray(reply)) continue
      for (const stream of reply as [string, [string, string[]][]][]) {
        const key = String(stream[0])
        const room = key.slice(prefix.length + 1, key.indexOf('}'))
        const w = watched.get(room)
        if (!w) continue
        for (const [id, fields] of stream[1]) {
          const seq = String(id)
          if (compareSeq(seq, w.lastId) <= 0) continue
          w.lastId = seq
          const data = String(fields[1])
          for (const l of [...w.listeners]) l.entry({ seq, data })
        }
      }
    }
  }
  const loop = readLoop()

  const store: RelayStore = {
    kind: 'redis',
    logId,
    async claim(room, verifier) {
      const created = Number(await run(['HSETNX', metaKey(room), 'v', verifier])) === 1
      const stored = String(await run(['HGET', metaKey(room), 'v']))
      return { verifier: stored, created }
    },
    async append(room, data, quota: RoomQuota): Promise<AppendResult> {
      const r = (await evalScript(APPEND, [logKey(room), metaKey(room)], [data, String(quota.maxBytes), String(quota.maxEntries)])) as unknown[]
      if (Number(r[0]) !== 1) return { ok: false, reason: String(r[1]) as 'room full (bytes)' }
      return { ok: true, seq: String(r[1]), count: Number(r[2]), bytes: Number(r[3]) }
    },
    async snapshot(room, covers, data, quota): Promise<SnapshotVerdict> {
      return String(await evalScript(SNAPSHOT, [logKey(room), metaKey(room)], [covers, data, seqAfter(covers), String(quota.maxBytes)])) as SnapshotVerdict
    },
    async read(room, since): Promise<CatchUp> {
      const r = ((await evalScript(READ, [logKey(room), metaKey(room)], [since ?? ''])) as unknown[]).map(String)
      const entries = []
      for (let i = 6; i + 1 < r.length; i += 2) entries.push({ seq: r[i]!, data: r[i + 1]! })
      return {
        head: r[0]!,
        reset: r[1] === '1',
        count: Number(r[2]),
        bytes: Number(r[3]),
        snapshot: r[4] ? { covers: r[4], data: r[5]! } : null,
        entries
      }
    },
    async subscribe(room, listener) {
      let w = watched.get(room)
      if (!w) {
        const head = await headOf(room)
        w = watched.get(room)
        if (!w) {
          w = { lastId: head, listeners: new Set() }
          watched.set(room, w)
          await sub.subscribe(awKey(room), (message: string) => {
            const at = message.indexOf('|')
            const from = message.slice(0, at)
            const data = message.slice(at + 1)
            const now = watched.get(room)
            if (now) for (const l of [...now.listeners]) l.awareness(data, from)
          })
          wake?.()
          await run(['CLIENT', 'UNBLOCK', String(readerId)])
        }
      }
      const held = w
      held.listeners.add(listener)
      return () => {
        held.listeners.delete(listener)
        if (held.listeners.size === 0 && watched.get(room) === held) {
          watched.delete(room)
          void sub.unsubscribe(awKey(room)).catch(() => {})
        }
      }
    },
    publishAwareness(room, data, from) {
      void run(['PUBLISH', awKey(room), `${from}|${data}`]).catch((err: Error) => log(`redis: publish failed: ${err.message}`))
    },
    async close() {
      if (closed) return
      closed = true
      watched.clear()
      wake?.()
      await run(['CLIENT', 'UNBLOCK', String(readerId)]).catch(() => {})
      await loop.catch(() => {})
      await Promise.allSettled([main.quit(), reader.quit(), sub.quit()])
    }
  }
  return store
}
