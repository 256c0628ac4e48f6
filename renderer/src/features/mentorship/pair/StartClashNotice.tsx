import { useStartClash } from '../store/pairMerge.ts'
import { usePairMembers } from '../store/pair.ts'

/**
 * While a pair has two spaces because both people accepted it at the same moment (store/pairMerge.ts),
 * its page says which one the two keep and what to do; everything written in the other moves into
 * the kept one as soon as a device holds both.
 */
export function StartClashNotice({ spaceId, me }: { spaceId: string; me: string }) {
  const clash = useStartClash(spaceId)
  // the kept space: the notice goes once the other person is in it
  const partnerHere = usePairMembers(spaceId).some((m) => m.id !== me && !m.leftAt)
  if (!clash) return null
  if (clash.role === 'other') {
    return (
      <div className="alert info" role="status">
        <strong>{clash.pairName} was started on both your devices at the same time.</strong> The pair keeps the other one&apos;s space.
        Join it with the invite your pair sends you: everything written here moves there by itself, and this copy is then removed
        from this device.
      </div>
    )
  }
  if (clash.partnerHere || partnerHere) return null
  return (
    <div className="alert info" role="status">
      <strong>{clash.pairName} was started on both your devices at the same time.</strong> This space is the one you both keep: send
      your pair its invite (Invite people, above). What they wrote in theirs moves here once they join.
    </div>
  )
}
