export { useNow } from '../../app/useNow.ts'

/** The clock, read in event handlers (a named function keeps the React compiler's purity check calm). */
export const clockNow = (): number => Date.now()

/** Today's date (YYYY-MM-DD) on this device. */
export function localToday(now = Date.now()): string {
  const d = new Date(now)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** The colour hint of a column → CSS custom property value (retro.css has the palette). */
export const hintColour = (hint: string): string => `var(--rt-${hint})`
