import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TrayController, trayMenu, type TrayActions, type TrayLike, type TrayMenuItem } from '../../../electron/main/tray.ts'
import { TRAY_ICON_PNG_BASE64 } from '../../../electron/main/trayIcon.ts'
import { keepWindowPlacement, restoreBounds, DEFAULT_SIZE, MIN_SIZE, type Bounds, type TrackedWindow } from '../../../electron/main/windowState.ts'
import { onWindowClose, trayNotice, type CloseDeps } from '../../../electron/main/closeToTray.ts'
import { appMenuTemplate, SHORTCUTS, type MenuItemTemplate } from '../../../electron/main/appMenu.ts'
import { DesktopStateFile, DEFAULT_DESKTOP_STATE } from '../../../electron/main/desktopState.ts'
import type { ReminderEntry } from '@shared/reminders/entry.ts'
import type { ReminderView } from '@shared/reminders/schedule.ts'
import { APP_COMMANDS, type AppCommand } from '@shared/ipc/contract.ts'

/** The desktop shell's parts (tray, window placement, close to tray, menu, its state file), through fakes of Electron. */
const NOW = Date.parse('2026-03-24T10:00:00Z') // Tuesday 11:00 in Berlin

function entry(id: string, startsAt: number, title = 'Daily sync-up', groupLabel = 'Alpha'): ReminderEntry {
  return {
    id,
    kind: 'ceremony',
    ceremony: 'daily-sync-up',
    title,
    startsAt,
    durationMinutes: 15,
    timeSet: true,
    zone: 'Europe/Berlin',
    spaceId: 'alpha',
    link: `/space/alpha/sprint/6/ceremony/${id}`,
    groupId: 'alpha',
    groupLabel
  }
}

function view(next: ReminderEntry[], missed = 0): ReminderView {
  return {
    next: next.map((e) => ({ entry: e, remindAt: e.startsAt - 600_000 })),
    missed: Array.from({ length: missed }, (_, i) => ({ instance: `m${i}@1`, entry: entry(`m${i}`, NOW - 86_400_000), dueAt: NOW - 86_400_000, recordedAt: NOW })),
    shown: [],
    elsewhere: [],
    recovered: null
  }
}

function recordingActions() {
  const calls: string[] = []
  const actions: TrayActions = {
    show: () => void calls.push('show'),
    openMeeting: (link) => void calls.push(`open ${link}`),
    pauseForAnHour: () => void calls.push('pause'),
    quit: () => void calls.push('quit')
  }
  return { calls, actions }
}

describe('the tray menu', () => {
  const HOUR = 3_600_000
  const meetings = [entry('a', NOW + HOUR), entry('b', NOW + 25 * HOUR, 'Team retrospective'), entry('c', NOW + 50 * HOUR, 'Team sprint planning', 'Beta')]

  it('shows the next three meetings in the zone, then Open Tandem, Pause reminders for an hour, Quit', () => {
    const { actions } = recordingActions()
    const labels = trayMenu(view(meetings), NOW, 'Europe/Berlin', actions).map((i) => i.label ?? '—')
    expect(labels).toEqual([
      'Next meetings',
      '12:00  Daily sync-up · Alpha',
      'Tomorrow 12:00  Team retrospective · Alpha',
      'Thu 26 Mar 13:00  Team sprint planning · Beta',
      '—',
      'Open Tandem',
      'Pause reminders for an hour',
      '—',
      'Quit Tandem'
    ])
  })

  it('opens a meeting, the window, pauses and quits from its items', () => {
    const { calls, actions } = recordingActions()
    const items = trayMenu(view(meetings, 2), NOW, 'Europe/Berlin', actions)
    const click = (label: string) => items.find((i) => i.label === label)?.click?.()
    click('12:00  Daily sync-up · Alpha')
    click('2 missed reminders')
    click('Open Tandem')
    click('Pause reminders for an hour')
    click('Quit Tandem')
    expect(calls).toEqual(['open /space/alpha/sprint/6/ceremony/a', 'show', 'show', 'pause', 'quit'])
  })

  it('says when there is nothing ahead, and leaves out meetings that have started', () => {
    const { actions } = recordingActions()
    const items = trayMenu(view([entry('past', NOW - 1000)]), NOW, 'Europe/Berlin', actions)
    expect(items[0]).toEqual({ label: 'No meetings in the next 14 days', enabled: false })
  })

  it('rebuilds the menu only when it changes, and survives a view that throws', () => {
    const menus: TrayMenuItem[][] = []
    const listeners: (() => void)[] = []
    const fakeTray: TrayLike = {
      setToolTip: () => {},
      setContextMenu: (menu) => void menus.push(menu as TrayMenuItem[]),
      on: (_event, listener) => void listeners.push(listener),
      destroy: () => {}
    }
    let current = view(meetings)
    let broken = false
    const { calls, actions } = recordingActions()
    const tray = new TrayController({
      createTray: () => fakeTray,
      buildMenu: (items) => items,
      view: () => {
        if (broken) throw new Error('no view')
        return current
      },
      now: () => NOW,
      zone: () => 'Europe/Berlin',
      actions,
      platform: 'win32'
    })
    tray.start()
    tray.refresh()
    expect(menus).toHaveLength(1)
    current = view(meetings.slice(1))
    tray.refresh()
    expect(menus).toHaveLength(2)
    broken = true
    tray.refresh()
    expect(menus[2]?.map((i) => i.label)).toContain('Open Tandem')
    // Windows: a click on the icon opens the window
    listeners[0]?.()
    expect(calls).toEqual(['show'])
  })

  it('carries build/icons/32x32.png as its icon', () => {
    const file = readFileSync(resolve(import.meta.dirname, '../../../build/icons/32x32.png'))
    expect(Buffer.from(TRAY_ICON_PNG_BASE64, 'base64').equals(file)).toBe(true)
  })
})

