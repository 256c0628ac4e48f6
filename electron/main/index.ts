import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, protocol, safeStorage, screen, session, shell, Tray } from 'electron'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, hardenContents, isTrustedSender, secureWebPreferences } from './security.ts'
import { createExternalLinkOpener, type LinkPrompt } from './externalLinks.ts'
import { installWebSocketGuard } from './localNetwork.ts'
import { installPermissionHandlers } from './permissions.ts'
import { resolveRendererSource } from './rendererUrl.ts'
import { createAppProtocolHandler } from './appProtocol.ts'
import { DeepLinkInbox, DEEP_LINK_SCHEME, findDeepLink } from './deepLinks.ts'
import { registerInvokeHandlers } from './ipc.ts'
import { SignalingHost } from './signalingHost.ts'
import { startSignalingServer } from '../signaling/server.ts'
import { createRelay } from '../relay/server.ts'
import { createEmbeddedStore } from '../relay/embeddedStore.ts'
import { parseEvent } from '../../shared/ipc/contract.ts'
import { openLinkOf } from '../../shared/reminders/entry.ts'
import { ReminderService } from './reminders/service.ts'
import { JsonFileStore } from './reminders/store.ts'
import { systemClock } from './reminders/clock.ts'
import { createElectronNotifier, WINDOWS_APP_USER_MODEL_ID } from './reminders/notifier.ts'
import { reminderHandlers } from './reminders/ipc.ts'
import { TrayController } from './tray.ts'
import { TRAY_ICON_PNG_BASE64 } from './trayIcon.ts'
import { appMenuTemplate } from './appMenu.ts'
import { keepWindowPlacement, restoreBounds } from './windowState.ts'
import { onWindowClose } from './closeToTray.ts'
import { DesktopStateFile } from './desktopState.ts'
import { BackupFolder, backupFolderHandlers, nodeBackupFs } from './backups/backupFolder.ts'
import { nodeKeyFile, StorageKeyService, storageKeyHandlers } from './storageKey.ts'

// The privileged scheme must be registered before the app is ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
])

const deepLinks = new DeepLinkInbox()
const signalingHost = new SignalingHost({
  // with the relay (issue 13 #2) on the same port under /relay, its rooms kept in userData/relay
  start: (options) =>
    startSignalingServer({ ...options, relay: createRelay({ store: createEmbeddedStore({ dir: path.join(app.getPath('userData'), 'relay') }) }) }),
  lanAddresses: () =>
    Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
      .map((i) => i.address)
})
let mainWindow: BrowserWindow | null = null
let reminders: ReminderService | null = null
let tray: TrayController | null = null
let desktopState: DesktopStateFile | null = null
// Quit was chosen: closing the window really closes it (otherwise it hides to the tray)
let quitting = false
const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
const log = { warn: (message: string) => console.warn(message) }

// The dev server is honoured (and trusted) only in development, only on loopback.
const renderer = resolveRendererSource({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL })
if (renderer.ignored) log.warn(renderer.ignored)
const trustedOrigins = renderer.devOrigin ? [APP_ORIGIN, renderer.devOrigin] : [APP_ORIGIN]
const isOwnFrame = (frameUrl: string | undefined) => isTrustedSender(frameUrl, renderer.devOrigin)

// Every link that leaves the app is checked here and confirmed in a native dialog first.
const openLink = createExternalLinkOpener({
  ask: async (prompt: LinkPrompt) => {
    const result = mainWindow ? await dialog.showMessageBox(mainWindow, prompt) : await dialog.showMessageBox(prompt)
    return result.response
  },
  open: (href) => shell.openExternal(href),
  log
})
const openLinkLater = (url: string) => {
  openLink(url).catch((err: unknown) => log.warn(`links: could not open: ${(err as Error).message}`))
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])])
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)
  }
  const first = findDeepLink(process.argv)
  if (first) deepLinks.receive(first)

  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv)
    if (link) deepLinks.receive(link)
    focusWindow()
  })
  app.on('open-url', (event, url) => {
    event.preventDefault()
    deepLinks.receive(url)
    focusWindow()
  })
  app.whenReady().then(start).catch((err) => {
    console.error('Tandem could not start:', err)
    app.quit()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // macOS: the Dock icon brings back a window hidden to the menu bar
  app.on('activate', () => focusWindow())
  app.on('before-quit', () => {
    quitting = true
    void signalingHost.dispose()
    reminders?.dispose()
    tray?.destroy()
  })
  // every web contents, not only the main window's: no navigation, no new windows, no <webview>
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openLinkLater))
}

