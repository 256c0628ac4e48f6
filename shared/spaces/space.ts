import { z } from 'zod'

/** A space is the unit of sharing and of sync: a mentoring pair, a team, or the whole org. */
export const SPACE_KINDS = ['pair', 'team', 'org'] as const
export const SpaceKind = z.enum(SPACE_KINDS)
export type SpaceKind = z.infer<typeof SpaceKind>

export const SPACE_KIND_LABELS: Record<SpaceKind, string> = {
  pair: 'Mentoring pair',
  team: 'Team',
  org: 'Organization'
}

export const SPACE_KIND_HINTS: Record<SpaceKind, string> = {
  pair: 'Two people who mentor each other: journal, lesson plans, OKRs.',
  team: 'One team: sprint planning, daily sync-up, retrospectives.',
  org: 'The whole engineering org: the mentoring pool, sprint retro & demo.'
}

export const SPACE_NAME_MAX = 80
/**
 * A space's description, as the root document carries it: longer than anyone writes one; a longer
 * value from a peer reads as no description (core/spaces/spaceDoc.ts), and this device never writes one.
 */
export const SPACE_DESCRIPTION_MAX = 10_000

/** Trims and checks a space name; returns an error message or the clean name. */
export function cleanSpaceName(raw: string): { ok: true; name: string } | { ok: false; error: string } {
  const name = raw.replace(/\s+/g, ' ').trim()
  if (!name) return { ok: false, error: 'Give the space a name.' }
  if (name.length > SPACE_NAME_MAX) return { ok: false, error: `Keep the name under ${SPACE_NAME_MAX} characters.` }
  return { ok: true, name }
}
