import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { NoKeyReason } from '../../shared/storage/keyProtection.ts'
import type { InvokeHandlers } from './ipc.ts'

/**
 * The storage key (issue 10 #19): 32 random bytes with which the renderer wraps the secrets it
 * keeps in IndexedDB (space keys, its box key: renderer/src/core/database/secrets.ts). Main keeps
 * it in `storage-key.bin` in userData, encrypted with Electron's `safeStorage` — the operating
 * system's protection (macOS Keychain, Windows DPAPI, the Secret Service or KWallet on Linux) —
 * so the database alone, copied off the machine or read by another user, does not give the keys.
 * What it does not protect against: a process running as this user on this machine (it can ask
 * the keychain, or read the renderer's memory).
 *
 * States, as the renderer is told (`storage:key`):
 *   protected    the key, from the file or made now and written (temp file, fsync, rename)
 *   unavailable  the OS offers no protection (Linux without a keyring: safeStorage falls back to
 *                'basic_text', a fixed key, which is no protection) — no key: secrets stay as they are
 *   failed       a stored key could not be decrypted (another user's or machine's keychain, a
 *                reset keyring, a damaged file): no key, and the file is left untouched so that
 *                nothing is lost if the keyring comes back
 * with a `reason` (shared/storage/keyProtection.ts) from which Settings says what to do.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only in Electron; 'basic_text' means no real protection */
  getSelectedStorageBackend?(): string
}

export interface KeyFile {
  read(): Promise<Buffer | null>
  /** written whole or not at all */
  write(data: Buffer): Promise<void>
}

export type StorageKeyState =
  | { state: 'protected'; key: string; created: boolean }
  | { state: 'unavailable'; key: null; reason: NoKeyReason; detail: string }
  | { state: 'failed'; key: null; reason: NoKeyReason; detail: string }

const KEY_BYTES = 32
const FORMAT = 'tandem-storage-key-1:'

export class StorageKeyService {
  private pending: Promise<StorageKeyState> | null = null

  constructor(
    private readonly safe: SafeStorageLike,
    private readonly file: KeyFile,
    private readonly platform: string,
    private readonly random: (n: number) => Buffer = randomBytes
  ) {}

  /** The same answer for the life of the process (the key is read or made once). */
  get(): Promise<StorageKeyState> {
    this.pending ??= this.load()
    return this.pending
  }

  private protectionMissing(): { reason: NoKeyReason; detail: string } | null {
    const linux = this.platform === 'linux'
    if (!this.safe.isEncryptionAvailable()) {
      return linux
        ? { reason: 'no-keyring', detail: 'no keyring (GNOME Keyring, KWallet) is available, so the system cannot protect the key' }
        : { reason: 'no-encryption', detail: 'this system offers no encrypted storage to Tandem' }
    }
    const backend = linux ? this.safe.getSelectedStorageBackend?.() : undefined
    if (backend === 'basic_text' || backend === 'unknown') {
      return { reason: 'no-keyring', detail: 'no keyring (GNOME Keyring, KWallet) is running, so the system cannot protect the key' }
    }
    return null
  }

  private async load(): Promise<StorageKeyState> {
    const stored = await this.file.read()
    const missing = this.protectionMissing()
    if (stored) {
      if (missing) return { state: 'failed', key: null, reason: missing.reason, detail: `The stored key cannot be opened: ${missing.detail}.` }
      try {
        const text = this.safe.decryptString(stored)
        if (!text.startsWith(FORMAT)) throw new Error('not a storage key')
        const key = Buffer.from(text.slice(FORMAT.length), 'base64url')
        if (key.length !== KEY_BYTES) throw new Error('not a storage key')
        return { state: 'protected', key: key.toString('base64url'), created: false }
      } catch (err) {
        return { state: 'failed', key: null, reason: 'cannot-open', detail: `The stored key cannot be opened (${(err as Error).message}).` }
      }
    }
    if (missing) return { state: 'unavailable', key: null, ...missing }
    const key = this.random(KEY_BYTES)
    const refused = (why: string): StorageKeyState => ({ state: 'unavailable', key: null, reason: 'keychain-refused', detail: `the system keyring ${why}` })
    let encrypted: Buffer
    try {
      encrypted = this.safe.encryptString(FORMAT + key.toString('base64url'))
      // check the round trip before anything is wrapped with it
      if (this.safe.decryptString(encrypted) !== FORMAT + key.toString('base64url')) return refused('did not give back what it stored')
    } catch (err) {
      // a locked keyring whose prompt was dismissed, for one
      return refused(`refused to store the key (${(err as Error).message})`)
    }
    await this.file.write(encrypted)
    return { state: 'protected', key: key.toString('base64url'), created: true }
  }
}

/** The key file on disk: written to a temp file, fsynced, then renamed over the old one. */
export function nodeKeyFile(path: string): KeyFile {
  return {
    async read() {
      try {
        return await readFile(path)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw err
      }
    },
    async write(data) {
      await mkdir(dirname(path), { recursive: true })
      const temp = `${path}.part`
      const handle = await open(temp, 'w', 0o600)
      try {
        await handle.writeFile(data)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, path)
    }
  }
}

export function storageKeyHandlers(service: StorageKeyService): Pick<InvokeHandlers, 'storage:key'> {
  return {
    'storage:key': async () => {
      const s = await service.get()
      return s.state === 'protected' ? { state: s.state, key: s.key } : { state: s.state, key: null, reason: s.reason, detail: s.detail }
    }
  }
}