// A second launch or a tandem:// link brings the window forward. Before ready (macOS delivers
// open-url for the link that launched the app) the link waits in the inbox and start() opens it.
function focusWindow(): void {
  if (!app.isReady()) return
  if (!mainWindow) return createWindow()
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

async function start(): Promise<void> {
  desktopState = new DesktopStateFile(path.join(app.getPath('userData'), 'desktop-state.json'), log)
  await desktopState.load()
  installPermissionHandlers(session.defaultSession, trustedOrigins, log)
  installWebSocketGuard(session.defaultSession.webRequest, log)
  const rendererDir = path.join(__dirname, '../renderer')
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: rendererDir, readFile, csp: CONTENT_SECURITY_POLICY })
  )
  const reminderService = startReminders()
  registerInvokeHandlers(
    ipcMain,
    {
      'app:info': () => ({ version: app.getVersion(), platform: process.platform }),
      'shell:open-external': async ({ url }) => {
        await openLink(url)
        return undefined
      },
      'deep-link:take': () => {
        deepLinks.connect((url) => {
          mainWindow?.webContents.send('deep-link', parseEvent('deep-link', { url }))
        })
        return { url: deepLinks.take() }
      },
      'signaling:host': ({ enabled, port }) => signalingHost.set(enabled, port),
      ...reminderHandlers(reminderService),
      ...backupFolderHandlers(startBackupFolder()),
      // the key the page wraps its stored secrets with, under the OS keychain (storageKey.ts)
      ...storageKeyHandlers(new StorageKeyService(safeStorage, nodeKeyFile(path.join(app.getPath('userData'), 'storage-key.bin')), process.platform))
    },
    isOwnFrame,
    log
  )
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        process.platform,
        {
          command: (command) => mainWindow?.webContents.send('app:command', parseEvent('app:command', { command })),
          show: focusWindow,
          quit: () => app.quit()
        },
        { dev: !app.isPackaged }
      ) as Electron.MenuItemConstructorOptions[]
    )
  )
  startTray(reminderService)
  createWindow()
}

/** The tray (tray.ts): next meetings, Open, Pause for an hour, Quit. Without one, closing the window quits. */
function startTray(reminderService: ReminderService): void {
  try {
    const icon = nativeImage.createFromDataURL(`data:image/png;base64,${TRAY_ICON_PNG_BASE64}`)
    tray = new TrayController({
      createTray: () => new Tray(process.platform === 'darwin' ? icon.resize({ width: 16, height: 16 }) : icon),
      buildMenu: (items) => Menu.buildFromTemplate(items),
      view: () => reminderService.view(),
      now: () => Date.now(),
      zone: systemZone,
      platform: process.platform,
      actions: {
        show: focusWindow,
        openMeeting: (link) => {
          deepLinks.receive(openLinkOf(link))
          focusWindow()
        },
        pauseForAnHour: () => {
          const until = Date.now() + 60 * 60_000
          void reminderService.pause(until)
          mainWindow?.webContents.send('reminders:pause', parseEvent('reminders:pause', { until }))
        },
        quit: () => app.quit()
      }
    })
    tray.start()
    // "14:00", "Tomorrow": the labels follow the clock
    setInterval(() => tray?.refresh(), 60_000).unref()
  } catch (err) {
    tray = null
    log.warn(`tray: not available here (${(err as Error).message}); closing the window quits Tandem`)
  }
}

/** Scheduled backups' folder: chosen in the native dialog, remembered in userData (backups/). */
function startBackupFolder(): BackupFolder {
  return new BackupFolder(
    nodeBackupFs,
    async (current) => {
      const options = { title: 'Folder for Tandem backups', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[], ...(current ? { defaultPath: current } : {}) }
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    path.join(app.getPath('userData'), 'backup-folder.json')
  )
}

/** Reminders: a JSON file in userData, the system clock, Electron's notifications (reminders/). */
function startReminders(): ReminderService {
  if (process.platform === 'win32') app.setAppUserModelId(WINDOWS_APP_USER_MODEL_ID)
  const clock = systemClock()
  reminders = new ReminderService({
    clock,
    store: new JsonFileStore(path.join(app.getPath('userData'), 'reminders.json'), { now: clock.now, log }),
    notifier: createElectronNotifier({ isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) }, log),
    systemZone,
    open: (link) => {
      deepLinks.receive(openLinkOf(link))
      focusWindow()
    },
    onMissed: (missed) => mainWindow?.webContents.send('reminders:missed', parseEvent('reminders:missed', { missed })),
    onShown: (shown) => mainWindow?.webContents.send('reminders:shown', parseEvent('reminders:shown', { shown })),
    onChange: () => tray?.refresh(),
    onLaunchAtLogin: (openAtLogin) => {
      if (app.isPackaged && process.platform !== 'linux') app.setLoginItemSettings({ openAtLogin })
    },
    log
  })
  powerMonitor.on('resume', () => void reminders?.check())
  powerMonitor.on('unlock-screen', () => void reminders?.check())
  void reminders.start()
  return reminders
}

function createWindow(): void {
  const saved = desktopState?.current.window ?? null
  const bounds = restoreBounds(saved?.bounds ?? null, screen.getAllDisplays().map((d) => d.workArea))
  mainWindow = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 520,
    title: 'Tandem',
    backgroundColor: '#f7f6f3',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.cjs'))
  })
  mainWindow.once('ready-to-show', () => {
    if (saved?.maximized) mainWindow?.maximize()
    mainWindow?.show()
  })
  keepWindowPlacement(mainWindow, {
    save: (window) => void desktopState?.update({ window }),
    setTimer: (f, ms) => {
      const t = setTimeout(f, ms)
      return () => clearTimeout(t)
    }
  })
  // closing keeps Tandem in the tray (closeToTray.ts); the first time, a notice says so
  mainWindow.on('close', (event) =>
    onWindowClose(event, {
      isQuitting: () => quitting,
      hasTray: () => tray !== null,
      hide: () => mainWindow?.hide(),
      noticeShown: () => desktopState?.current.trayNoticeShown ?? false,
      markNoticeShown: () => void desktopState?.update({ trayNoticeShown: true }),
      showNotice: (notice) => void dialog.showMessageBox({ type: 'info', buttons: ['OK'], ...notice }),
      platform: process.platform
    })
  )
  mainWindow.on('closed', () => {
    mainWindow = null
    deepLinks.disconnect()
  })
  void mainWindow.loadURL(renderer.url)
}
