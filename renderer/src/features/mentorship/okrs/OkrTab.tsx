import { useState } from 'react'
import type { KeyResult, Okr } from '@shared/mentorship/okr.ts'
import { localToday } from '@ui/today.ts'
import { okrShareMarkdown } from '@shared/mentorship/okrShare.ts'
import { recordCheckIn, removeOkr, saveOkr, useOkrs } from '../store/okrs.ts'
import { toast } from '@ui/toasts.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { firstName, PairPage, type Pair } from '../pair/PairPage.tsx'
import { CheckInDialog } from './CheckInDialog.tsx'
import { OkrCard } from './OkrCard.tsx'
import { OkrFormDialog } from './OkrFormDialog.tsx'
import { ShareDialog } from './ShareDialog.tsx'

/** A personal OKR per mentee, scored 0.0–1.0, with check-ins and a summary for their 1:1. */
export function OkrTab(props: TabProps) {
  return <PairPage tab={props}>{(pair) => <Okrs pair={pair} />}</PairPage>
}

function Okrs({ pair }: { pair: Pair }) {
  const okrs = useOkrs(pair.journal)
  const [form, setForm] = useState<{ mentee: string; editing: Okr | null } | null>(null)
  const [checkIn, setCheckIn] = useState<{ okrId: string; kr: KeyResult } | null>(null)
  const [share, setShare] = useState<{ markdown: string; fileName: string } | null>(null)
  const mentees = pair.names.filter(Boolean)
  const others = [...new Set(okrs.map((o) => o.mentee))].filter((m) => !mentees.includes(m))
  const mentorOf = (mentee: string) => pair.names.find((n) => n && n !== mentee) ?? ''

  return (
    <>
      <header className="section-head">
        <div>
          <h2 className="view-title">Personal OKRs</h2>
          <p className="muted">
            Each mentee sets an objective for what they work on with their mentor, and brings it to 1:1s with their manager.
          </p>
        </div>
      </header>
      {mentees.length === 0 && <p className="empty">Say who is in the pair on the Pair tab first.</p>}
      {[...mentees, ...others].map((mentee) => {
        const theirs = okrs.filter((o) => o.mentee === mentee)
        return (
          <section key={mentee} className="okr-group" aria-label={`${mentee}'s OKRs`}>
            <div className="okr-group-head">
              <h3>
                {firstName(mentee)}&apos;s OKRs {mentorOf(mentee) && <span className="muted small">— mentored by {firstName(mentorOf(mentee))}</span>}
              </h3>
              {!pair.readOnly && (
                <button type="button" className="button small" onClick={() => setForm({ mentee, editing: null })}>
                  New OKR for {firstName(mentee)}
                </button>
              )}
            </div>
            {theirs.length === 0 && <p className="muted small">No OKR yet.</p>}
            {theirs.map(({ okr }) => (
              <OkrCard
                key={okr.id}
                okr={okr}
                readOnly={pair.readOnly}
                onCheckIn={(kr) => setCheckIn({ okrId: okr.id, kr })}
                onEdit={() => setForm({ mentee, editing: okr })}
                onRemove={() => removeOkr(pair.journal, okr.id)}
                onShare={() =>
                  setShare({
                    markdown: okrShareMarkdown(okr, { mentee, mentor: mentorOf(mentee), pairName: pair.info.title, today: localToday() }),
                    fileName: `okr ${mentee} ${okr.quarter}`
                  })
                }
              />
            ))}
          </section>
        )
      })}
      <OkrFormDialog
        open={!!form}
        mentee={form?.mentee ?? ''}
        editing={form?.editing ?? null}
        onClose={() => setForm(null)}
        onSave={(okr) => form && saveOkr(pair.journal, okr, form.mentee)}
      />
      <CheckInDialog
        kr={checkIn?.kr ?? null}
        onClose={() => setCheckIn(null)}
        onSave={(c) => {
          if (!checkIn) return
          recordCheckIn(pair.journal, checkIn.okrId, c)
          toast('Check-in saved')
        }}
      />
      <ShareDialog share={share} onClose={() => setShare(null)} />
    </>
  )
}
