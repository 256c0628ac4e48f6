import { LESS_LIMITS } from '@shared/less/tickets.ts'
import { platform } from '@core/platform/index.ts'
import { DraftText } from '@ui/DraftText.tsx'
import type { TeamEntry } from '../store/cadenceStore.ts'
import type { Author, BacklogCommands, Question, Ticket } from '../store/backlog.ts'
import { TicketQuestions } from '../common/TicketQuestions.tsx'

/** One candidate ticket on the division board: selected for the sprint or not, its team, estimate, notes and questions. */
export function BacklogItem(props: {
  ticket: Ticket
  sprint: number
  teams: readonly TeamEntry[]
  teamName: (id: string) => string
  questions: readonly Question[]
  commands: BacklogCommands | null
  me: Author
}) {
  const { ticket: t, sprint, commands } = props
  const name = t.key || t.title
  const facts = [t.status, t.priority, t.trackerPoints ? `${t.trackerPoints} pts in the tracker` : '', t.trackerSprint].filter(Boolean)
  const elsewhere = t.forSprint !== null && t.forSprint !== sprint
  const knownTeam = !t.teamId || props.teams.some((team) => team.id === t.teamId)
  return (
    <li className={`less-ticket ${t.forSprint === sprint ? 'selected' : ''}`} aria-label={name}>
      <div className="less-ticket-head">
        <div className="less-ticket-title">
          {t.key && <span className="less-key">{t.key}</span>}
          <DraftText label={`Title of ${name}`} value={t.title} readOnly={!commands} maxLength={LESS_LIMITS.title} onSave={(title) => title.trim() && commands?.updateTicket(t.id, { title: title.trim() })} className="sp-inline-input" />
          {t.url && (
            <button type="button" className="button small ghost" aria-label={`Open ${name} in the tracker`} onClick={() => platform.openExternal(t.url)}>
              ↗
            </button>
          )}
        </div>
        {t.estimate !== null && (
          <span className="less-estimate" aria-label={`Estimate of ${name}`}>
            {t.estimate}
            <span className="less-estimate-by">{t.estimateTeamId ? props.teamName(t.estimateTeamId) : ''}</span>
          </span>
        )}
      </div>
      {facts.length > 0 && <p className="muted small less-facts">{facts.join(' · ')}</p>}
      <div className="row less-ticket-controls">
        <label className="sp-check">
          <input
            type="checkbox"
            checked={t.forSprint === sprint}
            disabled={!commands}
            aria-label={`Estimate ${name} in sprint ${sprint}`}
            onChange={(e) => commands?.selectFor(t.id, e.target.checked ? sprint : null)}
          />
          Estimate in sprint {sprint}
        </label>
        {elsewhere && <span className="badge">Selected for sprint {t.forSprint}</span>}
        <label className="less-team-select">
          <span className="sp-sr-only">Team for {name}</span>
          <select value={t.teamId ?? ''} disabled={!commands} aria-label={`Team for ${name}`} onChange={(e) => commands?.assign(t.id, e.target.value || null)}>
            <option value="">No team yet</option>
            {props.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name || 'Team'}
              </option>
            ))}
            {!knownTeam && t.teamId && <option value={t.teamId}>{props.teamName(t.teamId)}</option>}
          </select>
        </label>
        {commands && (
          <button type="button" className="button small ghost" aria-label={`Remove ${name} from the backlog`} onClick={() => commands.removeTicket(t.id)}>
            Remove
          </button>
        )}
      </div>
      <DraftText
        label={`Notes on ${name}`}
        value={t.notes}
        placeholder="Notes"
        multiline
        rows={1}
        readOnly={!commands}
        maxLength={LESS_LIMITS.notes}
        onSave={(notes) => commands?.updateTicket(t.id, { notes })}
        className="less-notes"
      />
      <TicketQuestions
        ticketName={name}
        questions={props.questions}
        copies={[{ label: t.teamId ? `Asked in ${props.teamName(t.teamId)}'s scrum` : 'Asked in the team scrum', items: t.teamQuestions }]}
        commands={
          commands && {
            add: (text, kind) => commands.addQuestion(t.id, text, kind, props.me),
            update: (id, patch) => commands.updateQuestion(id, patch),
            remove: (id) => commands.removeQuestion(id)
          }
        }
      />
    </li>
  )
}
