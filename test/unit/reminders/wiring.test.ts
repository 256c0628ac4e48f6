import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * index.ts cannot run without the Electron binary; these checks pin how it wires the reminder
 * service (each part is tested on its own in this folder).
 */
const MAIN = resolve(import.meta.dirname, '../../../electron/main')
const index = readFileSync(join(MAIN, 'index.ts'), 'utf8')

describe('reminders in electron/main/index.ts', () => {
  it('keeps electron out of the reminders folder', () => {
    for (const file of readdirSync(join(MAIN, 'reminders'))) {
      expect(readFileSync(join(MAIN, 'reminders', file), 'utf8')).not.toMatch(/from 'electron'/)
    }
  })

  it('runs the service on the system clock, a JSON file in userData and Electron notifications', () => {
    expect(index).toContain("new JsonFileStore(path.join(app.getPath('userData'), 'reminders.json')")
    expect(index).toContain('clock = systemClock()')
    expect(index).toContain('createElectronNotifier({ isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) }, log)')
    expect(index).toContain('void reminders.start()')
  })

  it('looks again after sleep and when the screen is unlocked', () => {
    expect(index).toContain("powerMonitor.on('resume', () => void reminders?.check())")
    expect(index).toContain("powerMonitor.on('unlock-screen', () => void reminders?.check())")
  })

  it('opens a clicked reminder through the deep-link inbox and focuses the window', () => {
    expect(index).toMatch(/open: \(link\) => \{\s+deepLinks\.receive\(openLinkOf\(link\)\)\s+focusWindow\(\)/)
  })

  it('answers the reminder channels of the contract and tells the window of missed reminders', () => {
    expect(index).toContain('...reminderHandlers(reminderService)')
    expect(index).toContain("mainWindow?.webContents.send('reminders:missed', parseEvent('reminders:missed', { missed }))")
  })

  it('sets the Windows AppUserModelID (the build’s appId) and stops the timers on quit', () => {
    expect(index).toContain("if (process.platform === 'win32') app.setAppUserModelId(WINDOWS_APP_USER_MODEL_ID)")
    expect(index).toContain('reminders?.dispose()')
  })
})
