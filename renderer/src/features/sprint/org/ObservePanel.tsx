import { useState } from 'react'
import { setOrgMayObserve, useOrgMayObserve } from '../store/observe.ts'
import { toast } from '@ui/toasts.ts'

/**
 * A team's choice whether its org may observe it (issue 10 #19; off by default): org members then
 * read the team's sync-up — answers, the timer, its people and meeting times — and nothing else;
 * retro boards, planning and the team scrum stay the team's own.
 */
export function ObservePanel(props: { teamSpaceId: string; orgName: string; readOnly: boolean }) {
  const open = useOrgMayObserve(props.teamSpaceId)
  const [busy, setBusy] = useState(false)
  const change = async (next: boolean) => {
    if (!next && !window.confirm('Stop letting the org observe? Observers keep what they have already seen but get nothing new.')) return
    setBusy(true)
    try {
      await setOrgMayObserve(props.teamSpaceId, next)
      toast(next ? `Members of ${props.orgName} can observe the sync-up now.` : 'The org no longer observes this team.')
    } catch (err) {
      toast(`Could not change it: ${(err as Error).message}`, 'error')
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="panel" aria-labelledby="observe-title">
      <h2 id="observe-title">Observers from the org</h2>
      <label className="check">
        <input type="checkbox" checked={open} disabled={busy || props.readOnly} onChange={(e) => void change(e.target.checked)} />
        <span>Let members of {props.orgName} observe this team&apos;s sync-up</span>
      </label>
      <p className="muted small">
        Observers read the sync-up (everyone&apos;s answers and the timer), the team&apos;s people and its meeting times. Retro boards,
        planning and the team scrum stay readable by the team only. To take part, someone asks to join and a member lets them in.
      </p>
    </section>
  )
}
