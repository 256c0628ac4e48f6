import { BACKUP_LIMITS } from '@shared/backup/archive.ts'
import { formatBytes } from '@shared/storage/usage.ts'

/** Saves bytes as a file the user keeps, through the browser's download (nothing is sent anywhere). */
export function downloadBytes(fileName: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** A chosen file's bytes, refused before reading when it is larger than any backup Tandem reads. */
export async function readBackupFile(file: File): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
  if (file.size > BACKUP_LIMITS.fileBytes) {
    return { ok: false, error: `${file.name} is too large to be a Tandem backup (${formatBytes(file.size)}; at most ${formatBytes(BACKUP_LIMITS.fileBytes)}).` }
  }
  try {
    return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) }
  } catch {
    return { ok: false, error: `${file.name} could not be read.` }
  }
}
