import { useState } from 'react'
import { MEMBER_COLORS } from '@shared/identity/identity.ts'
import { saveIdentity } from '@core/device/identity.ts'
import { IdentityForm } from './IdentityForm.tsx'

export function FirstRun() {
  const [color] = useState(() => MEMBER_COLORS[Math.floor(Math.random() * MEMBER_COLORS.length)]!)
  return (
    <main className="first-run">
      <section className="first-run-card" aria-labelledby="welcome-title">
        <img src="./icon.svg" alt="" width={56} height={56} />
        <h1 id="welcome-title">Welcome to Tandem</h1>
        <p className="lead">
          Mentoring pairs and sprint ceremonies, on your own computer. Your journal and boards live on this device and sync
          directly with the people you invite, end-to-end encrypted — no account, no server holding your data.
        </p>
        <IdentityForm initialName="" initialColor={color} submitLabel="Get started" onSubmit={async (n, c) => void (await saveIdentity(n, c))} />
        <p className="muted small">
          Already use Tandem on another computer? <a href="#/device">Add this device</a> to be the same person with all your spaces.
        </p>
      </section>
    </main>
  )
}
