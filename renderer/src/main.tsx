import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { platform } from './platform/index.ts'
import { setSettingDefaults } from './data/settings.ts'
import { syncManager } from './sync/syncManager.ts'
import { keepPairJournalsSynced } from './data/mentorship/pairSync.ts'
import { toast } from './app/toasts.ts'
import { watchUnsavedEdits } from './data/unsavedEdits.ts'
import { startServices } from './sync/services.ts'
import { sprintServices } from './data/sprint/services.ts'
import { retroServices } from './data/retro/services.ts'
import './styles.css'

// before any document is loaded: an edit that cannot be written is kept, retried and shown
watchUnsavedEdits({ warnOnLeave: platform.kind === 'web' })
void platform.storage?.askToPersist()
setSettingDefaults({ signalingUrls: platform.defaultSignalingUrls(), online: true })
syncManager.start()
// pair journals sync in the background, like root documents
keepPairJournalsSynced()
// replication between documents and spaces, for every active space, with or without a screen open
startServices([...sprintServices, ...retroServices])

// Last line of defence: tell the user instead of failing silently.
addEventListener('unhandledrejection', (event) => {
  toast(`Something went wrong: ${String((event.reason as Error)?.message ?? event.reason)}`, 'error')
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
