import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@app/App.tsx'
import { platform } from '@core/platform/index.ts'
import { setSettingDefaults } from '@core/device/settings.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { keepPairJournalsSynced } from '@features/mentorship/index.ts'
import { toast } from '@ui/toasts.ts'
import { watchUnsavedEdits } from '@core/documents/unsavedEdits.ts'
import { startServices } from '@core/sync/services.ts'
import { sprintServices } from '@features/sprint/index.ts'
import { retroServices } from '@features/retro/index.ts'
import { reminderServices, startReminders } from '@features/reminders/index.ts'
import { startScheduledBackups } from '@features/backup/index.ts'
import { unlockStoredSecrets } from '@core/database/unlock.ts'
import { describeKeyProtection } from '@shared/storage/keyProtection.ts'
import './styles.css'

// before any document is loaded: an edit that cannot be written is kept, retried and shown
watchUnsavedEdits({ warnOnLeave: platform.kind === 'web' })
void platform.storage?.askToPersist()
setSettingDefaults({ signalingUrls: platform.defaultSignalingUrls(), online: true })
// before anything reads a key: the desktop's storage key (OS keychain) opens the secrets stored
// wrapped, and wraps those still stored plain (core/database/secrets.ts)
const secrets = await unlockStoredSecrets(platform.storageKey)
if (secrets.state === 'failed') {
  // Settings → Keys on this computer says the same, for later
  const text = describeKeyProtection(secrets)
  toast(`${text.status} ${text.advice ?? ''}`, 'error')
}
syncManager.start()
// pair journals sync in the background, like root documents
keepPairJournalsSynced()
// replication between documents and spaces, for every active space, with or without a screen open
startServices([...sprintServices, ...retroServices, ...reminderServices])
// this person's meetings → main's reminder service (desktop) or the page's notifications (web)
startReminders()
// every space into the chosen folder on the chosen schedule (desktop)
startScheduledBackups()

// Last line of defence: tell the user instead of failing silently.
addEventListener('unhandledrejection', (event) => {
  toast(`Something went wrong: ${String((event.reason as Error)?.message ?? event.reason)}`, 'error')
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