describe('window placement', () => {
  const laptop: Bounds = { x: 0, y: 0, width: 1440, height: 875 }
  const external: Bounds = { x: 1440, y: 0, width: 2560, height: 1415 }

  it('opens at the default size, centred, the first time or when the saved value is not usable', () => {
    expect(restoreBounds(null, [laptop])).toEqual(DEFAULT_SIZE)
    expect(restoreBounds({ x: 'a', y: 0, width: 10, height: 10 }, [laptop])).toEqual(DEFAULT_SIZE)
    expect(restoreBounds({ x: NaN, y: 0, width: 900, height: 700 }, [laptop])).toEqual(DEFAULT_SIZE)
  })

  it('restores size and position on a screen that still shows it', () => {
    expect(restoreBounds({ x: 1600, y: 100, width: 1400, height: 900 }, [laptop, external])).toEqual({ x: 1600, y: 100, width: 1400, height: 900 })
  })

  it('centres a window whose screen is gone, at a size that fits the screens left', () => {
    expect(restoreBounds({ x: 1600, y: 100, width: 2400, height: 1300 }, [laptop])).toEqual({ width: 1440, height: 875 })
  })

  it('keeps the minimum size, and centres a window whose title bar is off every screen', () => {
    expect(restoreBounds({ x: 100, y: 100, width: 200, height: 100 }, [laptop])).toEqual({ x: 100, y: 100, ...MIN_SIZE })
    expect(restoreBounds({ x: 100, y: -400, width: 1000, height: 700 }, [laptop])).toEqual({ width: 1000, height: 700 })
  })

  it('saves the placement once a move settles, and at close; never while minimized', () => {
    const handlers = new Map<string, () => void>()
    let bounds: Bounds = { x: 10, y: 20, width: 1000, height: 700 }
    let minimized = false
    const win: TrackedWindow = {
      on: (event, listener) => void handlers.set(event, listener),
      getNormalBounds: () => bounds,
      isMaximized: () => false,
      isMinimized: () => minimized
    }
    const saved: unknown[] = []
    let pending: (() => void) | null = null
    keepWindowPlacement(win, {
      save: (p) => void saved.push(p),
      setTimer: (f) => {
        pending = f
        return () => (pending = null)
      }
    })
    handlers.get('move')?.()
    bounds = { ...bounds, x: 50 }
    handlers.get('move')?.()
    expect(saved).toEqual([])
    ;(pending as (() => void) | null)?.()
    expect(saved).toEqual([{ bounds: { x: 50, y: 20, width: 1000, height: 700 }, maximized: false }])
    minimized = true
    handlers.get('close')?.()
    expect(saved).toHaveLength(1)
    minimized = false
    handlers.get('close')?.()
    expect(saved).toHaveLength(2)
  })
})

