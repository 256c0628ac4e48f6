import { parseArgs } from 'node:util'
import { startSignalingServer, SIGNALING_DEFAULTS } from './server.ts'

// `npm run signal -- --host 127.0.0.1 --port 4444`
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: SIGNALING_DEFAULTS.host },
    port: { type: 'string', default: String(SIGNALING_DEFAULTS.port) },
    'max-message-bytes': { type: 'string' },
    'max-topics': { type: 'string' },
    'max-connections': { type: 'string' },
    'max-connections-per-address': { type: 'string' },
    'max-buffered-bytes': { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  }
})

if (values.help) {
  console.log(
    'Usage: npm run signal -- [--host 127.0.0.1] [--port 4444] [--max-message-bytes N] [--max-topics N]\n' +
      '                         [--max-connections N] [--max-connections-per-address N] [--max-buffered-bytes N]'
  )
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
  const server = await startSignalingServer({
    host: values.host,
    port: num(values.port, 'port'),
    maxMessageBytes: num(values['max-message-bytes'], 'max-message-bytes'),
    maxTopicsPerConnection: num(values['max-topics'], 'max-topics'),
    maxConnections: num(values['max-connections'], 'max-connections'),
    maxConnectionsPerAddress: num(values['max-connections-per-address'], 'max-connections-per-address'),
    maxBufferedBytes: num(values['max-buffered-bytes'], 'max-buffered-bytes')
  })
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (err) {
  console.error(`[signal] could not start: ${(err as Error).message}`)
  process.exit(1)
}
