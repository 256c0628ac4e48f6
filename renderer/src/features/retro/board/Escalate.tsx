import { useState } from 'react'
import type { Card } from '../../../../../shared/retro/cards.ts'
import { snippet } from '../../../../../shared/retro/boardView.ts'
import { toast } from '../../../app/toasts.ts'
import { escalateCard } from '../../../data/retro/escalations.ts'
import { saveRetroSettings } from '../../../data/retro/lateTickets.ts'
import { PickDialog } from '../PickDialog.tsx'
import type { BoardContext } from './types.ts'
import type { BoardModel } from './useBoardModel.ts'

/** Takes a card to the org's sprint retrospective (the team's org, or one picked from this device's orgs). */
export function Escalate({ model, card, ctx }: { model: BoardModel; card: Card; ctx: BoardContext }) {
  const orgs = ctx.orgs
  const [picking, setPicking] = useState(false)
  if (card.escalated || !model.can('escalate')) return null
  const org = orgs.find((o) => o.id === ctx.orgSpaceId)
  const go = async (orgId: string, orgName: string) => {
    try {
      await escalateCard(model.link, model.board, card, orgId)
      toast(`Escalated to ${orgName}’s sprint retrospective`)
    } catch (e) {
      toast(e instanceof Error ? e.message : 'Could not escalate the card.', 'error')
    }
  }
  const label = `Escalate to the org: ${snippet(card.text, 40)}`
  if (org) {
    return (
      <button type="button" className="button small ghost" aria-label={label} onClick={() => void go(org.id, org.name)}>
        Escalate
      </button>
    )
  }
  // without an org space on this device there is nowhere to escalate to (DiscussView says so once)
  if (orgs.length === 0) return null
  return (
    <>
      <button type="button" className="button small ghost" aria-label={label} onClick={() => setPicking(true)}>
        Escalate…
      </button>
      <PickDialog
        title="Escalate to which org?"
        open={picking}
        onClose={() => setPicking(false)}
        options={orgs.map((o) => ({ id: o.id, label: o.name, hint: 'also where this team shares its late tickets' }))}
        onPick={(id) => {
          const chosen = orgs.find((o) => o.id === id)
          if (!chosen) return
          saveRetroSettings(ctx.teamDoc, { orgSpaceId: chosen.id })
          void go(chosen.id, chosen.name)
        }}
      />
    </>
  )
}
