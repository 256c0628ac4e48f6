import { useContext, useState } from 'react'
import { snippet } from '@shared/retro/boardView.ts'
import type { Card } from '@shared/retro/cards.ts'
import type { BoardCard } from '../store/cards.ts'
import { type PickOption, PickDialog } from '../PickDialog.tsx'
import { BoardModelContext, type CardEnv } from './useBoardModel.ts'

/** The keyboard way to group: pick a group or another card to group this card with (or leave its group). */
export function GroupPicker({ env, card, grouped }: { env: CardEnv; card: Card; grouped: boolean }) {
  const [open, setOpen] = useState(false)
  const title = `Group “${snippet(card.text, 40)}” with…`
  return (
    <>
      <button type="button" className="button small ghost" onClick={() => setOpen(true)}>
        {grouped ? 'Regroup…' : 'Group with…'}
        <span className="sr-only"> “{snippet(card.text, 40)}”</span>
      </button>
      {open && <GroupChoices env={env} card={card} title={title} onClose={() => setOpen(false)} />}
    </>
  )
}

/** The choices, read from the board as it is while the picker is open. */
function GroupChoices({ env, card, title, onClose }: { env: CardEnv; card: Card; title: string; onClose(): void }) {
  const model = useContext(BoardModelContext)
  if (!model) return null
  const groups = [...model.view.columns.flatMap((c) => c.groups), ...model.view.unplaced.groups]
  const current = groups.find((g) => g.group.id === card.groupId)
  const loose = [...model.view.columns.flatMap((c) => c.cards), ...model.view.unplaced.cards].filter((c) => c.id !== card.id && !(c as BoardCard).draft)
  const columnTitle = (id: string) => model.board.layout.columns.find((c) => c.id === id)?.title
  const options: PickOption[] = [
    ...(current ? [{ id: 'out', label: 'Take it out of the group' }] : []),
    ...groups.filter((g) => g.group.id !== card.groupId).map((g) => ({ id: `g:${g.group.id}`, label: `Group: ${snippet(g.title, 60)}`, hint: `${g.cards.length} cards` })),
    ...loose.map((c) => ({ id: `c:${c.id}`, label: `Card: ${snippet(c.text, 60)}`, hint: columnTitle(c.columnId) }))
  ]
  const choose = (value: string) => {
    if (value === 'out') env.commands.moveToGroup(card.id, null)
    else if (value.startsWith('g:')) env.commands.moveToGroup(card.id, value.slice(2))
    else env.commands.groupOnto(value.slice(2), card.id)
  }
  return <PickDialog title={title} open onClose={onClose} options={options} empty="There is no other card to group it with yet." onPick={choose} />
}
