import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { z } from 'zod'
import { SpaceKind } from '../spaces/space.ts'
import { isSpaceKey } from '../spaces/key.ts'
import { MAX_BACKUP_BYTES } from './schedule.ts'
import { isSealed } from './seal.ts'

/**
 * A Tandem backup: one zip file (fflate) holding one or more spaces.
 *
 *   README.md                                what each file is
 *   manifest.json                            format, app version, the spaces, their keys and documents
 *   <space dir>/state/<document>.yjs         each document's whole Yjs state (what a restore merges)
 *   <space dir>/readable/…                   the same content in open formats (JSON, CSV, Markdown, .ics)
 *   <space dir>/private-notes.json|.md       this device's private notes, only when the user ticked it
 *
 * Reading is bounded before anything is inflated (file size, entry count, each entry's and the
 * total inflated size) and checked after (every state file's SHA-256 is in the manifest), so a
 * truncated, damaged or oversized file is refused with a message and nothing is applied.
 */
export const BACKUP_FORMAT = 'tandem-backup'
/** the archive layout this app writes and reads; a higher one was written by a newer app */
export const BACKUP_FORMAT_VERSION = 1
export const BACKUP_EXTENSION = 'tandem'

export const BACKUP_LIMITS = {
  fileBytes: MAX_BACKUP_BYTES,
  entries: 20_000,
  entryBytes: 256 * 1024 * 1024,
  totalBytes: 1024 * 1024 * 1024,
  manifestBytes: 8 * 1024 * 1024,
  spaces: 500,
  documentsPerSpace: 5_000,
  privateNotes: 20_000
} as const

export interface BackupDocument {
  /** null: the space's root document; otherwise its key ("journal", "sprint/12") */
  key: string | null
  state: Uint8Array
  /** the layout version recorded in the document (core/documents versions) */
  layout: number
}

export interface PrivateNote {
  id: string
  topic: string
  text: string
  updatedAt: number
}

export interface ReadableFile {
  /** relative to the space's readable/ folder */
  path: string
  text: string
  /** one line for the README */
  what: string
}

export interface BackupSpace {
  id: string
  kind: SpaceKind
  name: string
  key: string
  status: 'active' | 'left'
  /** the rotation the key came from (as invites carry it): a restored device follows the next ones */
  rekey?: { record: string; epoch: number } | undefined
  documents: BackupDocument[]
  readable: ReadableFile[]
  privateNotes?: PrivateNote[] | undefined
}

export interface BackupIdentity {
  id: string
  name: string
  color: string
  /** the person's secret key (shared/identity/signing.ts), so a restore can write as them */
  secretKey?: string | undefined
}

export interface BackupInput {
  app: string
  createdAt: number
  /** who made it: a restore on a device with no space yet makes that device this person again */
  identity?: BackupIdentity | undefined
  spaces: BackupSpace[]
}

const DocKey = z
  .string()
  .min(1)
  .max(200)
  .refine((k) => ![...k].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) && !k.startsWith('/') && !k.split('/').includes('..'))
const SpaceId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
const Path = z.string().min(1).max(400)

const ManifestDocument = z.object({
  key: DocKey.nullable(),
  path: Path,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  layout: z.number().int().min(1).max(1_000_000)
})

const ManifestSpace = z.object({
  id: SpaceId,
  kind: SpaceKind,
  name: z.string().min(1).max(200),
  key: z.string().refine(isSpaceKey),
  status: z.enum(['active', 'left']),
  rekey: z.object({ record: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), epoch: z.number().int().min(1).max(1_000_000) }).optional(),
  dir: Path,
  documents: z.array(ManifestDocument).max(BACKUP_LIMITS.documentsPerSpace),
  privateNotes: Path.nullable(),
  readable: z.array(z.object({ path: Path, what: z.string().max(400) })).max(BACKUP_LIMITS.documentsPerSpace * 20)
})

const Manifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  app: z.string().max(40),
  createdAt: z.number().finite(),
  includesPrivateNotes: z.boolean(),
  identity: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), name: z.string().min(1).max(100), color: z.string().max(40), secretKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional() }).optional(),
  spaces: z.array(ManifestSpace).min(1).max(BACKUP_LIMITS.spaces)
})
export type BackupManifest = z.infer<typeof Manifest>

const PrivateNoteSchema = z.object({
  id: z.string().min(1).max(200),
  topic: z.string().max(200),
  text: z.string().max(200_000),
  updatedAt: z.number().finite()
})

const hex = (bytes: Uint8Array) => bytesToHex(sha256(bytes))

/** A file-system-safe folder name: the space's name and the start of its id (ids keep two equal names apart). */
export function spaceDir(space: { id: string; name: string }): string {
  const slug = space.name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40)
  return `${slug || 'space'}-${space.id.slice(0, 8)}`
}

