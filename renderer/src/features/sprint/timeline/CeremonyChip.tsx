import { Link } from 'wouter'
import { CEREMONIES, type CeremonyKind } from '@shared/sprint/ceremonies.ts'
import type { CeremonyOccurrence } from '@shared/sprint/schedule.ts'
import { viewerTime } from '@shared/sprint/viewerTime.ts'

export const SHORT_LABELS: Record<CeremonyKind, string> = {
  'team-sprint-planning': 'Sprint planning',
  'daily-sync-up': 'Sync\u2011up',
  'division-sprint-planning': 'Division planning',
  'team-scrum': 'Team scrum',
  'team-retrospective': 'Team retro',
  'sprint-retro-demo': 'Retro & demo'
}

/** 'America/New_York' → 'New York' */
function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ')
}

/** One meeting in the timeline: its time in the viewer's zone, what it is, a link to its page. */
export function CeremonyChip(props: { occurrence: CeremonyOccurrence; viewerZone: string; href: string; teamName?: string }) {
  const o = props.occurrence
  const t = viewerTime(o, props.viewerZone)
  const label = CEREMONIES[o.kind].label
  const state = o.cancelled ? ', cancelled' : o.moved ? ', moved' : ''
  const who = props.teamName ? `, ${props.teamName}` : ''
  return (
    <Link
      href={props.href}
      className={`sp-chip${o.cancelled ? ' cancelled' : ''}${o.moved ? ' moved' : ''}`}
      data-kind={o.kind}
      title={t.zoneNote ? `${label}: ${t.start}–${t.end} your time (${t.zoneNote})` : `${label}: ${t.start}–${t.end}`}
    >
      {/* named by one sentence for assistive tech; the compact face is for the eye */}
      <span className="sr-only">{`${label}${who}, ${t.day} ${t.start}–${t.end}${state}`}</span>
      <span className="sp-chip-body" aria-hidden="true">
        <span className="sp-chip-time">
          {t.start}
          {t.date !== o.localDate && <span className="sp-chip-shift"> ({t.day})</span>}
        </span>
        <span className="sp-chip-label">{SHORT_LABELS[o.kind]}</span>
        {o.zone !== props.viewerZone && (
          <span className="sp-chip-zone">
            {o.localStart} {zoneCity(o.zone)}
          </span>
        )}
        {o.cancelled && <span className="sp-chip-flag">cancelled</span>}
        {!o.cancelled && o.moved && <span className="sp-chip-flag">moved</span>}
      </span>
    </Link>
  )
}
