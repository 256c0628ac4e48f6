import type { ReactNode } from 'react'

/** What a sprint view shows before there is a cadence to work with. */
export function Waiting({ children }: { children?: ReactNode }) {
  return (
    <div className="panel sp-empty" aria-busy="true">
      <p className="muted">{children ?? 'Loading the sprint…'}</p>
    </div>
  )
}

export function NotSetUp(props: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="panel sp-empty" aria-label={props.title}>
      <h2>{props.title}</h2>
      <div className="muted">{props.children}</div>
      {props.action && <div className="row">{props.action}</div>}
    </section>
  )
}
