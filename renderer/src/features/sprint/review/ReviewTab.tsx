import { useMemo, useState } from 'react'
import { reviewMarkdown } from '@shared/less/markdown.ts'
import { namesOf, personName } from '@shared/members/personName.ts'
import { reactionCounts, shoutOutsBySprint } from '@shared/less/review.ts'
import { escalationsByTeam } from '@shared/retro/escalations.ts'
import { sprintRange } from '@shared/sprint/schedule.ts'
import { currentSprint } from '@shared/sprint/sprintDays.ts'
import { formatDateRange } from '@shared/sprint/viewerTime.ts'
import { downloadText } from '@ui/files.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { useViewerDay } from '@ui/today.ts'
import { toast } from '@ui/toasts.ts'
import { MeetingFrame } from '../common/MeetingFrame.tsx'
import { Waiting } from '../common/NotSetUp.tsx'
import { SprintPicker } from '../common/SprintPicker.tsx'
import { OrgGate } from '../org/OrgGate.tsx'
import { useSprintReview } from '../store/review.ts'
import { parseSprint } from '../timeline/TimelineView.tsx'
import { DemoSlides, NowPresenting, Presenter } from './Demo.tsx'
import { Retrospective } from './Retrospective.tsx'
import { ShoutOuts } from './ShoutOuts.tsx'
import '../sprint.css'
import '../division/less.css'

/**
 * The sprint retrospective & demo (org space), at the very end of sprint n: the opportunities
 * teams escalated, shout-outs, and each team's demo with a presenter mode. Route: /review/<n>
 * (the current sprint by default).
 */
export function ReviewTab(props: TabProps) {
  return (
    <OrgGate space={props.space} meId={props.identity.deviceId} readOnly={props.readOnly}>
      {({ cadence }) => <Review {...props} cadence={cadence} />}
    </OrgGate>
  )
}

function Review(props: TabProps & { cadence: Parameters<typeof currentSprint>[0] }) {
  const { today } = useViewerDay()
  const now = currentSprint(props.cadence, today)
  const sprint = parseSprint(props.path[0]) ?? now
  const me = useMemo(() => ({ id: props.identity.deviceId, name: props.identity.name }), [props.identity.deviceId, props.identity.name])
  const review = useSprintReview(props.space, sprint, me)
  const [presenting, setPresenting] = useState(false)
  const teams = useMemo(() => [...review.teams].sort((a, b) => (a.name || 'Team').localeCompare(b.name || 'Team') || a.id.localeCompare(b.id)), [review.teams])
  if (!review.commands) return <Waiting />
  const commands = props.readOnly ? null : review.commands
  const range = sprintRange(props.cadence, sprint)
  const names = namesOf(review.members)
  const nameOf = (id: string) => personName(id, names, 'Someone')
  const exportMarkdown = () => {
    const name = `sprint-retro-demo-sprint-${sprint}.md`
    const { current } = shoutOutsBySprint(review.shoutOuts, sprint)
    downloadText(
      name,
      reviewMarkdown({
        orgName: props.space.name,
        sprint,
        sprintDates: formatDateRange(range.startDate, range.endDate),
        present: review.present.map((p) => p.name),
        escalations: escalationsByTeam(review.escalations),
        notes: review.notes,
        followUps: review.followUps,
        shoutOuts: current.map((s) => ({
          text: s.text,
          // the names the page shows: from member entries (store/review.ts)
          to: s.toNames.map((name) => ({ name })),
          author: s.author,
          reactions: reactionCounts(review.reactions, s.id, me.id, nameOf)
            .map((r) => `${r.emoji} ${r.count}`)
            .join(' ')
        })),
        demos: teams.map((t) => {
          const items = review.demoItems.filter((i) => i.teamId === t.id)
          return {
            teamName: t.name || 'Team',
            done: items.filter((i) => i.section === 'done'),
            next: items.filter((i) => i.section === 'next'),
            links: items.filter((i) => i.section === 'link')
          }
        })
      })
    )
    toast(`${name} downloaded`)
  }
  return (
    <div className="stack less-page">
      <div className="sp-toolbar">
        <SprintPicker sprint={sprint} startDate={range.startDate} endDate={range.endDate} current={sprint === now} currentSprint={now} hrefFor={(n) => `${props.base}/${n}`} />
      </div>
      <p className="lead sp-intro">The end of sprint {sprint}: what the teams brought to the org, shout-outs, and each team&apos;s demo.</p>
      <MeetingFrame kind="sprint-retro-demo" present={review.present} roomCount={review.roomCount} me={{ id: props.identity.deviceId, name: props.identity.name, color: props.identity.color }} onExport={exportMarkdown} />
      {!presenting && <NowPresenting review={review} teams={teams} onFollow={() => setPresenting(true)} />}
      <Retrospective sprint={sprint} escalations={review.escalations} notes={review.notes} followUps={review.followUps} commands={commands} />
      <ShoutOuts sprint={sprint} review={review} meId={props.identity.deviceId} commands={commands} />
      <DemoSlides sprint={sprint} review={review} teams={teams} commands={commands} onPresent={() => setPresenting(true)} />
      {presenting && <Presenter sprint={sprint} review={review} teams={teams} commands={commands} onClose={() => setPresenting(false)} />}
    </div>
  )
}
