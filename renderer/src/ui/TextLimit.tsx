/** Above this share of the limit, the count shows while the person types. */
const SHOW_FROM = 0.8

/**
 * Says how much fits where a person types, once it matters: "1 650 / 2 000 characters", and at the
 * limit that nothing more is kept (a browser silently cuts a paste at maxLength).
 */
export function TextLimit({ length, max }: { length: number; max: number }) {
  if (length < max * SHOW_FROM) return null
  const full = length >= max
  return (
    <span className={`field-hint text-limit${full ? ' full' : ''}`} aria-live="polite">
      {length.toLocaleString('en')} / {max.toLocaleString('en')} characters
      {full ? ' — the limit: anything longer (also from a paste) is not kept' : ''}
    </span>
  )
}
