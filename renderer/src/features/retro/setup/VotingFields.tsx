import { DEFAULT_VOTE_BUDGET, DEFAULT_VOTE_CAP } from '@shared/retro/votes.ts'

/**
 * Votes per person, and how many of them one person may put on one card or group, as form fields
 * (`budget`, `cap`) read when the form is submitted (`readVoting`), so a quick succession of edits
 * can never be lost to a stale render.
 */
export function VotingFields(props: { initial?: { budget: number; cap: number } }) {
  return (
    <div className="rt-voting-fields">
      <label className="field inline">
        <span className="field-label">Votes per person</span>
        <input name="budget" type="number" min={1} max={50} step={1} required defaultValue={props.initial?.budget ?? DEFAULT_VOTE_BUDGET} />
      </label>
      <label className="field inline">
        <span className="field-label">Most votes one person can put on one card</span>
        <input name="cap" type="number" min={1} max={50} step={1} required defaultValue={props.initial?.cap ?? DEFAULT_VOTE_CAP} />
      </label>
    </div>
  )
}

/** The two numbers from a submitted form, kept within 1…50. */
export function readVoting(form: HTMLFormElement): { budget: number; cap: number } {
  const data = new FormData(form)
  const num = (name: string, fallback: number) => {
    const n = Math.round(Number(data.get(name)))
    return Number.isFinite(n) && n > 0 ? Math.min(50, n) : fallback
  }
  return { budget: num('budget', DEFAULT_VOTE_BUDGET), cap: num('cap', DEFAULT_VOTE_CAP) }
}
