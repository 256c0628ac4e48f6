/**
 * Closing the window keeps Tandem running in the tray, so reminders still arrive. The window is
 * hidden, not destroyed (the page keeps computing the schedule); Quit (tray, menu, Cmd/Ctrl+Q)
 * really quits. The first time, a notice says what happened and how to quit.
 */
export interface CloseEvent {
  preventDefault(): void
}

export interface CloseDeps {
  /** Quit was chosen (before-quit has fired) */
  isQuitting(): boolean
  /** the tray exists: otherwise closing quits as before */
  hasTray(): boolean
  hide(): void
  noticeShown(): boolean
  markNoticeShown(): void
  showNotice(notice: { title: string; message: string; detail: string }): void
  platform: string
}

export function quitShortcut(platform: string): string {
  return platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q'
}

export function trayNotice(platform: string) {
  const where = platform === 'darwin' ? 'menu bar' : 'tray'
  return {
    title: 'Tandem is still running',
    message: `Tandem keeps running in the ${where} so your reminders still arrive.`,
    detail: `Open it again from the ${where} icon or by starting Tandem. To quit, choose Quit Tandem in the ${where} menu or press ${quitShortcut(platform)}.`
  }
}

/** The window's 'close' event: 'quit' lets it close; 'hidden' kept Tandem running. */
export function onWindowClose(event: CloseEvent, deps: CloseDeps): 'quit' | 'hidden' {
  if (deps.isQuitting() || !deps.hasTray()) return 'quit'
  event.preventDefault()
  deps.hide()
  if (!deps.noticeShown()) {
    deps.markNoticeShown()
    deps.showNotice(trayNotice(deps.platform))
  }
  return 'hidden'
}
