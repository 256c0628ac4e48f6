import { Link } from 'wouter'
import { SPACE_KIND_HINTS, SPACE_KIND_LABELS, SPACE_KINDS } from '@shared/spaces/space.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { openNewSpace } from '@ui/uiStore.ts'

export function HomeScreen() {
  const spaces = useSpaces()
  const active = (spaces ?? []).filter((s) => s.status === 'active')
  return (
    <div className="page">
      <header className="page-head">
        <h1>{active.length ? 'Your spaces' : 'Start a space'}</h1>
        <p className="lead">
          A space is what you share: a mentoring pair, a team, or the whole org. Everyone in it gets the same journal,
          boards and ceremonies, synced directly between your computers.
        </p>
      </header>
      {active.length > 0 && (
        <ul className="card-grid" aria-label="Your spaces">
          {active.map((s) => (
            <li key={s.id}>
              <Link href={`/space/${s.id}`} className="card link-card">
                <span className="badge">{SPACE_KIND_LABELS[s.kind]}</span>
                <span className="card-title">{s.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2 className="section-title">{active.length ? 'Add another' : 'Create one, or join with an invite'}</h2>
      <div className="card-grid">
        {SPACE_KINDS.map((k) => (
          <button key={k} type="button" className="card action-card" onClick={() => openNewSpace(k)}>
            <span className="card-title">New {SPACE_KIND_LABELS[k].toLowerCase()}</span>
            <span className="card-text">{SPACE_KIND_HINTS[k]}</span>
          </button>
        ))}
        <Link href="/join" className="card action-card">
          <span className="card-title">Join with an invite</span>
          <span className="card-text">Paste the code or link someone sent you.</span>
        </Link>
      </div>
    </div>
  )
}
