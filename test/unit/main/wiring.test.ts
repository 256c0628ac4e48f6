import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * index.ts needs the Electron binary, so it cannot run here. It is kept to wiring: each decision
 * lives in a module tested on its own. These checks pin the wiring, so that a refactor cannot
 * quietly drop a handler or go around a policy.
 */
const MAIN = resolve(import.meta.dirname, '../../../electron/main')
const index = readFileSync(join(MAIN, 'index.ts'), 'utf8')
const count = (text: string, needle: string) => text.split(needle).length - 1

describe('electron/main/index.ts wiring', () => {
  it('is the only main-process file that imports electron', () => {
    const importers = readdirSync(MAIN)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from 'electron'/.test(readFileSync(join(MAIN, f), 'utf8')))
    expect(importers).toEqual(['index.ts'])
  })

  it('installs the permission handlers and the WebSocket guard on the session', () => {
    expect(index).toContain('installPermissionHandlers(session.defaultSession, trustedOrigins, log)')
    expect(index).toContain('installWebSocketGuard(session.defaultSession.webRequest, log)')
  })

  it('decides the renderer URL and the trusted dev origin in one place, from app.isPackaged', () => {
    expect(count(index, 'process.env.ELECTRON_RENDERER_URL')).toBe(1)
    expect(index).toContain('resolveRendererSource({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL })')
    expect(count(index, '.loadURL(')).toBe(1)
    expect(index).toContain('.loadURL(renderer.url)')
    expect(index).not.toMatch(/loadFile\(|file:\/\//)
    expect(index).toContain('isTrustedSender(frameUrl, renderer.devOrigin)')
  })

  it('opens links only through the confirming opener', () => {
    expect(count(index, 'shell.openExternal(')).toBe(1)
    expect(index).toContain('open: (href) => shell.openExternal(href)')
    expect(index).toContain('dialog.showMessageBox(')
    expect(index).toContain("'shell:open-external': async ({ url }) => {\n        await openLink(url)")
  })

  it('writes scheduled backups only into the folder chosen in the native dialog', () => {
    expect(index).toContain('...backupFolderHandlers(startBackupFolder())')
    expect(index).toContain('dialog.showOpenDialog(mainWindow, options)')
  })

  it('keeps the storage key under safeStorage in userData (issue 10 #19)', () => {
    expect(index).toContain("storageKeyHandlers(new StorageKeyService(safeStorage, nodeKeyFile(path.join(app.getPath('userData'), 'storage-key.bin')), process.platform))")
  })

  it('hardens every web contents, not only the main window', () => {
    expect(index).toContain("app.on('web-contents-created', (_event, contents) => hardenContents(contents, openLinkLater))")
    expect(index).toContain('webPreferences: secureWebPreferences(')
  })
})
