import { Dialog } from '@ui/ui.tsx'

export interface PickOption {
  id: string
  label: string
  hint?: string | undefined
}

/**
 * Choosing one of a few things with the keyboard as easily as with a mouse: a dialog of buttons
 * (focus moves in, Tab between choices, Enter picks, Escape cancels). Used instead of a <select>
 * whose every arrow key would already act.
 */
export function PickDialog(props: { title: string; open: boolean; onClose(): void; options: PickOption[]; empty?: string; onPick(id: string): void }) {
  return (
    <Dialog title={props.title} open={props.open} onClose={props.onClose}>
      {props.options.length === 0 ? (
        <p className="muted">{props.empty ?? 'Nothing to choose from.'}</p>
      ) : (
        <ul className="rt-pick-list" aria-label={props.title}>
          {props.options.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                className="rt-pick"
                onClick={() => {
                  props.onClose()
                  props.onPick(o.id)
                }}
              >
                <span>{o.label}</span>
                {o.hint && <span className="muted small">{o.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
