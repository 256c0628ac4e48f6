/** Colours of the report's reasons, by rank (retro.css defines --rt-r0 … --rt-r9 for light and dark). */
export const REASON_COLOURS = 10

export function reasonColour(rank: number): string {
  return `var(--rt-r${rank % REASON_COLOURS})`
}

/** Reason id → colour, in the order of the report's top reasons (stable across the three charts). */
export function reasonColours(reasonIds: readonly string[]): Map<string, string> {
  return new Map(reasonIds.map((id, i) => [id, reasonColour(i)]))
}
