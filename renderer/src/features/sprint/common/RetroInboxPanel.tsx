import { formatDay } from '@shared/sprint/viewerTime.ts'
import type { NoticedItem } from '../store/retroInbox.ts'

/**
 * The team's retrospective inbox for a sprint: the problems and opportunities logged at the end
 * of sync-ups, with who noticed them. The team retrospective picks them up from here.
 */
export function RetroInboxPanel(props: {
  items: readonly NoticedItem[]
  sprint: number
  meId: string
  /** removes one of mine (null: read-only) */
  onRemove: ((id: string) => void) | null
  headingLevel?: 2 | 3
}) {
  const { items, onRemove } = props
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2'
  return (
    <section className="panel sp-inbox" aria-labelledby={`inbox-${props.sprint}`}>
      <Heading id={`inbox-${props.sprint}`}>
        Retro inbox <span className="count">{items.length}</span>
      </Heading>
      <p className="muted small">
        Problems and opportunities for improvement noticed during sprint {props.sprint}. They go to the team retrospective; whoever
        logged one is not responsible for it.
      </p>
      {items.length === 0 ? (
        <p className="sp-inbox-empty">Nothing logged yet. At the end of a sync-up, anyone can add what they noticed.</p>
      ) : (
        <ul className="sp-inbox-list" aria-label="Retro inbox">
          {items.map((item) => (
            <li key={item.id} className="sp-inbox-item">
              <span className="sp-inbox-text">{item.text}</span>
              <span className="sp-inbox-meta">
                noticed by {item.noticedBy} · {formatDay(item.date)}
                {item.authorId === props.meId && onRemove && (
                  <button type="button" className="button small ghost" aria-label={`Remove “${item.text}”`} onClick={() => onRemove(item.id)}>
                    Remove
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
