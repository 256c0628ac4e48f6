import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { DEMO_SECTIONS, DEMO_SECTION_LABELS, type DemoSection, stepTeam } from '@shared/less/review.ts'
import { LESS_LIMITS, cleanUrl } from '@shared/less/tickets.ts'
import { formatCountdown, timerRemaining } from '@shared/sync/clock.ts'
import { platform } from '@core/platform/index.ts'
import { DraftText } from '@ui/DraftText.tsx'
import { toast } from '@ui/toasts.ts'
import { useNow } from '@ui/useNow.ts'
import type { TeamEntry } from '../store/cadenceStore.ts'
import { type DemoLine, type ReviewCommands, type SprintReview, useTeamPlanSource } from '../store/review.ts'

const teamLabel = (t: TeamEntry) => t.name || 'Team'

/** Each team's demo slide: what it accomplished in sprint n (from its planning), its goals for n+1, links. */
export function DemoSlides(props: { sprint: number; review: SprintReview; teams: readonly TeamEntry[]; commands: ReviewCommands | null; onPresent(): void }) {
  return (
    <section className="panel" aria-labelledby="demo-title">
      <div className="sp-panel-head">
        <h2 id="demo-title">Sprint demo</h2>
        <button type="button" className="button primary" disabled={props.teams.length === 0} onClick={props.onPresent}>
          Present the demo
        </button>
      </div>
      <p className="muted small">
        Each team shares what it accomplished in sprint {props.sprint} and its goals for sprint {props.sprint + 1}. A slide fills itself in from the team&apos;s
        planning on the device of a member of the team; tick what was achieved.
      </p>
      {props.teams.length === 0 && <p className="muted">The org has no teams yet (Teams & cadence).</p>}
      {props.teams.map((team) => (
        <TeamSlide key={team.id} team={team} sprint={props.sprint} review={props.review} commands={props.commands} />
      ))}
    </section>
  )
}

function TeamSlide(props: { team: TeamEntry; sprint: number; review: SprintReview; commands: ReviewCommands | null }) {
  const { team, commands, review } = props
  const name = teamLabel(team)
  const plan = useTeamPlanSource(team.id, props.sprint)
  const items = review.demoItems.filter((i) => i.teamId === team.id)
  const hasSource = plan.source.goals.length + plan.source.tickets.length + plan.source.nextGoals.length > 0
  const prefilled = review.prefilled.has(team.id)
  useEffect(() => {
    // once, on a device of the team, when its planning has something (ids are derived: nothing twice)
    if (commands && plan.available && hasSource && !prefilled) commands.prefill(team.id, plan.source)
  }, [commands, plan.available, plan.source, hasSource, prefilled, team.id])
  return (
    <article className="less-slide" aria-label={`Demo of ${name}`}>
      <div className="sp-panel-head">
        <h3>{name}</h3>
        {commands && plan.available && (
          <button
            type="button"
            className="button small ghost"
            onClick={() => {
              const added = commands.prefill(team.id, plan.source)
              toast(added ? `${added} added from ${name}'s planning` : `Nothing new in ${name}'s planning`)
            }}
          >
            Fill in from {name}&apos;s planning
          </button>
        )}
      </div>
      <div className="less-slide-grid">
        {DEMO_SECTIONS.map((section) => (
          <SlideSection key={section} team={name} teamId={team.id} section={section} sprint={props.sprint} items={items.filter((i) => i.section === section)} commands={commands} />
        ))}
      </div>
    </article>
  )
}

function sectionTitle(section: DemoSection, sprint: number): string {
  return section === 'done' ? `${DEMO_SECTION_LABELS.done} in sprint ${sprint}` : section === 'next' ? `Goals for sprint ${sprint + 1}` : DEMO_SECTION_LABELS.link
}

