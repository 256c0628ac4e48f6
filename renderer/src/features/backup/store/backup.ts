import { buildArchive, backupFileName, readArchive, type BackupSpace, type ReadBackup } from '@shared/backup/archive.ts'
import { readableFiles } from '@shared/backup/readable.ts'
import { BACKUP_KDF, isSealed, openSeal, seal } from '@shared/backup/seal.ts'
import { exportIcs } from '@shared/sprint/ics.ts'
import { currentSprint } from '@shared/sprint/sprintDays.ts'
import * as Y from 'yjs'
import { db, type IdentityRow, type SpaceRow } from '@core/database/db.ts'
import { adoptIdentity } from '@core/device/adoptIdentity.ts'
import { bindDocument, documentIdentity } from '@core/documents/index.ts'
import { sealsChecked } from '@core/collections/index.ts'
import {
  ensureSpaceFromBackup,
  isReadableState,
  mergeDocumentState,
  mergePrivateNotes,
  privateNotesOf,
  readDocumentState,
  recordSelf,
  spaceDocumentKeys,
  supportedLayout
} from '@core/spaces/spaceArchive.ts'
import { readSprintSetup } from '@features/sprint/index.ts'
import { journalMarkdown, PAIR_DOC_KEY } from '@features/mentorship/index.ts'
import { boardExportsOf } from '@features/retro/index.ts'
import { documentContent } from './content.ts'

/**
 * Export and restore (issue 14). An export reads every document of each chosen space as its whole
 * Yjs state, renders it readable (shared/backup/readable.ts, plus an .ics of a team's or org's
 * sprint ceremonies) and zips it (shared/backup/archive.ts), sealed with a passphrase when given
 * (shared/backup/seal.ts). A restore opens, checks everything, and only then merges each
 * document (Y.applyUpdate): a damaged or wrong-passphrase file changes nothing.
 */
export interface Progress {
  done: number
  total: number
  /** what is being read or merged now */
  label: string
}

export interface ExportOptions {
  spaceIds: readonly string[]
  privateNotes: boolean
  /** empty: not sealed */
  passphrase: string
  app: string
  identity?: IdentityRow | null
  onProgress?: (p: Progress) => void
}

/** Lets the page paint the progress between documents of a big space. */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0))

/**
 * A stored document's state in a document of its own, for reading: it carries the stored one's
 * identity, so the records sealed there read here (their seals name it: core/documents/identity.ts),
 * and resolves once their seals are checked (a record still being checked would be left out).
 */
async function documentOf(spaceId: string, key: string | null, state: Uint8Array, docs: Y.Doc[]): Promise<Y.Doc> {
  const doc = new Y.Doc()
  docs.push(doc)
  bindDocument(doc, documentIdentity(spaceId, key))
  Y.applyUpdate(doc, state)
  await sealsChecked(doc)
  return doc
}

/** A pair's journal as the program's Markdown (the same as its Export Markdown). */
async function programJournal(spaceId: string, key: string | null, state: Uint8Array): Promise<{ path: string; text: string; what: string } | null> {
  if (key !== PAIR_DOC_KEY) return null
  const docs: Y.Doc[] = []
  try {
    const doc = await documentOf(spaceId, key, state, docs)
    return { path: 'journal-program.md', text: journalMarkdown(doc), what: "the pair's journal in the program's Markdown structure (sessions, directions, joint projects), as Export Markdown writes it" }
  } catch {
    // a journal this app cannot read as one: its generic rendering above still has everything
    return null
  } finally {
    for (const d of docs) d.destroy()
  }
}

/** A team's retro board in its own Markdown and CSV exports (what any member sees). */
async function retroBoard(space: SpaceRow, key: string | null, state: Uint8Array, root: Uint8Array | null): Promise<{ path: string; text: string; what: string }[]> {
  const sprint = key === null ? null : /^sprint\/(\d{1,6})$/.exec(key)?.[1]
  if (space.kind !== 'team' || !sprint) return []
  const docs: Y.Doc[] = []
  try {
    const doc = await documentOf(space.id, key, state, docs)
    const rootDoc = root ? await documentOf(space.id, null, root, docs) : null
    const out = boardExportsOf(doc, rootDoc)
    if (!out) return []
    return [
      { path: `retro-board-sprint-${sprint}.md`, text: out.markdown, what: `the retrospective board of sprint ${sprint}, as its Export Markdown writes it` },
      { path: `retro-board-sprint-${sprint}.csv`, text: out.csv, what: `the cards of the sprint ${sprint} board, one row each, as its Export CSV writes it` }
    ]
  } catch {
    // a board this app cannot read as one: the generic rendering above still has everything
    return []
  } finally {
    for (const d of docs) d.destroy()
  }
}

