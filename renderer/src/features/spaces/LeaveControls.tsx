import { memo, useState } from 'react'
import { useLocation } from 'wouter'
import type { IdentityRow, SpaceRow } from '@core/database/db.ts'
import { deleteLocalCopy, leaveSpace, rejoinSpace } from '@core/spaces/commands.ts'
import { Dialog } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'

/** Leave keeps the local copy; deleting it is a separate step behind a confirmation. */
export const LeaveControls = memo(function LeaveControls({ space, identity }: { space: SpaceRow; identity: IdentityRow }) {
  const [, navigate] = useLocation()
  const [confirm, setConfirm] = useState<'leave' | 'delete' | null>(null)

  const leave = async () => {
    setConfirm(null)
    await leaveSpace(space.id, identity)
    toast(`You left ${space.name}. Its local copy stays on this device.`)
  }
  const remove = async () => {
    setConfirm(null)
    await deleteLocalCopy(space.id)
    toast(`Deleted this device's copy of ${space.name}.`)
    navigate('/')
  }

  return (
    <section className="danger-zone" aria-label="Leave or delete">
      {space.status === 'left' ? (
        <div className="alert info">
          <span>
            You left this space. Its local copy stays readable on this device; it no longer syncs.
          </span>
          <span className="row">
            <button type="button" className="button small" onClick={() => void rejoinSpace(space.id, identity)}>
              Rejoin
            </button>
            <button type="button" className="button danger small" onClick={() => setConfirm('delete')}>
              Delete local copy…
            </button>
          </span>
        </div>
      ) : (
        <button type="button" className="button ghost danger-text" onClick={() => setConfirm('leave')}>
          Leave space…
        </button>
      )}
      <Dialog title={`Leave ${space.name}?`} open={confirm === 'leave'} onClose={() => setConfirm(null)}>
        <p>
          You stop syncing with its members. Everything already on this device stays readable here, and you can rejoin later
          with the same invite.
        </p>
        <div className="row end">
          <button type="button" className="button" onClick={() => setConfirm(null)}>
            Stay
          </button>
          <button type="button" className="button danger" onClick={() => void leave()}>
            Leave space
          </button>
        </div>
      </Dialog>
      <Dialog title={`Delete ${space.name} from this device?`} open={confirm === 'delete'} onClose={() => setConfirm(null)}>
        <p>
          This removes this device&apos;s copy for good. Other members keep theirs. You cannot undo this.
        </p>
        <div className="row end">
          <button type="button" className="button" onClick={() => setConfirm(null)}>
            Keep it
          </button>
          <button type="button" className="button danger" onClick={() => void remove()}>
            Delete local copy
          </button>
        </div>
      </Dialog>
    </section>
  )
})