/** "sprint/12" → "sprint~12" (one file per document, no folders inside state/). */
export function documentFileName(key: string | null): string {
  return key === null ? 'root.yjs' : `doc-${encodeURIComponent(key).replace(/%2F/gi, '~')}.yjs`
}

export function backupFileName(spaces: readonly { name: string; id: string }[], at: Date): string {
  const day = at.toISOString().slice(0, 10)
  const which = spaces.length === 1 ? spaceDir(spaces[0]!) : `all-${spaces.length}-spaces`
  return `tandem-${which}-${day}.${BACKUP_EXTENSION}`
}

function readme(input: BackupInput, manifest: BackupManifest): string {
  const lines = [
    '# Tandem backup',
    '',
    `Made by Tandem ${input.app} on ${new Date(input.createdAt).toISOString()}.`,
    '',
    'Restore it in Tandem (Settings → Backup → Restore): every space comes back with the same id and key, and is',
    'merged with what the device and its peers already have, so restoring twice, or an old backup over newer data,',
    'loses nothing.',
    '',
    '**This file holds the secret keys of its spaces**: anyone who has it can read them and join them. Keep it',
    'private, or export it with a passphrase.',
    '',
    '## Files',
    '',
    '- `manifest.json`: the format, the spaces (id, kind, name, key) and their documents with a SHA-256 each.',
    '- `<space>/state/*.yjs`: each document\'s whole state as a Yjs update (https://docs.yjs.dev) — what a restore merges.',
    '- `<space>/readable/`: the same content in open formats, to read without Tandem:'
  ]
  for (const space of manifest.spaces) {
    lines.push('', `### ${space.name} (${space.kind}) — \`${space.dir}/\``, '')
    for (const r of space.readable) lines.push(`- \`readable/${r.path}\`: ${r.what}`)
    if (space.privateNotes) lines.push(`- \`private-notes.json\` and \`private-notes.md\`: your private notes (never synced; only in this file because you ticked it).`)
  }
  lines.push('')
  return lines.join('\n')
}

function privateNotesMarkdown(space: BackupSpace, notes: readonly PrivateNote[]): string {
  const out = [`# Private notes — ${space.name}`, '']
  for (const n of [...notes].sort((a, b) => a.updatedAt - b.updatedAt)) {
    out.push(`## ${n.topic || 'note'} (${new Date(n.updatedAt).toISOString().slice(0, 10)})`, '', n.text.trim(), '')
  }
  return out.join('\n')
}

/** The archive's bytes. `onProgress` is told after each space. */
export function buildArchive(input: BackupInput): Uint8Array {
  const files: Zippable = {}
  const spaces: BackupManifest['spaces'] = []
  const dirs = new Set<string>()
  for (const space of input.spaces) {
    let dir = spaceDir(space)
    for (let n = 2; dirs.has(dir); n++) dir = `${spaceDir(space)}-${n}`
    dirs.add(dir)
    const documents = space.documents.map((d) => {
      const path = `${dir}/state/${documentFileName(d.key)}`
      // Yjs updates compress poorly and are already compact: store them
      files[path] = [d.state, { level: 0 }]
      return { key: d.key, path, sha256: hex(d.state), bytes: d.state.length, layout: d.layout }
    })
    // two names that read the same once made file-safe ("a.b", "a-b") get -2, -3 … instead of one overwriting the other
    const readable: { path: string; what: string }[] = []
    for (const r of space.readable) {
      let path = r.path
      for (let n = 2; files[`${dir}/readable/${path}`] !== undefined && n < 10_000; n++) path = r.path.replace(/(\.[a-z]+)?$/, `-${n}$1`)
      files[`${dir}/readable/${path}`] = strToU8(r.text)
      readable.push({ path, what: r.what })
    }
    let privateNotes: string | null = null
    if (space.privateNotes) {
      privateNotes = `${dir}/private-notes.json`
      files[privateNotes] = strToU8(JSON.stringify(space.privateNotes, null, 2))
      files[`${dir}/private-notes.md`] = strToU8(privateNotesMarkdown(space, space.privateNotes))
    }
    spaces.push({
      id: space.id,
      kind: space.kind,
      name: space.name,
      key: space.key,
      status: space.status,
      ...(space.rekey ? { rekey: space.rekey } : {}),
      dir,
      documents,
      privateNotes,
      readable
    })
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    app: input.app,
    createdAt: input.createdAt,
    includesPrivateNotes: input.spaces.some((s) => s.privateNotes !== undefined),
    ...(input.identity ? { identity: input.identity } : {}),
    spaces
  }
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2))
  files['README.md'] = strToU8(readme(input, manifest))
  // zip dates go from 1980 to 2099: a clock outside them must not make the export fail
  const mtime = new Date(Math.min(Math.max(input.createdAt, Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 30)))
  return zipSync(files, { level: 6, mtime })
}