function SlideSection(props: { team: string; teamId: string; section: DemoSection; sprint: number; items: readonly DemoLine[]; commands: ReviewCommands | null }) {
  const { section, commands, team } = props
  const [text, setText] = useState('')
  const [url, setUrl] = useState('')
  const title = sectionTitle(section, props.sprint)
  const add = (e: FormEvent) => {
    e.preventDefault()
    const link = cleanUrl(url)
    if (link === null) return toast('A link is a web address (http or https).', 'error')
    if (!commands || (!text.trim() && !link)) return
    commands.addDemoItem(props.teamId, section, text || link, link)
    setText('')
    setUrl('')
  }
  return (
    <div className="less-slide-section">
      <h4 className="sp-agenda-title">{title}</h4>
      <ul className="less-slide-items" aria-label={`${title}: ${team}`}>
        {props.items.map((i) => (
          <li key={i.id} className="less-slide-item">
            {section === 'done' && (
              <input type="checkbox" checked={i.achieved} disabled={!commands} aria-label={`Achieved: ${i.text}`} onChange={(e) => commands?.updateDemoItem(i.id, { achieved: e.target.checked })} />
            )}
            <DraftText label={`${title}: ${i.text}`} value={i.text} readOnly={!commands} maxLength={LESS_LIMITS.title} onSave={(t) => commands?.updateDemoItem(i.id, { text: t })} className="sp-inline-input" />
            {i.url && (
              <button type="button" className="button small ghost" aria-label={`Open the link of ${i.text}`} onClick={() => platform.openExternal(i.url)}>
                ↗
              </button>
            )}
            {commands && (
              <button type="button" className="icon-button sp-small-icon" aria-label={`Remove: ${i.text}`} onClick={() => commands.removeDemoItem(i.id)}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {commands && (
        <form className="row less-question-form" onSubmit={add}>
          <input aria-label={`Add to ${title}: ${team}`} placeholder={section === 'link' ? 'Title' : 'Add a line'} value={text} maxLength={LESS_LIMITS.title} onChange={(e) => setText(e.target.value)} />
          {section !== 'next' && (
            <input aria-label={`Link for ${title}: ${team}`} placeholder="https://…" value={url} maxLength={LESS_LIMITS.url} onChange={(e) => setUrl(e.target.value)} className="less-owner" />
          )}
          <button type="submit" className="button small" disabled={!text.trim() && !url.trim()}>
            Add
          </button>
        </form>
      )}
    </div>
  )
}

/** Time left on the presenter's timer as this device sees it. */
export function useTimeLeft(review: SprintReview): number | null {
  const running = !!review.timer && review.timer.pausedAt === undefined
  const now = useNow(500, running)
  if (!review.timer) return null
  return timerRemaining(review.timer, now, review.offsetOf(review.timer.startedBy))
}

/** Who is on now, for those not in presenter mode. */
export function NowPresenting(props: { review: SprintReview; teams: readonly TeamEntry[]; onFollow(): void }) {
  const left = useTimeLeft(props.review)
  const team = props.teams.find((t) => t.id === props.review.presenter?.teamId)
  if (!team || left === null) return null
  return (
    <div className="less-now-presenting" role="status" aria-label="Now presenting">
      <span>
        Now presenting: <strong>{teamLabel(team)}</strong> · <span>{formatCountdown(left)}</span> left{props.review.timer?.pausedAt !== undefined ? ' (paused)' : ''}
      </span>
      <button type="button" className="button small" onClick={props.onFollow}>
        Follow in presenter mode
      </button>
    </div>
  )
}

/**
 * Presenter mode: full screen, one team at a time, keyboard-driven (→ / Space / Page Down: next
 * team, ← / Page Up: previous, P: pause or resume the timer, Esc: leave). The team on and its
 * timer are shared: every peer in presenter mode follows, and sees the same time left.
 */
export function Presenter(props: { sprint: number; review: SprintReview; teams: readonly TeamEntry[]; commands: ReviewCommands | null; onClose(): void }) {
  const { review, commands, teams } = props
  const box = useRef<HTMLDivElement>(null)
  const order = teams.map((t) => t.id)
  const currentId = review.presenter?.teamId ?? null
  const team = teams.find((t) => t.id === currentId) ?? null
  const left = useTimeLeft(review)
  const paused = review.timer?.pausedAt !== undefined
  const [slot, setSlot] = useState(5)

  useEffect(() => {
    box.current?.focus()
    const el = box.current
    if (el && typeof el.requestFullscreen === 'function' && !document.fullscreenElement) el.requestFullscreen().catch(() => {})
    return () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {})
    }
  }, [])
  useEffect(() => {
    // the first to present puts the first team on
    if (commands && !currentId && order[0]) commands.present(order[0], slot * 60_000)
  }, [commands, currentId, order, slot])

  const step = (direction: 1 | -1) => {
    const next = stepTeam(order, currentId, direction)
    if (commands && next) commands.present(next)
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') return props.onClose()
    if (!commands) return
    if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') {
      e.preventDefault()
      step(1)
    } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
      e.preventDefault()
      step(-1)
    } else if (e.key === 'p' || e.key === 'P') {
      commands.pauseTimer(!paused, left ?? 0)
    }
  }
  const items = review.demoItems.filter((i) => i.teamId === currentId)
  const done = items.filter((i) => i.section === 'done')
  const next = items.filter((i) => i.section === 'next')
  const links = items.filter((i) => i.section === 'link')
  const at = currentId ? order.indexOf(currentId) : -1
  return (
    <div ref={box} className="less-presenter" role="dialog" aria-modal="true" aria-label="Demo presenter" tabIndex={-1} onKeyDown={onKey}>
      <header className="less-presenter-head">
        <span className="less-presenter-count">
          Sprint {props.sprint} demo · team {at + 1} of {order.length}
        </span>
        <span className={`less-presenter-timer ${left !== null && left < 30_000 ? 'low' : ''}`} role="timer" aria-label="Time left for this team">
          {left === null ? '–' : formatCountdown(left)}
          {paused ? ' ⏸' : ''}
        </span>
      </header>
      {team ? (
        <main className="less-presenter-slide" aria-live="polite">
          <h1>{teamLabel(team)}</h1>
          <div className="less-presenter-grid">
            <section>
              <h2>{sectionTitle('done', props.sprint)}</h2>
              <ul>
                {done.map((i) => (
                  <li key={i.id} className={i.achieved ? 'achieved' : 'missed'}>
                    <span aria-hidden="true">{i.achieved ? '✓' : '○'}</span> {i.text}
                    <span className="sp-sr-only">{i.achieved ? ' (achieved)' : ' (not achieved)'}</span>
                  </li>
                ))}
                {done.length === 0 && <li className="muted">Nothing listed.</li>}
              </ul>
            </section>
            <section>
              <h2>{sectionTitle('next', props.sprint)}</h2>
              <ol>
                {next.map((i) => (
                  <li key={i.id}>{i.text}</li>
                ))}
                {next.length === 0 && <li className="muted">Not set yet.</li>}
              </ol>
              {links.length > 0 && (
                <>
                  <h2>{DEMO_SECTION_LABELS.link}</h2>
                  <ul>
                    {links.map((i) => (
                      <li key={i.id}>
                        <button type="button" className="link-button" onClick={() => platform.openExternal(i.url)}>
                          {i.text || i.url}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          </div>
        </main>
      ) : (
        <main className="less-presenter-slide">
          <h1>The demo is over</h1>
        </main>
      )}
      <footer className="less-presenter-foot">
        <span className="muted">← → move between teams · P pauses the timer · Esc leaves</span>
        <span className="row">
          {commands && (
            <>
              <label className="less-slot">
                Minutes per team
                <select value={slot} onChange={(e) => setSlot(Number(e.target.value))} aria-label="Minutes per team">
                  {[2, 3, 5, 8, 10].map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button small" disabled={!currentId || at <= 0} onClick={() => step(-1)}>
                Previous team
              </button>
              <button type="button" className="button small" onClick={() => commands.pauseTimer(!paused, left ?? 0)} disabled={!currentId}>
                {paused ? 'Resume timer' : 'Pause timer'}
              </button>
              <button type="button" className="button small" onClick={() => currentId && commands.present(currentId, slot * 60_000)} disabled={!currentId}>
                Restart timer
              </button>
              <button type="button" className="button small primary" disabled={!currentId || at >= order.length - 1} onClick={() => step(1)}>
                Next team
              </button>
            </>
          )}
          <button type="button" className="button small ghost" onClick={props.onClose}>
            Leave presenter mode
          </button>
        </span>
      </footer>
    </div>
  )
}
