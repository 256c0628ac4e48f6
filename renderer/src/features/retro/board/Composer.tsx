import { useState, type KeyboardEvent } from 'react'
import { CARD_TEXT_MAX } from '@shared/retro/cards.ts'
import { type Phase, isRevealed } from '@shared/retro/phases.ts'
import { typingToShare } from '@shared/retro/presence.ts'
import type { Column } from '@shared/retro/templates.ts'
import { toast } from '@ui/toasts.ts'
import type { CardEnv } from './useBoardModel.ts'

/** A new card in a column: Enter adds it, Shift+Enter starts a new line. Others see that I write here, unless the board is anonymous. */
export function Composer({ env, phase, column }: { env: CardEnv; phase: Phase; column: Column }) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!text.trim() || busy) return
    setBusy(true)
    try {
      await env.commands.addCard(column.id, text)
      setText('')
      env.setTyping(null)
    } catch (e) {
      toast(e instanceof Error ? e.message : 'Could not add the card.', 'error')
    } finally {
      setBusy(false)
    }
  }
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      void submit()
    }
  }
  const label = `New card in ${column.title}`
  return (
    <div className="rt-composer">
      <textarea
        aria-label={label}
        placeholder={column.prompt || 'Write a card…'}
        rows={2}
        maxLength={CARD_TEXT_MAX}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          env.setTyping(typingToShare(e.target.value.trim() ? { columnId: column.id } : null, env.board.settings.anonymous))
        }}
        onBlur={() => env.setTyping(null)}
        onKeyDown={onKey}
      />
      <div className="rt-composer-foot">
        <span className="muted small">{isRevealed(phase) ? (env.board.settings.anonymous ? 'Posted without your name' : 'Everyone sees it at once') : 'Only you see it until reveal'}</span>
        <button type="button" className="button small primary" disabled={!text.trim() || busy} onClick={() => void submit()} aria-label={`Add card to ${column.title}`}>
          Add
        </button>
      </div>
    </div>
  )
}
