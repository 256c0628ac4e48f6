import { useEffect } from 'react'
import { Redirect, Route, Router, Switch, useLocation } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { useIdentity } from '@core/device/identity.ts'
import { platform } from '@core/platform/index.ts'
import { FirstRun } from '@features/identity/index.ts'
import { HomeScreen, JoinScreen, NewSpaceDialog, SpaceHome } from '@features/spaces/index.ts'
import { SettingsScreen } from '@features/settings/index.ts'
import { AddDeviceScreen, BackupScreen } from '@features/backup/index.ts'
import { MissedReminders, onOpenMeeting } from '@features/reminders/index.ts'
import { routeOfLink } from '@shared/links/deepLink.ts'
import { SPACE_TABS } from './tabs.ts'
import { useAppCommands } from './appCommands.ts'
import { Sidebar } from './Sidebar.tsx'
import { Toasts } from '@ui/ui.tsx'
import { UnsavedEditsAlert } from './UnsavedEditsAlert.tsx'
import { ReadOnlyNotice } from './ReadOnlyNotice.tsx'

export function App() {
  return (
    <Router hook={useHashLocation}>
      <Shell />
      <Toasts />
    </Router>
  )
}

function Shell() {
  const identity = useIdentity()
  const [location] = useLocation()
  useDeepLinks()
  useAppCommands()
  if (identity === undefined) return <div className="loading" aria-busy="true" />
  // "Add my other device" on a device with no identity yet: it becomes that person
  if (identity === null && /^\/device(\/|$)/.test(location)) return <AddDeviceScreen code={location.replace(/^\/device\/?/, '')} firstRun />
  if (identity === null) return <FirstRun />
  return (
    <div className="shell">
      <Sidebar identity={identity} />
      <NewSpaceDialog identity={identity} />
      <main className="content" id="main">
        <UnsavedEditsAlert />
        <ReadOnlyNotice />
        <MissedReminders />
        <Switch>
          <Route path="/">
            <HomeScreen />
          </Route>
          <Route path="/space/:id">{(p) => <SpaceHome key={p.id} spaceId={p.id} identity={identity} path="" tabs={SPACE_TABS} />}</Route>
          <Route path="/space/:id/*">{(p) => <SpaceHome key={p.id} spaceId={p.id} identity={identity} path={p['*'] ?? ''} tabs={SPACE_TABS} />}</Route>
          <Route path="/join">
            <JoinScreen identity={identity} code="" />
          </Route>
          <Route path="/join/*">{(p) => <JoinScreen identity={identity} code={p['*'] ?? ''} />}</Route>
          <Route path="/settings">
            <SettingsScreen identity={identity} />
          </Route>
          <Route path="/backup">
            <BackupScreen identity={identity} />
          </Route>
          <Route path="/device">
            <AddDeviceScreen code="" firstRun={false} />
          </Route>
          <Route path="/device/*">{(p) => <AddDeviceScreen code={p['*'] ?? ''} firstRun={false} />}</Route>
          <Route>
            <Redirect to="/" />
          </Route>
        </Switch>
      </main>
    </div>
  )
}

/**
 * tandem:// links: `tandem://join/<code>` opens the join screen with the code filled in;
 * `tandem://open/<path>` (a clicked reminder, desktop) opens that meeting's page. A reminder
 * clicked in web mode arrives as the app path itself. Anything else is ignored (shared/links/deepLink.ts).
 */
function useDeepLinks() {
  const [, navigate] = useLocation()
  useEffect(() => {
    const open = (url: string) => {
      // "Add my other device" links (tandem://device/<code>, issue 14)
      const device = /^tandem:\/\/device\/?(\S*)$/i.exec(url)
      if (device) return navigate(`/device/${device[1] ?? ''}`)
      const route = routeOfLink(url)
      if (route) navigate(route)
      else console.warn(`Ignored a link Tandem does not open: ${url.slice(0, 80)}`)
    }
    void platform.takeDeepLink().then((url) => url && open(url))
    const stopLinks = platform.onDeepLink(open)
    const stopMeetings = onOpenMeeting((path) => navigate(path))
    return () => {
      stopLinks()
      stopMeetings()
    }
  }, [navigate])
}