export interface RestoredSpace {
  id: string
  kind: SpaceKind
  name: string
  key: string
  status: 'active' | 'left'
  rekey?: { record: string; epoch: number } | undefined
  documents: { key: string | null; state: Uint8Array; layout: number }[]
  privateNotes: PrivateNote[] | null
}

export interface ReadBackup {
  app: string
  identity: BackupIdentity | null
  createdAt: number
  /** written by a newer app (a higher archive version): restore opens its documents read-only */
  newerFormat: boolean
  spaces: RestoredSpace[]
}

export type ReadResult = { ok: true; backup: ReadBackup } | { ok: false; sealed?: true; error: string }

const DAMAGED = 'This backup file is damaged or incomplete (it may have been cut short while copying). Nothing was restored; try another copy of it.'

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

/** Reads an (opened) archive; never throws. */
export function readArchive(bytes: Uint8Array): ReadResult {
  if (bytes.length > BACKUP_LIMITS.fileBytes) {
    return { ok: false, error: `This file is too large to be a Tandem backup (at most ${BACKUP_LIMITS.fileBytes / 1024 / 1024} MB). Nothing was restored.` }
  }
  if (isSealed(bytes)) return { ok: false, sealed: true, error: 'This backup is protected with a passphrase.' }
  if (!isZip(bytes)) return { ok: false, error: 'This is not a Tandem backup (a backup file ends in .tandem). Nothing was restored.' }
  let entries: Record<string, Uint8Array>
  try {
    let count = 0
    let total = 0
    let tooBig = false
    entries = unzipSync(bytes, {
      filter: (f) => {
        count++
        total += f.originalSize
        if (count > BACKUP_LIMITS.entries || f.originalSize > BACKUP_LIMITS.entryBytes || total > BACKUP_LIMITS.totalBytes) tooBig = true
        if (tooBig) return false
        // readable files are for people; a restore reads only what it merges
        return f.name === 'manifest.json' || f.name.endsWith('.yjs') || f.name.endsWith('/private-notes.json')
      }
    })
    if (tooBig) return { ok: false, error: 'This backup holds more than Tandem reads (too many or too large files). Nothing was restored.' }
  } catch {
    return { ok: false, error: DAMAGED }
  }
  const rawManifest = entries['manifest.json']
  if (!rawManifest) return { ok: false, error: 'This zip file is not a Tandem backup: it has no manifest.json. Nothing was restored.' }
  if (rawManifest.length > BACKUP_LIMITS.manifestBytes) return { ok: false, error: DAMAGED }
  let json: unknown
  try {
    json = JSON.parse(strFromU8(rawManifest))
  } catch {
    return { ok: false, error: DAMAGED }
  }
  const head = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number().int().min(1) }).safeParse(json)
  if (!head.success) return { ok: false, error: 'This file is not a Tandem backup (its manifest names another format). Nothing was restored.' }
  const parsed = Manifest.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      error:
        head.data.version > BACKUP_FORMAT_VERSION
          ? 'This backup was made by a newer version of Tandem in a layout this version cannot read. Update Tandem to restore it. Nothing was restored.'
          : DAMAGED
    }
  }
  const manifest = parsed.data
  const spaces: RestoredSpace[] = []
  const ids = new Set<string>()
  for (const s of manifest.spaces) {
    if (ids.has(s.id)) return { ok: false, error: DAMAGED }
    ids.add(s.id)
    const documents: RestoredSpace['documents'] = []
    const keys = new Set<string>()
    for (const d of s.documents) {
      const state = entries[d.path]
      const k = d.key ?? '\u0000root'
      if (!state || state.length !== d.bytes || hex(state) !== d.sha256 || keys.has(k)) return { ok: false, error: DAMAGED }
      keys.add(k)
      documents.push({ key: d.key, state, layout: d.layout })
    }
    if (!keys.has('\u0000root')) return { ok: false, error: DAMAGED }
    let privateNotes: PrivateNote[] | null = null
    if (s.privateNotes) {
      const raw = entries[s.privateNotes]
      if (!raw) return { ok: false, error: DAMAGED }
      try {
        const notes = z.array(PrivateNoteSchema).max(BACKUP_LIMITS.privateNotes).safeParse(JSON.parse(strFromU8(raw)))
        if (!notes.success) return { ok: false, error: DAMAGED }
        privateNotes = notes.data
      } catch {
        return { ok: false, error: DAMAGED }
      }
    }
    spaces.push({ id: s.id, kind: s.kind, name: s.name, key: s.key, status: s.status, ...(s.rekey ? { rekey: s.rekey } : {}), documents, privateNotes })
  }
  return { ok: true, backup: { app: manifest.app, identity: manifest.identity ?? null, createdAt: manifest.createdAt, newerFormat: manifest.version > BACKUP_FORMAT_VERSION, spaces } }
}

/** Every file of the archive as text (the readable files, README, manifest), for tests and previews. */
export function listArchive(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (!name.endsWith('.yjs')) out[name] = strFromU8(data)
  return out
}
