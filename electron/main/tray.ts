import { DateTime } from 'luxon'
import type { ReminderView } from '../../shared/reminders/schedule.ts'
import { isZoneName } from '../../shared/reminders/entry.ts'

/**
 * The tray: Tandem keeps running there when its window is closed, so reminders still arrive. Its
 * menu shows the next three meetings (each opens its page), "Open Tandem", "Pause reminders for an
 * hour" and "Quit". Electron's Tray and Menu are reached through the small interfaces below
 * (index.ts passes the real ones), so the menu and its actions are tested in node.
 */
export interface TrayMenuItem {
  label?: string
  type?: 'normal' | 'separator'
  enabled?: boolean
  click?: () => void
}

export interface TrayActions {
  /** show and focus the window */
  show(): void
  /** open a meeting's page (an app path) */
  openMeeting(link: string): void
  pauseForAnHour(): void
  quit(): void
}

export interface TrayLike {
  setToolTip(text: string): void
  setContextMenu(menu: unknown): void
  on(event: 'click', listener: () => void): void
  destroy(): void
}

export interface TrayDeps {
  createTray(): TrayLike
  /** Menu.buildFromTemplate */
  buildMenu(items: TrayMenuItem[]): unknown
  /** what the reminder service says now */
  view(): ReminderView
  now(): number
  zone(): string
  actions: TrayActions
  /** the platform opens the menu on click (Windows opens the window instead) */
  platform: string
}

function meetingTime(startsAt: number, now: number, zone: string): string {
  const z = isZoneName(zone) ? zone : 'UTC'
  const start = DateTime.fromMillis(startsAt, { zone: z })
  const today = DateTime.fromMillis(now, { zone: z })
  if (start.hasSame(today, 'day')) return start.toFormat('HH:mm')
  if (start.hasSame(today.plus({ days: 1 }), 'day')) return `Tomorrow ${start.toFormat('HH:mm')}`
  return start.toFormat('ccc d LLL HH:mm')
}

/** The tray menu for a view of the reminders, at `now` in `zone`. */
export function trayMenu(view: ReminderView, now: number, zone: string, actions: TrayActions): TrayMenuItem[] {
  const items: TrayMenuItem[] = []
  const next = view.next.filter((n) => n.entry.startsAt > now).slice(0, 3)
  if (next.length === 0) items.push({ label: 'No meetings in the next 14 days', enabled: false })
  else {
    items.push({ label: 'Next meetings', enabled: false })
    for (const { entry } of next) {
      const group = entry.groupLabel ? ` · ${entry.groupLabel}` : ''
      items.push({ label: `${meetingTime(entry.startsAt, now, zone)}  ${entry.title}${group}`, click: () => actions.openMeeting(entry.link) })
    }
  }
  if (view.missed.length > 0) {
    items.push({ label: `${view.missed.length} missed reminder${view.missed.length === 1 ? '' : 's'}`, click: () => actions.show() })
  }
  items.push({ type: 'separator' })
  items.push({ label: 'Open Tandem', click: () => actions.show() })
  items.push({ label: 'Pause reminders for an hour', click: () => actions.pauseForAnHour() })
  items.push({ type: 'separator' })
  items.push({ label: 'Quit Tandem', click: () => actions.quit() })
  return items
}

/** Keeps the tray's menu current: `refresh()` after the reminders change, and every minute. */
export class TrayController {
  private tray: TrayLike | null = null
  private lastLabels = ''

  constructor(private readonly deps: TrayDeps) {}

  start(): void {
    if (this.tray) return
    this.tray = this.deps.createTray()
    this.tray.setToolTip('Tandem: reminders keep coming while the window is closed')
    // on Windows a click on the icon opens the window; elsewhere the menu shows
    if (this.deps.platform === 'win32') this.tray.on('click', () => this.deps.actions.show())
    this.refresh()
  }

  refresh(): void {
    if (!this.tray) return
    let items: TrayMenuItem[]
    try {
      items = trayMenu(this.deps.view(), this.deps.now(), this.deps.zone(), this.deps.actions)
    } catch {
      // a view that cannot be read still leaves Open, Pause and Quit
      items = trayMenu({ missed: [], next: [], shown: [], elsewhere: [], recovered: null }, this.deps.now(), this.deps.zone(), this.deps.actions)
    }
    const labels = JSON.stringify(items.map((i) => i.label ?? '-'))
    if (labels === this.lastLabels) return
    this.lastLabels = labels
    this.tray.setContextMenu(this.deps.buildMenu(items))
  }

  destroy(): void {
    this.tray?.destroy()
    this.tray = null
  }
}