describe('closing the window', () => {
  function deps(over: Partial<CloseDeps> = {}) {
    const log: string[] = []
    let shown = false
    const d: CloseDeps = {
      isQuitting: () => false,
      hasTray: () => true,
      hide: () => void log.push('hide'),
      noticeShown: () => shown,
      markNoticeShown: () => {
        shown = true
        log.push('mark')
      },
      showNotice: (n) => void log.push(`notice: ${n.message}`),
      platform: 'linux',
      ...over
    }
    return { d, log }
  }
  const event = () => {
    const e = { prevented: false, preventDefault: () => void (e.prevented = true) }
    return e
  }

  it('keeps Tandem in the tray, explaining it the first time only', () => {
    const { d, log } = deps()
    const first = event()
    expect(onWindowClose(first, d)).toBe('hidden')
    expect(first.prevented).toBe(true)
    expect(onWindowClose(event(), d)).toBe('hidden')
    expect(log).toEqual(['hide', 'mark', 'notice: Tandem keeps running in the tray so your reminders still arrive.', 'hide'])
  })

  it('closes when quitting, or when there is no tray to come back from', () => {
    for (const over of [{ isQuitting: () => true }, { hasTray: () => false }]) {
      const { d, log } = deps(over)
      const e = event()
      expect(onWindowClose(e, d)).toBe('quit')
      expect(e.prevented).toBe(false)
      expect(log).toEqual([])
    }
  })

  it('names the menu bar and Cmd+Q on macOS', () => {
    expect(trayNotice('darwin').detail).toContain('Cmd+Q')
    expect(trayNotice('darwin').message).toContain('menu bar')
    expect(trayNotice('win32').detail).toContain('Ctrl+Q')
  })
})

describe('the application menu', () => {
  function flatten(items: MenuItemTemplate[]): MenuItemTemplate[] {
    return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])])
  }

  for (const platform of ['darwin', 'linux', 'win32']) {
    it(`has every Tandem command with its shortcut, the usual roles and Quit (${platform})`, () => {
      const sent: AppCommand[] = []
      const calls: string[] = []
      const items = flatten(
        appMenuTemplate(platform, { command: (c) => void sent.push(c), show: () => void calls.push('show'), quit: () => void calls.push('quit') })
      )
      for (const command of APP_COMMANDS) {
        const item = items.find((i) => i.accelerator === SHORTCUTS[command])
        expect(item, command).toBeDefined()
        item?.click?.()
      }
      expect(sent).toEqual([...APP_COMMANDS])
      expect(calls.filter((c) => c === 'show')).toHaveLength(APP_COMMANDS.length)
      items.find((i) => i.label === 'Quit Tandem')?.click?.()
      expect(calls.at(-1)).toBe('quit')
      const roles = items.map((i) => i.role)
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'close', 'togglefullscreen', 'windowMenu']) expect(roles).toContain(role)
      expect(roles).not.toContain('toggleDevTools')
      const accelerators = items.map((i) => i.accelerator).filter(Boolean)
      expect(new Set(accelerators).size).toBe(accelerators.length)
    })
  }

  it('offers reload and developer tools only in development', () => {
    const roles = flatten(appMenuTemplate('linux', { command: () => {}, show: () => {}, quit: () => {} }, { dev: true })).map((i) => i.role)
    expect(roles).toContain('toggleDevTools')
  })
})

