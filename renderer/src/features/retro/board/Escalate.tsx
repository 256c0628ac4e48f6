import { useState } from 'react'
import type { Card } from '@shared/retro/cards.ts'
import { snippet } from '@shared/retro/boardView.ts'
import { toast } from '@ui/toasts.ts'
import { PickDialog } from '../PickDialog.tsx'
import type { BoardContext } from './types.ts'
import type { CardEnv } from './useBoardModel.ts'

/** Takes a card to the org's sprint retrospective (the team's org, or one picked from this device's orgs). */
export function Escalate({ env, card, ctx }: { env: CardEnv; card: Card; ctx: BoardContext }) {
  const orgs = ctx.orgs
  const [picking, setPicking] = useState(false)
  if (card.escalated || !env.can('escalate')) return null
  const org = orgs.find((o) => o.id === ctx.orgSpaceId)
  const go = async (orgId: string, orgName: string) => {
    try {
      await env.commands.escalate(card.id, orgId)
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
          ctx.chooseOrg(chosen.id)
          void go(chosen.id, chosen.name)
        }}
      />
    </>
  )
}
