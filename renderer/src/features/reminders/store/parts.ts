import type { SpacePart } from '@shared/reminders/sources.ts'

/**
 * The parts each active space contributes to the reminders (shared/reminders/sources.ts), kept by
 * the `reminders.collect` service and read by the publisher. A change tells every listener.
 */
export class SpaceParts {
  private readonly parts = new Map<string, SpacePart>()
  private readonly listeners = new Set<() => void>()
  private cached: SpacePart[] | null = null

  set(spaceId: string, part: SpacePart | null): void {
    if (part === null) {
      if (!this.parts.delete(spaceId)) return
    } else {
      const before = this.parts.get(spaceId)
      if (before && JSON.stringify(before) === JSON.stringify(part)) return
      this.parts.set(spaceId, part)
    }
    this.cached = null
    for (const f of [...this.listeners]) f()
  }

  /** One array until the next change (React reads it as a snapshot). */
  list(): SpacePart[] {
    this.cached ??= [...this.parts.values()]
    return this.cached
  }

  subscribe(f: () => void): () => void {
    this.listeners.add(f)
    return () => this.listeners.delete(f)
  }
}

export const spaceParts = new SpaceParts()

export interface ReminderGroup {
  id: string
  label: string
  kind: 'team' | 'pair'
}

/** The teams (and orgs) and pairs reminders can be muted for, by name. */
export function groupsOf(parts: readonly SpacePart[]): ReminderGroup[] {
  const out: ReminderGroup[] = []
  for (const p of parts) {
    if (p.kind === 'pair') out.push({ id: p.spaceId, label: p.pair.label || 'Mentoring pair', kind: 'pair' })
    else out.push({ id: p.spaceId, label: `${p.name || (p.kind === 'org' ? 'Org' : 'Team')}${p.kind === 'org' ? ' (whole org)' : ''}`, kind: 'team' })
  }
  return out.sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
}
