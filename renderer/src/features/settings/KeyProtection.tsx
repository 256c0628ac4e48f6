import { describeKeyProtection } from '@shared/storage/keyProtection.ts'
import { secretsProtection } from '@core/database/unlock.ts'

/**
 * Settings → Keys on this computer (issue 10 #19): whether the system's keychain protects the keys
 * this device stores (space keys, its own keys, TURN credentials), and what to do when it does not
 * — e.g. Linux without a keyring, where Electron's safeStorage would use a fixed password. The
 * state is the one found at start (core/database/unlock.ts); a change needs a restart anyway.
 */
export function KeyProtection() {
  const text = describeKeyProtection(secretsProtection())
  return (
    <section className="panel" aria-labelledby="keys-title">
      <h2 id="keys-title">Keys on this computer</h2>
      {text.tone === 'ok' ? (
        <p className="muted">{text.status}</p>
      ) : (
        <div className="alert info key-protection" role="note">
          <p>{text.status}</p>
          {text.advice && <p>{text.advice}</p>}
        </div>
      )}
    </section>
  )
}
