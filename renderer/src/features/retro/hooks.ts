export { useNow } from '@ui/useNow.ts'

/** The clock, read in event handlers (a named function keeps the React compiler's purity check calm). */
export const clockNow = (): number => Date.now()

/** The colour hint of a column → CSS custom property value (retro.css has the palette). */
export const hintColour = (hint: string): string => `var(--rt-${hint})`