function scheduleIcs(space: SpaceRow, root: Uint8Array): { path: string; text: string; what: string } | null {
  if (space.kind === 'pair') return null
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, root)
    const setup = readSprintSetup(doc)
    const cadence = setup.composed
    if (!cadence) return null
    const teams = cadence.teams
    const team = space.kind === 'team' ? (teams.find((t) => t.id === setup.link?.teamId) ?? teams[0]) : undefined
    const current = currentSprint(cadence.cadence, new Date().toISOString().slice(0, 10))
    const text = exportIcs(cadence.cadence, {
      teams,
      ...(team ? { teamId: team.id } : {}),
      fromSprint: Math.max(1, current - 2),
      toSprint: current + 6,
      orgId: space.id,
      calendarName: `${space.name} · sprint ceremonies`
    })
    return { path: 'sprint-ceremonies.ics', text, what: 'the sprint ceremonies of the last 2 and next 6 sprints (iCalendar, for any calendar app)' }
  } catch {
    // no cadence set up, or one this app cannot schedule: no calendar in the export
    return null
  } finally {
    doc.destroy()
  }
}

export async function exportSpaces(options: ExportOptions): Promise<{ bytes: Uint8Array; fileName: string; documents: number }> {
  const rows: SpaceRow[] = []
  for (const id of options.spaceIds) {
    const row = await db().spaces.get(id)
    if (row) rows.push(row)
  }
  if (!rows.length) throw new Error('There is no space to export on this device.')
  const keysBySpace = new Map<string, (string | null)[]>()
  for (const r of rows) keysBySpace.set(r.id, await spaceDocumentKeys(r.id))
  const total = [...keysBySpace.values()].reduce((n, k) => n + k.length, 0)
  let done = 0
  const spaces: BackupSpace[] = []
  for (const row of rows) {
    const documents: BackupSpace['documents'] = []
    const readable: BackupSpace['readable'] = []
    let root: Uint8Array | null = null
    for (const key of keysBySpace.get(row.id)!) {
      options.onProgress?.({ done, total, label: `${row.name}: ${key ?? 'space'}` })
      await breathe()
      const state = await readDocumentState(row.id, key)
      done++
      if (!state) continue
      documents.push(state)
      readable.push(...readableFiles(row.name, documentContent(key, state.state)))
      if (key === null) {
        root = state.state
        const ics = scheduleIcs(row, state.state)
        if (ics) readable.push(ics)
      }
      readable.push(...(await retroBoard(row, key, state.state, root)))
      const journal = await programJournal(row.id, key, state.state)
      if (journal) readable.push(journal)
    }
    const notes = options.privateNotes ? (await privateNotesOf(row.id)).map(({ id, topic, text, updatedAt }) => ({ id, topic, text, updatedAt })) : undefined
    const rekey = row.keyRecord && row.keyEpoch ? { rekey: { record: row.keyRecord, epoch: row.keyEpoch } } : {}
    spaces.push({ id: row.id, kind: row.kind, name: row.name, key: row.key, status: row.status, ...rekey, documents, readable, privateNotes: notes })
  }
  options.onProgress?.({ done: total, total, label: options.passphrase ? 'Sealing with your passphrase' : 'Writing the file' })
  await breathe()
  const now = new Date()
  const me = options.identity
  let bytes = buildArchive({ app: options.app, createdAt: now.getTime(), spaces, identity: me ? { id: me.deviceId, name: me.name, color: me.color, ...(me.secretKey ? { secretKey: me.secretKey } : {}) } : undefined })
  if (options.passphrase) bytes = await seal(bytes, options.passphrase, BACKUP_KDF)
  return { bytes, fileName: backupFileName(rows, now), documents: total }
}

