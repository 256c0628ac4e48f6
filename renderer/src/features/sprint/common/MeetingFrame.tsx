import type { ReactNode } from 'react'
import { CEREMONIES, type CeremonyKind } from '@shared/sprint/ceremonies.ts'
import { Avatar } from '@ui/ui.tsx'
import { hereNow } from '../store/meetingRoom.ts'

export interface PresentPerson {
  id: string
  name: string
  color: string
}

/**
 * The head of a meeting's page: what the meeting is for and its agenda (quoted from the seed),
 * who is here now (has the page open), and the Markdown export. `roomCount`: how many the relay
 * counts in the room (it passes on only some presences in a big room), 0 without one.
 */
export function MeetingFrame(props: { kind: CeremonyKind; present: readonly PresentPerson[]; me: PresentPerson; roomCount?: number; onExport: () => void; children?: ReactNode }) {
  const def = CEREMONIES[props.kind]
  const { faces: present, total } = hereNow(props.present, props.me, props.roomCount ?? 0)
  const titleId = `meeting-${props.kind}`
  return (
    <section className="panel less-meeting" aria-labelledby={titleId}>
      <div className="sp-panel-head">
        <h2 id={titleId}>{def.label}</h2>
        <button type="button" className="button small" onClick={props.onExport}>
          Export to Markdown
        </button>
      </div>
      <div className="less-meeting-grid">
        <div>
          <p className="sp-purpose">{def.purpose}</p>
          {def.agenda.map((section) => (
            <div key={section.title}>
              <h3 className="sp-agenda-title">{section.title}</h3>
              <ul className="sp-agenda">
                {section.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
          <p className="muted small less-who">
            <strong>Who participates?</strong> {def.participantsText}
          </p>
        </div>
        <div className="less-present">
          <h3 className="sp-agenda-title">Here now{total > 1 ? ` · ${total}` : ''}</h3>
          <ul className="less-present-list" aria-label="Here now">
            {present.map((p) => (
              <li key={p.id} aria-label={p.name}>
                <Avatar name={p.name} color={p.color} size={26} online />
                <span>
                  {p.name}
                  {p.id === props.me.id ? ' (you)' : ''}
                </span>
              </li>
            ))}
          </ul>
          {total > present.length && <p className="muted small">and {total - present.length} more</p>}
          {total <= 1 && <p className="muted small">Nobody else has this page open. Whatever you change reaches the others when they connect.</p>}
          {props.children}
        </div>
      </div>
    </section>
  )
}