describe('the desktop state file', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'tandem-desktop-'))
  const quiet = { warn: () => {} }

  it('starts from the defaults, then keeps the placement and the notice across launches', async () => {
    const path = join(dir(), 'desktop-state.json')
    const first = new DesktopStateFile(path, quiet)
    expect(await first.load()).toEqual(DEFAULT_DESKTOP_STATE)
    await first.update({ window: { bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: true } })
    await first.update({ trayNoticeShown: true })
    expect(existsSync(`${path}.tmp`)).toBe(false)
    const again = await new DesktopStateFile(path, quiet).load()
    expect(again).toEqual({ version: 1, window: { bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: true }, trayNoticeShown: true })
  })

  it('reads a damaged or cut-short file as the defaults, with a warning', async () => {
    for (const text of ['{"version":1,"window":', 'garbage', '{"version":7}']) {
      const path = join(dir(), 'desktop-state.json')
      writeFileSync(path, text)
      const warnings: string[] = []
      expect(await new DesktopStateFile(path, { warn: (m) => void warnings.push(m) }).load()).toEqual(DEFAULT_DESKTOP_STATE)
      expect(warnings).toHaveLength(1)
    }
  })

  it('keeps a good field when another is malformed', async () => {
    const path = join(dir(), 'desktop-state.json')
    writeFileSync(path, JSON.stringify({ version: 1, window: { bounds: 'no' }, trayNoticeShown: true }))
    expect(await new DesktopStateFile(path, quiet).load()).toEqual({ version: 1, window: null, trayNoticeShown: true })
  })
})

describe('wiring in electron/main/index.ts (it cannot run without the Electron binary)', () => {
  const MAIN = resolve(import.meta.dirname, '../../../electron/main')
  const index = readFileSync(join(MAIN, 'index.ts'), 'utf8')

  it('keeps electron out of the tested modules', () => {
    for (const file of ['tray.ts', 'trayIcon.ts', 'windowState.ts', 'closeToTray.ts', 'appMenu.ts', 'desktopState.ts']) {
      expect(readFileSync(join(MAIN, file), 'utf8'), file).not.toMatch(/from 'electron'/)
    }
  })

  it('sets the application menu, starts the tray on the reminder service and refreshes it on changes', () => {
    expect(index).toContain('Menu.setApplicationMenu(')
    expect(index).toContain('appMenuTemplate(')
    expect(index).toContain("command: (command) => mainWindow?.webContents.send('app:command', parseEvent('app:command', { command }))")
    expect(index).toContain('startTray(reminderService)')
    expect(index).toContain('createTray: () => new Tray(')
    expect(index).toContain('view: () => reminderService.view()')
    expect(index).toContain('onChange: () => tray?.refresh()')
  })

  it('pauses for an hour in main at once and tells the page, which keeps it in its preferences', () => {
    expect(index).toContain('void reminderService.pause(until)')
    expect(index).toContain("mainWindow?.webContents.send('reminders:pause', parseEvent('reminders:pause', { until }))")
  })

  it('hides to the tray on close unless quitting, and remembers the window placement', () => {
    expect(index).toMatch(/app\.on\('before-quit', \(\) => \{\s+quitting = true/)
    expect(index).toContain("mainWindow.on('close', (event) =>\n    onWindowClose(event, {")
    expect(index).toContain('isQuitting: () => quitting')
    expect(index).toContain('restoreBounds(saved?.bounds ?? null, screen.getAllDisplays().map((d) => d.workArea))')
    expect(index).toContain('keepWindowPlacement(mainWindow, {')
    expect(index).toContain("new DesktopStateFile(path.join(app.getPath('userData'), 'desktop-state.json'), log)")
  })

  it('brings the hidden window back on a second launch and on the Dock icon', () => {
    expect(index).toMatch(/app\.on\('second-instance', [^]*?focusWindow\(\)/)
    expect(index).toContain("app.on('activate', () => focusWindow())")
    expect(index).toMatch(/if \(mainWindow\.isMinimized\(\)\) mainWindow\.restore\(\)\s+mainWindow\.show\(\)\s+mainWindow\.focus\(\)/)
  })
})

describe('the events the desktop shell sends the page', () => {
  it('carry only known menu commands and instants in range, with a clear message otherwise', async () => {
    const { parseEvent } = await import('@shared/ipc/contract.ts')
    expect(parseEvent('app:command', { command: 'next-space' })).toEqual({ command: 'next-space' })
    expect(() => parseEvent('app:command', { command: 'format-disk' })).toThrow(/bad event app:command: .* at command/)
    expect(parseEvent('reminders:pause', { until: NOW + 3_600_000 })).toEqual({ until: NOW + 3_600_000 })
    expect(() => parseEvent('reminders:pause', { until: 1e15 })).toThrow(/bad event reminders:pause: is after 2100/)
    expect(() => parseEvent('reminders:pause', { until: '1h' })).toThrow(/bad event reminders:pause/)
  })
})
