import fs from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import { Mailbox, appendRefusal, snapshotVerdict, type LogEntry } from '../../shared/relay/mailbox.ts'
import { ROOM_RE } from '../../shared/relay/protocol.ts'
import { compareSeq, isSeq, seqOf, type Seq } from '../../shared/relay/seq.ts'
import type { AppendResult, CatchUp, RelayStore, RoomListener } from './store.ts'

/**
 * The embedded store (issue 13 #2): every room in memory and, with a directory, in an append-only
 * file per room (`<room>.log`). A record is [length u32][crc32 u32][JSON] and is written (and
 * fdatasynced, with `fsync`, the default) before the relay acknowledges it and hands it to the
 * room, so a killed process loses nothing it acknowledged (with `fsync`, a power cut neither).
 * Updates are committed in groups: those that arrive while a room's write is under way go in its
 * next one — one write(2) and one fdatasync for all of them, off the event loop — so 200 clients
 * writing at once neither wait for 200 syncs in a row nor stall every other room meanwhile. On start a room's file is read record by record;
 * a torn or damaged tail (a crash in the middle of a write) is cut off at the last whole record.
 * When a snapshot leaves most of a file dead, the file is written anew (temporary file, fsync,
 * rename), holding the verifier, the snapshot and the updates after it.
 */
export interface EmbeddedOptions {
  /** where rooms are kept on disk; none: memory only */
  dir?: string
  /** fsync each record (default true); without it, a process crash still loses nothing */
  fsync?: boolean
  /** rooms this relay keeps at most (default 10 000) */
  maxRooms?: number
  log?: (line: string) => void
}

type Rec = { k: 'v'; verifier: string } | { k: 'u'; seq: Seq; data: string } | { k: 's'; covers: Seq; data: string }

const HEADER = 8
/** a record is never larger than this: anything claiming more is damage */
const MAX_RECORD = 64 * 1024 * 1024

interface Room {
  box: Mailbox
  n: number
  fd: number | null
  fileBytes: number
  listeners: Set<RoomListener>
  /** updates given a position, waiting for the next group write */
  queue: Queued[]
  queuedBytes: number
  /** the room's file operations, one after the other (group writes, snapshots) */
  io: Promise<void>
  /** a group write is scheduled or under way */
  committing: boolean
  /** a write failed and the file could not be cut back to its last whole record */
  broken: boolean
}

interface Queued {
  entry: LogEntry
  record: Buffer
  done: (r: AppendResult) => void
  fail: (err: Error) => void
}

const writeAsync = (fd: number, bytes: Buffer) =>
  new Promise<void>((resolve, reject) => fs.write(fd, bytes, 0, bytes.length, null, (err, written) => (err ? reject(err) : written !== bytes.length ? reject(new Error(`short write: ${written} of ${bytes.length} bytes`)) : resolve())))
const syncAsync = (fd: number) => new Promise<void>((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())))

export function encodeRecord(rec: Rec): Buffer {
  const body = Buffer.from(JSON.stringify(rec), 'utf8')
  const head = Buffer.alloc(HEADER)
  head.writeUInt32BE(body.length, 0)
  head.writeUInt32BE(crc32(body), 4)
  return Buffer.concat([head, body])
}

/** The whole records at the start of `bytes`, and where the last whole one ends. */
export function decodeRecords(bytes: Buffer): { records: Rec[]; end: number } {
  const records: Rec[] = []
  let at = 0
  for (;;) {
    if (bytes.length - at < HEADER) break
    const length = bytes.readUInt32BE(at)
    const sum = bytes.readUInt32BE(at + 4)
    if (length > MAX_RECORD || bytes.length - at - HEADER < length) break
    const body = bytes.subarray(at + HEADER, at + HEADER + length)
    if (crc32(body) !== sum) break
    let rec: unknown
    try {
      rec = JSON.parse(body.toString('utf8'))
    } catch {
      break
    }
    if (!isRecord(rec)) break
    records.push(rec)
    at += HEADER + length
  }
  return { records, end: at }
}

function isRecord(r: unknown): r is Rec {
  if (!r || typeof r !== 'object') return false
  const o = r as Record<string, unknown>
  if (o.k === 'v') return typeof o.verifier === 'string'
  if (o.k === 'u') return isSeq(o.seq) && typeof o.data === 'string'
  if (o.k === 's') return isSeq(o.covers) && typeof o.data === 'string'
  return false
}

