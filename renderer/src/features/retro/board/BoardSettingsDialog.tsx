import type { FormEvent } from 'react'
import { phaseIndex } from '@shared/retro/phases.ts'
import { Dialog } from '@ui/ui.tsx'
import { VotingFields, readVoting } from '../setup/VotingFields.tsx'
import type { BoardModel } from './useBoardModel.ts'

/** The facilitator changes anonymity (for cards written from now on) and the voting rules. */
export function BoardSettingsDialog(props: { model: BoardModel; open: boolean; onClose(): void }) {
  return (
    <Dialog title="Board settings" open={props.open} onClose={props.onClose}>
      <SettingsForm model={props.model} onClose={props.onClose} />
    </Dialog>
  )
}

/** Mounted each time the dialog opens, so it starts from the board's current settings. */
function SettingsForm(props: { model: BoardModel; onClose(): void }) {
  const { model } = props
  const votingStarted = phaseIndex(model.phase) >= phaseIndex('vote')
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const anonymous = new FormData(e.currentTarget).get('anonymous') === 'on'
    model.commands.saveSettings({ anonymous, voting: readVoting(e.currentTarget) })
    props.onClose()
  }
  return (
    <form className="stack" onSubmit={save}>
      <label className="rt-check">
        <input type="checkbox" name="anonymous" defaultChecked={model.board.settings.anonymous} />
        <span>Anonymous cards</span>
      </label>
      <p className="muted small">Applies to cards written from now on; cards already on the board keep (or keep lacking) their author.</p>
      <VotingFields initial={model.board.settings.voting} />
      {votingStarted && <p className="field-hint">Voting has started: changing the limits recounts every vote on every device.</p>}
      <div className="row end">
        <button type="button" className="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Save
        </button>
      </div>
    </form>
  )
}
