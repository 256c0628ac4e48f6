import { useEffect, useRef, type ReactNode } from 'react'
import { avatarColors, initials } from '@shared/identity/identity.ts'
import { useToasts, dismissToast } from './toasts.ts'

export function Avatar({ name, color, size = 32, online }: { name: string; color: string; size?: number; online?: boolean }) {
  const { background, text } = avatarColors(color)
  return (
    <span className="avatar" style={{ background, color: text, width: size, height: size, fontSize: size * 0.4 }} aria-hidden="true">
      {initials(name)}
      {online !== undefined && <span className={`avatar-dot ${online ? 'on' : 'off'}`} />}
    </span>
  )
}

/** A modal built on <dialog>: focus moves in, Escape closes, focus returns. */
export function Dialog(props: { title: string; open: boolean; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (props.open && !d.open) d.showModal()
    if (!props.open && d.open) d.close()
  }, [props.open])
  return (
    <dialog ref={ref} className={`dialog ${props.wide ? 'wide' : ''}`} aria-label={props.title} onClose={props.onClose}>
      {props.open && (
        <>
          <header className="dialog-head">
            <h2>{props.title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={props.onClose}>
              ×
            </button>
          </header>
          <div className="dialog-body">{props.children}</div>
        </>
      )}
    </dialog>
  )
}

export function Field(props: { label: string; hint?: string; error?: string | null; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      {props.children}
      {props.hint && !props.error && <span className="field-hint">{props.hint}</span>}
      {props.error && (
        <span className="field-error" role="alert">
          {props.error}
        </span>
      )}
    </label>
  )
}

export function Toasts() {
  const toasts = useToasts((s) => s.toasts)
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`}>
          <span>{t.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
