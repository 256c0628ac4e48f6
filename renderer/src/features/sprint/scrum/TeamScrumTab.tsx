import { useMemo } from 'react'
import { type DeckSetting, SCALE_IDS, SCALE_LABELS, parseCustomScale, summarizeVotes } from '@shared/less/poker.ts'
import { scrumMarkdown } from '@shared/less/markdown.ts'
import { sprintRange } from '@shared/sprint/schedule.ts'
import { currentSprint } from '@shared/sprint/sprintDays.ts'
import { formatDateRange } from '@shared/sprint/viewerTime.ts'
import { platform } from '@core/platform/index.ts'
import { DraftText } from '@ui/DraftText.tsx'
import { downloadText } from '@ui/files.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { useViewerDay } from '@ui/today.ts'
import { toast } from '@ui/toasts.ts'
import { MeetingFrame } from '../common/MeetingFrame.tsx'
import { Waiting } from '../common/NotSetUp.tsx'
import { SprintPicker } from '../common/SprintPicker.tsx'
import { TicketQuestions } from '../common/TicketQuestions.tsx'
import { usePlanning } from '../store/planning.ts'
import { type ScrumCommands, useTeamScrum } from '../store/scrum.ts'
import { useSprintDoc } from '../store/sprintDoc.ts'
import { useTeamSprint } from '../store/teamSprint.ts'
import { GoalsPanel } from '../team/PlanningLists.tsx'
import { TeamNotSetUp } from '../team/TeamNotSetUp.tsx'
import { parseSprint } from '../timeline/TimelineView.tsx'
import { PokerPanel } from './PokerPanel.tsx'
import '../sprint.css'
import '../division/less.css'

/**
 * The team scrum (team space), the day before the sprint ends, for the next sprint: planning
 * poker over the tickets division planning assigned to the team, questions and blockers per
 * ticket, and the goals of the next sprint — the same list its team planning page opens with.
 * Route: /scrum/<n> (n = the sprint being prepared; the next one by default).
 */
