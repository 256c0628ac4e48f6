import { describe, expect, it, vi } from 'vitest'
import {
  ALLOWED_PERMISSIONS,
  installPermissionHandlers,
  isPermissionAllowed,
  type PermissionSession
} from '../../../electron/main/permissions.ts'
import { APP_ORIGIN } from '../../../electron/main/security.ts'

const PACKAGED = [APP_ORIGIN]
const DEVELOPMENT = [APP_ORIGIN, 'http://localhost:5173']

const DENIED_EVERYWHERE = [
  'media',
  'display-capture',
  'geolocation',
  'geolocation-approximate',
  'clipboard-read',
  'deprecated-sync-clipboard-read',
  'openExternal',
  'fullscreen',
  'pointerLock',
  'keyboardLock',
  'midi',
  'midiSysex',
  'hid',
  'usb',
  'serial',
  'idle-detection',
  'fileSystem',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'persistent-storage',
  'local-fonts',
  'sensors',
  'unknown',
  'something-new-tomorrow'
]

const allowed = (permission: string, requestingOrigin: string | undefined, trusted = PACKAGED, embeddingOrigin?: string) =>
  isPermissionAllowed({ permission, requestingOrigin, embeddingOrigin }, trusted)

describe('isPermissionAllowed', () => {
  it('allows only what the app uses', () => {
    expect([...ALLOWED_PERMISSIONS].sort()).toEqual(
      ['clipboard-sanitized-write', 'local-network', 'local-network-access', 'loopback-network', 'notifications'].sort()
    )
  })

  it.each([...ALLOWED_PERMISSIONS])('allows %s to the app itself (origin or any of its URLs)', (permission) => {
    expect(allowed(permission, 'app://tandem')).toBe(true)
    expect(allowed(permission, 'app://tandem/')).toBe(true)
    expect(allowed(permission, 'app://tandem/index.html#/spaces/x')).toBe(true)
  })

  it.each(DENIED_EVERYWHERE)('denies %s, even to the app itself', (permission) => {
    expect(allowed(permission, 'app://tandem/')).toBe(false)
    expect(allowed(permission, 'http://localhost:5173/', DEVELOPMENT)).toBe(false)
    expect(allowed(permission, 'https://evil.example/')).toBe(false)
  })

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'app://tandem.evil.example/',
    'app://evil/',
    'file:///home/me/page.html',
    'data:text/html,<script>1</script>',
    'null',
    '',
    undefined
  ])('denies notifications and clipboard writes to %j', (origin) => {
    expect(allowed('notifications', origin)).toBe(false)
    expect(allowed('clipboard-sanitized-write', origin)).toBe(false)
    expect(allowed('local-network-access', origin)).toBe(false)
  })

  it('allows the dev server only when it is a trusted origin (development)', () => {
    expect(allowed('notifications', 'http://localhost:5173/', DEVELOPMENT)).toBe(true)
    expect(allowed('notifications', 'http://localhost:5173/', PACKAGED)).toBe(false)
    expect(allowed('notifications', 'http://localhost:5174/', DEVELOPMENT)).toBe(false)
  })

  it('denies a frame of ours embedded in a foreign page', () => {
    expect(allowed('notifications', 'app://tandem/', PACKAGED, 'https://evil.example')).toBe(false)
    expect(allowed('notifications', 'app://tandem/', PACKAGED, 'app://tandem')).toBe(true)
    expect(allowed('notifications', 'app://tandem/', PACKAGED, '')).toBe(true)
  })
})

describe('installPermissionHandlers', () => {
  function setup(trusted = PACKAGED) {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined
    const session: PermissionSession = {
      setPermissionRequestHandler: (handler) => void (request = handler),
      setPermissionCheckHandler: (handler) => void (check = handler)
    }
    const log = { warn: vi.fn() }
    installPermissionHandlers(session, trusted, log)
    const ask = (permission: string, pageUrl: string, requestingUrl: string | undefined = pageUrl) => {
      const callback = vi.fn()
      request!({ getURL: () => pageUrl }, permission, callback, requestingUrl === undefined ? {} : { requestingUrl })
      expect(callback).toHaveBeenCalledOnce()
      return callback.mock.calls[0]![0] as boolean
    }
    const checkFor = (permission: string, origin: string, details: { embeddingOrigin?: string } = {}) =>
      check!(null, permission, origin, details)
    return { ask, checkFor, log }
  }

  it('installs both handlers, and they agree', () => {
    const { ask, checkFor } = setup()
    expect(ask('notifications', 'app://tandem/index.html')).toBe(true)
    expect(checkFor('notifications', 'app://tandem')).toBe(true)
    expect(ask('media', 'app://tandem/index.html')).toBe(false)
    expect(checkFor('media', 'app://tandem')).toBe(false)
    expect(ask('geolocation', 'https://evil.example/')).toBe(false)
    expect(checkFor('geolocation', 'https://evil.example')).toBe(false)
    expect(ask('clipboard-read', 'app://tandem/')).toBe(false)
    expect(checkFor('clipboard-read', 'app://tandem')).toBe(false)
    expect(ask('openExternal', 'app://tandem/')).toBe(false)
    expect(checkFor('openExternal', 'app://tandem')).toBe(false)
  })

  it('judges a request by the frame that asks, falling back to the page', () => {
    const { ask } = setup()
    expect(ask('notifications', 'app://tandem/', 'https://evil.example/frame')).toBe(false)
    expect(ask('notifications', 'app://tandem/', undefined)).toBe(true)
    expect(ask('notifications', 'https://evil.example/', undefined)).toBe(false)
  })

  it('denies a check from a foreign embedder', () => {
    const { checkFor } = setup()
    expect(checkFor('notifications', 'app://tandem', { embeddingOrigin: 'https://evil.example' })).toBe(false)
  })

  it('logs denied requests (not checks, which Chromium makes all the time)', () => {
    const { ask, checkFor, log } = setup()
    ask('media', 'https://evil.example/x')
    checkFor('media', 'https://evil.example')
    expect(log.warn).toHaveBeenCalledExactlyOnceWith('permissions: denied media to https://evil.example')
  })
})