/** The data directory's log id (`relay-id`), made with the directory: its rooms' positions belong to it. */
function readOrMakeLogId(dir: string): string {
  const file = path.join(dir, 'relay-id')
  try {
    const id = fs.readFileSync(file, 'utf8').trim()
    if (/^[A-Za-z0-9_-]{8,64}$/.test(id)) return id
  } catch {
    // none yet
  }
  // rooms kept from before there were ids keep their positions; a fresh id for them is still right
  const id = randomBytes(12).toString('base64url')
  const tmp = `${file}.tmp`
  fs.writeFileSync(tmp, id + '\n')
  fs.renameSync(tmp, file)
  return id
}

function fresh(box: Mailbox): Room {
  return { box, n: 0, fd: null, fileBytes: 0, listeners: new Set(), queue: [], queuedBytes: 0, io: Promise.resolve(), committing: false, broken: false }
}

export function createEmbeddedStore(options: EmbeddedOptions = {}): RelayStore {
  const { dir } = options
  const durable = options.fsync ?? true
  const maxRooms = options.maxRooms ?? 10_000
  const log = options.log ?? (() => {})
  const rooms = new Map<string, Room>()
  if (dir) fs.mkdirSync(dir, { recursive: true })
  const logId = dir ? readOrMakeLogId(dir) : randomBytes(12).toString('base64url')
  const fileOf = (room: string) => path.join(dir!, `${room}.log`)

  const write = (room: Room, rec: Rec) => {
    if (room.fd === null) return
    const bytes = encodeRecord(rec)
    fs.writeSync(room.fd, bytes)
    if (durable) fs.fdatasyncSync(room.fd)
    room.fileBytes += bytes.length
  }

  /** A room from its file (recovering a torn tail), or null when there is none. */
  const load = (name: string): Room | null => {
    const existing = rooms.get(name)
    if (existing) return existing
    if (!dir || !ROOM_RE.test(name)) return null
    const file = fileOf(name)
    let bytes: Buffer
    try {
      bytes = fs.readFileSync(file)
    } catch {
      return null
    }
    const { records, end } = decodeRecords(bytes)
    const first = records[0]
    if (!first || first.k !== 'v') {
      log(`room ${name.slice(0, 12)}…: no verifier in its file; set aside`)
      fs.renameSync(file, `${file}.damaged-${Date.now()}`)
      return null
    }
    if (end < bytes.length) {
      log(`room ${name.slice(0, 12)}…: ${bytes.length - end} bytes of a torn or damaged record cut off`)
      fs.truncateSync(file, end)
    }
    const box = new Mailbox(first.verifier)
    let n = 0
    for (const rec of records.slice(1)) {
      if (rec.k === 'u') {
        box.append({ seq: rec.seq, data: rec.data })
        n = Math.max(n, Number(rec.seq.split('-')[0]))
      } else if (rec.k === 's') {
        if (compareSeq(rec.covers, box.head) > 0) box.head = rec.covers
        box.takeSnapshot({ covers: rec.covers, data: rec.data })
        n = Math.max(n, Number(rec.covers.split('-')[0]))
      }
    }
    const room: Room = { ...fresh(box), n, fd: fs.openSync(file, 'a'), fileBytes: end }
    rooms.set(name, room)
    return room
  }

  /** Writes the room's file anew when most of it is dead (after a snapshot). */
  const rewriteIfWasteful = (name: string, room: Room) => {
    if (room.fd === null || room.fileBytes < 64 * 1024 || room.fileBytes < 2 * room.box.bytes) return
    const file = fileOf(name)
    const tmp = `${file}.tmp`
    const parts = [encodeRecord({ k: 'v', verifier: room.box.verifier })]
    if (room.box.snapshot) parts.push(encodeRecord({ k: 's', covers: room.box.snapshot.covers, data: room.box.snapshot.data }))
    for (const e of room.box.entries) parts.push(encodeRecord({ k: 'u', seq: e.seq, data: e.data }))
    const bytes = Buffer.concat(parts)
    const fd = fs.openSync(tmp, 'w')
    fs.writeSync(fd, bytes)
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.closeSync(room.fd)
    fs.renameSync(tmp, file)
    try {
      const dfd = fs.openSync(dir!, 'r')
      fs.fsyncSync(dfd)
      fs.closeSync(dfd)
    } catch {
      // a directory cannot be opened for fsync on every platform
    }
    room.fd = fs.openSync(file, 'a')
    room.fileBytes = bytes.length
  }

  /** Hands an accepted update to the room (in memory, its listeners) and says so to its sender. */
  const accept = (room: Room, entry: LogEntry): AppendResult => {
    room.box.append(entry)
    for (const l of [...room.listeners]) l.entry(entry)
    return { ok: true, seq: entry.seq, count: room.box.entries.length, bytes: room.box.bytes }
  }

  /** One group write: every update queued so far, written and synced together, then accepted in order. */
  const commit = async (room: Room): Promise<void> => {
    const batch = room.queue.splice(0)
    room.queuedBytes = 0
    room.committing = false
    if (batch.length === 0) return
    const bytes = Buffer.concat(batch.map((q) => q.record))
    try {
      if (room.broken || room.fd === null) throw new Error('this room’s file cannot be written')
      await writeAsync(room.fd, bytes)
      if (durable) await syncAsync(room.fd)
    } catch (err) {
      // cut off what part of the group reached the file, so later records follow a whole one
      try {
        if (room.fd !== null && !room.broken) fs.ftruncateSync(room.fd, room.fileBytes)
      } catch {
        room.broken = true
        log(`a room's file could not be cut back after a failed write; the room refuses updates until restart`)
      }
      for (const q of batch) q.fail(err as Error)
      return
    }
    room.fileBytes += bytes.length
    for (const q of batch) q.done(accept(room, q.entry))
  }

  /** Runs `op` when the room's earlier file operations are done, and before later ones. */
  const exclusive = <T>(room: Room, op: () => T | Promise<T>): Promise<T> => {
    const run = room.io.then(op)
    room.io = run.then(
      () => {},
      () => {}
    )
    return run
  }

  const roomOf = (name: string): Room => {
    const room = load(name)
    if (!room) throw new Error('no such room')
    return room
  }

  return {
    kind: 'embedded',
    logId,
    async claim(name, verifier) {
      const known = load(name)
      if (known) return { verifier: known.box.verifier, created: false }
      if (rooms.size >= maxRooms) return null
      const room: Room = { ...fresh(new Mailbox(verifier)), fd: dir ? fs.openSync(fileOf(name), 'a') : null }
      write(room, { k: 'v', verifier })
      rooms.set(name, room)
      return { verifier, created: true }
    },
    async append(name, data, quota): Promise<AppendResult> {
      const room = roomOf(name)
      const refusal = appendRefusal(room.box.bytes + room.queuedBytes, room.box.entries.length + room.queue.length, data.length, quota)
      if (refusal) return { ok: false, reason: refusal }
      const entry: LogEntry = { seq: seqOf(++room.n), data }
      // memory only: accepted at once
      if (room.fd === null) return accept(room, entry)
      return new Promise<AppendResult>((done, fail) => {
        room.queue.push({ entry, record: encodeRecord({ k: 'u', seq: entry.seq, data }), done, fail })
        room.queuedBytes += data.length
        if (room.committing) return
        room.committing = true
        void exclusive(room, () => commit(room))
      })
    },
    async snapshot(name, covers, data, quota) {
      const room = roomOf(name)
      // after the group writes before it, and before any after it (the file may be written anew)
      return exclusive(room, () => {
        const verdict = snapshotVerdict(room.box.snapshot, room.box.head, covers, data.length, quota)
        if (verdict !== 'accept') return verdict
        write(room, { k: 's', covers, data })
        room.box.takeSnapshot({ covers, data })
        rewriteIfWasteful(name, room)
        return verdict
      })
    },
    async read(name, since): Promise<CatchUp> {
      const room = roomOf(name)
      const r = room.box.read(since)
      return { ...r, head: room.box.head, count: room.box.entries.length, bytes: room.box.bytes }
    },
    async subscribe(name, listener) {
      const room = roomOf(name)
      room.listeners.add(listener)
      return () => room.listeners.delete(listener)
    },
    publishAwareness(name, data, from) {
      const room = rooms.get(name)
      if (!room) return
      for (const l of [...room.listeners]) l.awareness(data, from)
    },
    async close() {
      await Promise.all([...rooms.values()].map((room) => room.io))
      for (const room of rooms.values()) {
        if (room.fd !== null) fs.closeSync(room.fd)
        room.fd = null
        room.listeners.clear()
      }
      rooms.clear()
    }
  }
}