export function TeamScrumTab(props: TabProps) {
  const ts = useTeamSprint(props.space, props.identity.deviceId)
  const { today } = useViewerDay()
  const cadence = ts.setup.composed?.cadence
  const now = cadence ? currentSprint(cadence, today) : null
  const sprint = parseSprint(props.path[0]) ?? (now === null ? null : now + 1)
  const me = useMemo(() => ({ id: props.identity.deviceId, name: props.identity.name }), [props.identity.deviceId, props.identity.name])
  const scrum = useTeamScrum(props.space, me, sprint, ts.people)
  const planning = usePlanning(useSprintDoc(props.space.id, sprint))
  if (!ts.commands) return <Waiting />
  if (!cadence || sprint === null || now === null) return <TeamNotSetUp ts={ts} readOnly={props.readOnly} />
  const range = sprintRange(cadence, sprint)
  const commands = props.readOnly ? null : scrum.commands
  const nameOf = (id: string) => ts.people.find((p) => p.id === id)?.name ?? 'Someone'
  const exportMarkdown = () => {
    const name = `team-scrum-${props.space.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}-sprint-${sprint}.md`
    const spreads = new Map<string, { round: number; summary: ReturnType<typeof summarizeVotes> }>()
    for (const t of scrum.tickets) {
      const p = scrum.poker(t.id)
      if (p.round?.revealed && p.summary) spreads.set(t.id, { round: p.round.round, summary: p.summary })
    }
    downloadText(
      name,
      scrumMarkdown({
        teamName: props.space.name,
        sprint,
        sprintDates: formatDateRange(range.startDate, range.endDate),
        tickets: scrum.tickets,
        estimates: [...scrum.estimates.values()],
        questions: scrum.questions,
        goals: planning.goals.map((g) => g.text).filter(Boolean),
        spreads,
        nameOf,
        present: scrum.present.map((p) => p.name)
      })
    )
    toast(`${name} downloaded`)
  }
  const estimated = scrum.tickets.filter((t) => scrum.estimates.has(t.id)).length
  return (
    <div className="stack less-page">
      <div className="sp-toolbar">
        <SprintPicker
          sprint={sprint}
          startDate={range.startDate}
          endDate={range.endDate}
          current={sprint === now + 1}
          currentSprint={now + 1}
          currentLabel="Next sprint"
          hrefFor={(n) => `${props.base}/${n}`}
        />
      </div>
      <p className="lead sp-intro">Preparing sprint {sprint}: estimate the tickets division planning gave the team, raise what is unclear, and set the sprint goals.</p>
      <MeetingFrame kind="team-scrum" present={scrum.present} me={{ id: props.identity.deviceId, name: props.identity.name, color: props.identity.color }} onExport={exportMarkdown}>
        <p className="small">
          {estimated} of {scrum.tickets.length} tickets estimated.
        </p>
        {commands && <DeckPicker deck={scrum.deck} commands={commands} />}
      </MeetingFrame>
      <section className="panel" aria-labelledby="scrum-tickets-title">
        <h2 id="scrum-tickets-title">
          Tickets for sprint {sprint} <span className="count">{scrum.tickets.length}</span>
        </h2>
        {scrum.tickets.length === 0 && (
          <p className="muted">
            No ticket is assigned to this team for sprint {sprint} yet. Division planning (in {ts.org?.name ?? 'the org'}) assigns them; they arrive with the next
            member who has both the org and this team.
          </p>
        )}
        {scrum.otherAssigned > 0 && (
          <p className="muted small">
            {scrum.otherAssigned === 1 ? '1 other ticket is' : `${scrum.otherAssigned} other tickets are`} assigned to this team for another sprint or none yet.
          </p>
        )}
        <ul className="less-scrum-tickets" aria-label="Team scrum tickets">
          {scrum.tickets.map((t) => {
            const name = t.key || t.title
            const focused = scrum.focus === t.id
            const estimate = scrum.estimates.get(t.id) ?? null
            return (
              <li key={t.id} className={`less-ticket ${focused ? 'focused' : ''}`} aria-label={name}>
                <div className="less-ticket-head">
                  <div className="less-ticket-title">
                    {t.key && <span className="less-key">{t.key}</span>}
                    <span>{t.title}</span>
                    {t.url && (
                      <button type="button" className="button small ghost" aria-label={`Open ${name} in the tracker`} onClick={() => platform.openExternal(t.url)}>
                        ↗
                      </button>
                    )}
                  </div>
                  {estimate ? (
                    <span className="less-estimate" aria-label={`Estimate of ${name}`}>
                      {estimate.value}
                    </span>
                  ) : (
                    <span className="muted small">not estimated</span>
                  )}
                </div>
                {(t.status || t.priority || t.trackerPoints) && (
                  <p className="muted small less-facts">{[t.status, t.priority, t.trackerPoints ? `${t.trackerPoints} pts in the tracker` : ''].filter(Boolean).join(' · ')}</p>
                )}
                {t.notes && <p className="small less-facts">{t.notes}</p>}
                {focused ? (
                  <PokerPanel
                    ticketId={t.id}
                    name={name}
                    poker={scrum.poker(t.id)}
                    estimate={estimate}
                    people={ts.people}
                    presentIds={scrum.presentIds}
                    meId={props.identity.deviceId}
                    commands={commands}
                  />
                ) : (
                  commands && (
                    <div className="row">
                      <button type="button" className="button small" onClick={() => commands.focus(t.id)}>
                        Estimate {name}
                      </button>
                    </div>
                  )
                )}
                <TicketQuestions
                  ticketName={name}
                  questions={scrum.questions.filter((q) => q.ticketId === t.id)}
                  copies={[{ label: 'From division planning', items: t.questions }]}
                  commands={
                    commands && {
                      add: (text, kind) => commands.addQuestion(t.id, text, kind),
                      update: (id, patch) => commands.updateQuestion(id, patch),
                      remove: (id) => commands.removeQuestion(id)
                    }
                  }
                />
              </li>
            )
          })}
        </ul>
      </section>
      <p className="muted small">The goals below are sprint {sprint}&apos;s goals: its team planning page opens with them.</p>
      <GoalsPanel goals={planning.goals} commands={props.readOnly ? null : planning.commands} />
    </div>
  )
}

function DeckPicker({ deck, commands }: { deck: DeckSetting; commands: ScrumCommands }) {
  return (
    <div className="stack less-deck">
      <label className="field">
        <span className="field-label">Cards</span>
        <select value={deck.scale} onChange={(e) => commands.setDeck({ ...deck, scale: e.target.value as DeckSetting['scale'] })}>
          {SCALE_IDS.map((id) => (
            <option key={id} value={id}>
              {SCALE_LABELS[id]}
            </option>
          ))}
        </select>
      </label>
      {deck.scale === 'custom' && (
        <DraftText
          label="Custom cards"
          visibleLabel
          value={deck.custom.join(' ')}
          placeholder="1 2 3 5 8"
          maxLength={300}
          validate={(text) => {
            const parsed = parseCustomScale(text)
            return parsed.ok ? null : parsed.error
          }}
          onSave={(text) => {
            const parsed = parseCustomScale(text)
            if (parsed.ok) commands.setDeck({ scale: 'custom', custom: parsed.values })
          }}
        />
      )}
      <p className="muted small">Every deck has ? and ☕ (coffee / pass). A change applies from the next round.</p>
    </div>
  )
}
