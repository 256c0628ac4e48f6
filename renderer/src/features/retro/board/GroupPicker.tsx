import { useState } from 'react'
import { snippet } from '../../../../../shared/retro/boardView.ts'
import type { Card } from '../../../../../shared/retro/cards.ts'
import type { BoardCard } from '../../../data/retro/cards.ts'
import { groupOnto, moveToGroup } from '../../../data/retro/grouping.ts'
import { type PickOption, PickDialog } from '../PickDialog.tsx'
import type { BoardModel } from './useBoardModel.ts'

/** The keyboard way to group: pick a group or another card to group this card with (or leave its group). */
export function GroupPicker({ model, card }: { model: BoardModel; card: Card }) {
  const [open, setOpen] = useState(false)
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
    if (value === 'out') moveToGroup(model.link, card, null, model.groups)
    else if (value.startsWith('g:')) moveToGroup(model.link, card, value.slice(2), model.groups)
    else {
      const target = loose.find((c) => c.id === value.slice(2))
      if (target) groupOnto(model.link, target, card, model.groups)
    }
  }
  const title = `Group “${snippet(card.text, 40)}” with…`
  return (
    <>
      <button type="button" className="button small ghost" aria-label={title} onClick={() => setOpen(true)}>
        {current ? 'Regroup…' : 'Group with…'}
      </button>
      <PickDialog title={title} open={open} onClose={() => setOpen(false)} options={options} empty="There is no other card to group it with yet." onPick={choose} />
    </>
  )
}
