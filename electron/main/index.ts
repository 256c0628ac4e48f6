import { app, BrowserWindow, ipcMain, protocol, shell } from 'electron'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, hardenContents, isExternalHttpUrl, isTrustedSender, secureWebPreferences } from './security.ts'
import { createAppProtocolHandler } from './appProtocol.ts'
import { DeepLinkInbox, DEEP_LINK_SCHEME, findDeepLink } from './deepLinks.ts'
import { registerInvokeHandlers } from './ipc.ts'
import { SignalingHost } from './signalingHost.ts'
import { startSignalingServer } from '../signaling/server.ts'
import { parseEvent } from '../../shared/ipc/contract.ts'

// The privileged scheme must be registered before the app is ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
])

const deepLinks = new DeepLinkInbox()
const signalingHost = new SignalingHost({
  start: startSignalingServer,
  lanAddresses: () =>
    Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
      .map((i) => i.address)
})
let mainWindow: BrowserWindow | null = null

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
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('before-quit', () => void signalingHost.dispose())
}

function focusWindow(): void {
  if (!mainWindow) return createWindow()
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function start(): void {
  const rendererDir = path.join(__dirname, '../renderer')
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: rendererDir, readFile, csp: CONTENT_SECURITY_POLICY })
  )
  registerInvokeHandlers(
    ipcMain,
    {
      'app:info': () => ({ version: app.getVersion(), platform: process.platform }),
      'shell:open-external': async ({ url }) => {
        if (isExternalHttpUrl(url)) await shell.openExternal(url)
        return undefined
      },
      'deep-link:take': () => {
        deepLinks.connect((url) => {
          mainWindow?.webContents.send('deep-link', parseEvent('deep-link', { url }))
        })
        return { url: deepLinks.take() }
      },
      'signaling:host': ({ enabled, port }) => signalingHost.set(enabled, port)
    },
    isTrustedSender,
    { warn: (m) => console.warn(m) }
  )
  createWindow()
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    title: 'Tandem',
    backgroundColor: '#f7f6f3',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.cjs'))
  })
  hardenContents(mainWindow.webContents, (url) => void shell.openExternal(url))
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => {
    mainWindow = null
    deepLinks.disconnect()
  })
  const devUrl = process.env.ELECTRON_RENDERER_URL
  void mainWindow.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`)
}
