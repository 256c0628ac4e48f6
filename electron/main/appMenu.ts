/**
 * The application menu: the usual items with their shortcuts, plus Tandem's own — New space,
 * Join, Settings, Home, and Next / Previous space to jump between spaces. Tandem's items are sent
 * to the page as an `app:command` event (shared/ipc/contract.ts); the rest are Electron roles.
 * Returned as a plain template (Menu.buildFromTemplate takes it), so it is tested in node.
 */
import type { AppCommand } from '../../shared/ipc/contract.ts'

export interface MenuItemTemplate {
  label?: string
  role?: string
  type?: 'separator' | 'normal'
  accelerator?: string
  click?: () => void
  submenu?: MenuItemTemplate[]
}

export interface MenuActions {
  command(command: AppCommand): void
  /** show the window (a command needs a window to act in) */
  show(): void
  quit(): void
}

/** Every shortcut of Tandem's own items, for the menu and the docs. */
export const SHORTCUTS: Record<AppCommand, string> = {
  'new-space': 'CmdOrCtrl+N',
  join: 'CmdOrCtrl+J',
  settings: 'CmdOrCtrl+,',
  home: 'CmdOrCtrl+Shift+H',
  'next-space': 'CmdOrCtrl+Alt+Down',
  'previous-space': 'CmdOrCtrl+Alt+Up'
}

export function appMenuTemplate(platform: string, actions: MenuActions, options: { dev?: boolean } = {}): MenuItemTemplate[] {
  const mac = platform === 'darwin'
  const run = (command: AppCommand) => () => {
    actions.show()
    actions.command(command)
  }
  const item = (label: string, command: AppCommand): MenuItemTemplate => ({ label, accelerator: SHORTCUTS[command], click: run(command) })
  const quit: MenuItemTemplate = { label: 'Quit Tandem', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() }
  const sep: MenuItemTemplate = { type: 'separator' }
  const template: MenuItemTemplate[] = []
  if (mac) {
    template.push({
      label: 'Tandem',
      submenu: [{ role: 'about' }, sep, { ...item('Settings…', 'settings') }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, quit]
    })
  }
  template.push({
    label: 'File',
    submenu: [
      item('New space…', 'new-space'),
      item('Join with an invite…', 'join'),
      ...(mac ? [] : [sep, item('Settings', 'settings')]),
      sep,
      { role: 'close', label: 'Close window', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [quit])
    ]
  })
  template.push({
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }]
  })
  template.push({
    label: 'View',
    submenu: [
      ...(options.dev ? [{ role: 'reload' }, { role: 'toggleDevTools' }, sep] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' }
    ]
  })
  template.push({
    label: 'Go',
    submenu: [item('Home', 'home'), sep, item('Next space', 'next-space'), item('Previous space', 'previous-space')]
  })
  template.push({ role: 'windowMenu' })
  return template
}