export type OpenedBackup = { ok: true; backup: ReadBackup } | { ok: false; needsPassphrase: boolean; error: string }

/** Opens a backup file's bytes (with the passphrase when it is sealed); never throws. */
export async function openBackup(bytes: Uint8Array, passphrase: string): Promise<OpenedBackup> {
  let plain = bytes
  if (isSealed(bytes)) {
    if (!passphrase) return { ok: false, needsPassphrase: true, error: 'This backup is protected with a passphrase: enter it to restore.' }
    const opened = await openSeal(bytes, passphrase)
    if (!opened.ok) {
      return {
        ok: false,
        needsPassphrase: opened.reason === 'wrong-passphrase',
        error:
          opened.reason === 'wrong-passphrase'
            ? 'The passphrase does not open this backup (or the file was damaged on the way). Nothing was restored.'
            : opened.reason === 'unsupported'
              ? 'This backup was sealed by a newer version of Tandem. Update Tandem to restore it. Nothing was restored.'
              : 'This backup file is damaged or incomplete. Nothing was restored; try another copy of it.'
      }
    }
    plain = opened.bytes
  }
  const read = readArchive(plain)
  if (!read.ok) return { ok: false, needsPassphrase: false, error: read.error }
  return { ok: true, backup: read.backup }
}

export interface RestoreReport {
  spaces: { id: string; name: string; added: boolean; changedDocuments: number; documents: number; privateNotes: number; error?: string }[]
  /** documents whose layout is newer than this app's: they open read-only */
  newerDocuments: number
  newerFormat: boolean
  /** this device had no space and became the person who made the backup (their name) */
  becamePerson: string | null
}

/**
 * Merges a backup into this device: each space is added when absent (same id and key) and each of
 * its documents merged; a space held here with another key is skipped with a message. Every state
 * is checked to be readable before anything is merged.
 */
export async function restoreBackup(backup: ReadBackup, current: IdentityRow, onProgress?: (p: Progress) => void): Promise<RestoreReport> {
  for (const s of backup.spaces) for (const d of s.documents) if (!isReadableState(d.state)) throw new Error('This backup file is damaged: one of its documents cannot be read. Nothing was restored.')
  const total = backup.spaces.reduce((n, s) => n + s.documents.length, 0)
  let done = 0
  let newerDocuments = 0
  const report: RestoreReport = { spaces: [], newerDocuments: 0, newerFormat: backup.newerFormat, becamePerson: null }
  // a device with no space yet (a new or cleared profile) becomes the person who made the backup,
  // so they are the same member of their spaces again, not a newcomer
  let me = current
  if (backup.identity && backup.identity.id !== current.deviceId && (await db().spaces.count()) === 0) {
    me = await adoptIdentity(backup.identity)
    report.becamePerson = me.name
  }
  for (const space of backup.spaces) {
    const entry: RestoreReport['spaces'][number] = { id: space.id, name: space.name, added: false, changedDocuments: 0, documents: space.documents.length, privateNotes: 0 }
    report.spaces.push(entry)
    try {
      entry.added = await ensureSpaceFromBackup(space)
    } catch (e) {
      entry.error = e instanceof Error ? e.message : String(e)
      done += space.documents.length
      continue
    }
    for (const d of space.documents) {
      onProgress?.({ done, total, label: `${space.name}: ${d.key ?? 'space'}` })
      await breathe()
      const supported = supportedLayout(d.key)
      if (supported !== null && d.layout > supported) newerDocuments++
      if (await mergeDocumentState(space.id, d.key, d.state)) entry.changedDocuments++
      done++
    }
    if (entry.added) await recordSelf(space.id, me)
    if (space.privateNotes) entry.privateNotes = await mergePrivateNotes(space.id, space.privateNotes)
  }
  report.newerDocuments = newerDocuments
  onProgress?.({ done: total, total, label: 'Done' })
  return report
}

/** Every space on this device, for "Back up everything". */
export async function allSpaceIds(): Promise<string[]> {
  // not an observer's copy of a team: restored, it would be a team space no member answers
  return (await db().spaces.toArray())
    .filter((r) => r.access !== 'observer')
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((r) => r.id)
}
