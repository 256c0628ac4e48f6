import { useState, type KeyboardEvent } from 'react'
import { CARD_TEXT_MAX } from '@shared/retro/cards.ts'
import { typingToShare } from '@shared/retro/presence.ts'
import { toast } from '@ui/toasts.ts'
import type { BoardCard } from '../store/cards.ts'
import type { CardEnv } from './useBoardModel.ts'

/** Editing my card in place: Enter saves, Escape cancels; others see that I am typing on it, unless it is anonymous. */
export function CardEditor({ env, card, onDone }: { env: CardEnv; card: BoardCard; onDone(): void }) {
  const [base] = useState(card.text)
  const [text, setText] = useState(card.text)
  // on an anonymous card, saying anything (even the column) as its text changes would name its author
  const typing = typingToShare({ columnId: card.columnId, cardId: card.id }, card.authorId === undefined || env.board.settings.anonymous)
  const close = () => {
    env.setTyping(null)
    onDone()
  }
  const save = async () => {
    if (!text.trim()) return toast('A card needs some text. Delete it instead?', 'error')
    try {
      await env.commands.editCard(card, base, text)
      close()
    } catch (e) {
      toast(e instanceof Error ? e.message : 'Could not save the card.', 'error')
    }
  }
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      close()
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      void save()
    }
  }
  return (
    <div className="rt-card-editor">
      <textarea
        aria-label="Card text"
        autoFocus
        rows={3}
        maxLength={CARD_TEXT_MAX}
        value={text}
        onFocus={() => env.setTyping(typing)}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
      />
      <div className="row end">
        <button type="button" className="button small ghost" onClick={close}>
          Cancel
        </button>
        <button type="button" className="button small primary" onClick={() => void save()}>
          Save
        </button>
      </div>
    </div>
  )
}
