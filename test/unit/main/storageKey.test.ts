import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeKeyFile, StorageKeyService, storageKeyHandlers, type KeyFile, type SafeStorageLike } from '../../../electron/main/storageKey.ts'
import { parseResponse } from '../../../shared/ipc/contract.ts'

/** A stand-in for Electron's safeStorage: reversible only with its own secret, like a keychain entry. */
class FakeSafeStorage implements SafeStorageLike {
  constructor(
    private readonly secret = 'keychain-1',
    private readonly available = true,
    private readonly backend = 'gnome_libsecret'
  ) {}
  isEncryptionAvailable() {
    return this.available
  }
  getSelectedStorageBackend() {
    return this.backend
  }
  encryptString(plain: string): Buffer {
    return Buffer.from(`${this.secret}|${Buffer.from(plain).toString('base64')}`)
  }
  decryptString(encrypted: Buffer): string {
    const [secret, body] = encrypted.toString().split('|')
    if (secret !== this.secret || body === undefined) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    return Buffer.from(body, 'base64').toString()
  }
}

function memoryFile(initial: Buffer | null = null): KeyFile & { data: Buffer | null; writes: number } {
  const f = {
    data: initial,
    writes: 0,
    read: () => Promise.resolve(f.data),
    write: (d: Buffer) => {
      f.data = d
      f.writes++
      return Promise.resolve()
    }
  }
  return f
}

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('the storage key under safeStorage (electron/main/storageKey.ts)', () => {
  it('makes a key once, stores it only encrypted, and gives the same key on the next start', async () => {
    const file = memoryFile()
    const first = await new StorageKeyService(new FakeSafeStorage(), file, 'linux').get()
    expect(first).toMatchObject({ state: 'protected', created: true })
    const key = first.key!
    expect(Buffer.from(key, 'base64url')).toHaveLength(32)
    expect(file.data!.toString()).not.toContain(key)
    const again = await new StorageKeyService(new FakeSafeStorage(), file, 'linux').get()
    expect(again).toEqual({ state: 'protected', key, created: false })
    expect(file.writes).toBe(1)
  })

  it('answers the same within one process (one read, one key)', async () => {
    const file = memoryFile()
    const service = new StorageKeyService(new FakeSafeStorage(), file, 'darwin')
    const [a, b] = await Promise.all([service.get(), service.get()])
    expect(a).toBe(b)
    expect(file.writes).toBe(1)
  })

  it('offers no key where the system cannot protect it (no keyring on Linux, or none at all)', async () => {
    for (const safe of [new FakeSafeStorage('k', false), new FakeSafeStorage('k', true, 'basic_text')]) {
      const file = memoryFile()
      const s = await new StorageKeyService(safe, file, 'linux').get()
      expect(s.state).toBe('unavailable')
      expect(s.key).toBeNull()
      expect(file.writes).toBe(0)
    }
    // basic_text is a Linux backend name only; elsewhere availability decides
    expect((await new StorageKeyService(new FakeSafeStorage('k', true, 'basic_text'), memoryFile(), 'win32').get()).state).toBe('protected')
  })

  it('says why there is no key, so that the page can say what to do (no keyring on Linux, none elsewhere, a keychain that refuses)', async () => {
    const answer = async (safe: SafeStorageLike, platform: string, file = memoryFile()) => {
      const handlers = storageKeyHandlers(new StorageKeyService(safe, file, platform))
      return parseResponse('storage:key', await handlers['storage:key'](undefined))
    }
    // Linux without a keyring: safeStorage's fixed-password backend, or no encryption at all
    for (const backend of ['basic_text', 'unknown']) {
      expect(await answer(new FakeSafeStorage('k', true, backend), 'linux')).toMatchObject({ state: 'unavailable', key: null, reason: 'no-keyring' })
    }
    expect(await answer(new FakeSafeStorage('k', false), 'linux')).toMatchObject({ state: 'unavailable', reason: 'no-keyring' })
    expect(await answer(new FakeSafeStorage('k', false), 'darwin')).toMatchObject({ state: 'unavailable', reason: 'no-encryption' })
    // a keyring that is there: protected, whichever it is
    for (const backend of ['gnome_libsecret', 'kwallet5', 'kwallet6']) {
      expect((await answer(new FakeSafeStorage('k', true, backend), 'linux')).state).toBe('protected')
    }
    // a keychain that throws (a locked keyring whose prompt was dismissed) or gives back something else
    const throwing = new FakeSafeStorage()
    throwing.encryptString = () => {
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString.')
    }
    const file = memoryFile()
    expect(await answer(throwing, 'linux', file)).toMatchObject({ state: 'unavailable', reason: 'keychain-refused' })
    const forgetful = new FakeSafeStorage()
    forgetful.decryptString = () => 'something else'
    expect(await answer(forgetful, 'win32', file)).toMatchObject({ state: 'unavailable', reason: 'keychain-refused' })
    expect(file.writes).toBe(0)
    // a stored key: the keyring gone (Linux) or another keychain
    const stored = memoryFile()
    await new StorageKeyService(new FakeSafeStorage('keychain-1'), stored, 'linux').get()
    expect(await answer(new FakeSafeStorage('keychain-1', true, 'basic_text'), 'linux', stored)).toMatchObject({ state: 'failed', reason: 'no-keyring' })
    expect(await answer(new FakeSafeStorage('keychain-2'), 'linux', stored)).toMatchObject({ state: 'failed', reason: 'cannot-open' })
  })

  it('fails without touching the file when a stored key cannot be opened (another keychain, damage)', async () => {
    const file = memoryFile()
    await new StorageKeyService(new FakeSafeStorage('keychain-1'), file, 'darwin').get()
    const stored = file.data
    const other = await new StorageKeyService(new FakeSafeStorage('keychain-2'), file, 'darwin').get()
    expect(other).toMatchObject({ state: 'failed', key: null })
    expect(file.data).toBe(stored)
    const damaged = memoryFile(Buffer.from('keychain-1|' + Buffer.from('something else').toString('base64')))
    expect(await new StorageKeyService(new FakeSafeStorage('keychain-1'), damaged, 'darwin').get()).toMatchObject({ state: 'failed' })
    // a stored key while the keyring is gone: failed (not a new key over the old one)
    const gone = await new StorageKeyService(new FakeSafeStorage('keychain-1', false), file, 'linux').get()
    expect(gone.state).toBe('failed')
    expect(file.data).toBe(stored)
  })

  it('answers over the IPC contract, and the file on disk is written whole (temp, rename) with mode 600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-key-'))
    dirs.push(dir)
    const path = join(dir, 'sub', 'storage-key.bin')
    const handlers = storageKeyHandlers(new StorageKeyService(new FakeSafeStorage(), nodeKeyFile(path), 'linux'))
    const answer = parseResponse('storage:key', await handlers['storage:key'](undefined))
    expect(answer.state).toBe('protected')
    expect(existsSync(`${path}.part`)).toBe(false)
    expect(readFileSync(path).toString()).not.toContain(answer.key!)
    const { statSync } = await import('node:fs')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const none = storageKeyHandlers(new StorageKeyService(new FakeSafeStorage('k', false), memoryFile(), 'linux'))
    expect(parseResponse('storage:key', await none['storage:key'](undefined))).toMatchObject({ state: 'unavailable', key: null })
  })
})
