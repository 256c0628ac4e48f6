import { parseArgs } from 'node:util'
import { startSignalingServer, SIGNALING_DEFAULTS } from '../signaling/server.ts'
import { createRelay } from './server.ts'
import { createEmbeddedStore } from './embeddedStore.ts'
import { createRedisStore } from './redisStore.ts'

// `npm run server -- --port 4444 [--data DIR | --memory | --redis redis://…]`: the signaling server
// and the end-to-end-encrypted relay on one port (the relay under /relay).
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: SIGNALING_DEFAULTS.host },
    port: { type: 'string', default: String(SIGNALING_DEFAULTS.port) },
    data: { type: 'string', default: 'tandem-relay-data' },
    memory: { type: 'boolean', default: false },
    redis: { type: 'string' },
    'no-fsync': { type: 'boolean', default: false },
    'no-relay': { type: 'boolean', default: false },
    'room-bytes': { type: 'string' },
    'room-updates': { type: 'string' },
    'max-connections-per-address': { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  }
})

if (values.help) {
  console.log(`Usage: npm run server -- [--host 127.0.0.1] [--port 4444] [--data DIR | --memory | --redis redis://host:port]
       [--no-fsync] [--room-bytes N] [--room-updates N] [--max-connections-per-address N] [--no-relay]

One process: the signaling server (ws://host:port) and the relay with a mailbox (ws://host:port/relay).
  --data DIR     keep rooms in DIR, one append-only file per room (default ./tandem-relay-data)
  --memory       keep rooms in memory only (lost when the process ends)
  --redis URL    keep rooms in Redis (Streams); run as many processes as you like behind a load balancer
  --no-fsync     do not fsync each update (a process crash still loses nothing; a power cut may)
  --no-relay     signaling only`)
  process.exit(0)
}

const num = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${v}"`)
    process.exit(2)
  }
  return n
}

try {
  const log = (line: string) => console.log(`[relay] ${line}`)
  const store = values['no-relay']
    ? null
    : values.redis
      ? await createRedisStore({ url: values.redis, log })
      : createEmbeddedStore({ dir: values.memory ? undefined : values.data, fsync: !values['no-fsync'], log })
  const quota = { maxBytes: num(values['room-bytes'], 'room-bytes'), maxEntries: num(values['room-updates'], 'room-updates') }
  const relay = store
    ? createRelay({
        store,
        quota: Object.fromEntries(Object.entries(quota).filter(([, v]) => v !== undefined)),
        maxConnectionsPerAddress: num(values['max-connections-per-address'], 'max-connections-per-address'),
        log
      })
    : undefined
  const server = await startSignalingServer({ host: values.host, port: num(values.port, 'port'), relay })
  if (store) log(`relay on ${server.url}/relay, rooms kept ${store.kind === 'redis' ? `in Redis (${values.redis})` : values.memory ? 'in memory' : `in ${values.data}/`}`)
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void server.close().then(() => process.exit(0))
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (err) {
  console.error(`[server] could not start: ${(err as Error).message}`)
  process.exit(1)
}
