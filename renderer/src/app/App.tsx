import { useEffect } from 'react'
import { Redirect, Route, Router, Switch, useLocation } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { useIdentity } from '@core/device/identity.ts'
import { platform } from '@core/platform/index.ts'
import { FirstRun } from '@features/identity/index.ts'
import { HomeScreen, JoinScreen, NewSpaceDialog, SpaceHome } from '@features/spaces/index.ts'
import { SettingsScreen } from '@features/settings/index.ts'
import { SPACE_TABS } from './tabs.ts'
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
  useDeepLinks()
  if (identity === undefined) return <div className="loading" aria-busy="true" />
  if (identity === null) return <FirstRun />
  return (
    <div className="shell">
      <Sidebar identity={identity} />
      <NewSpaceDialog identity={identity} />
      <main className="content" id="main">
        <UnsavedEditsAlert />
        <ReadOnlyNotice />
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
          <Route>
            <Redirect to="/" />
          </Route>
        </Switch>
      </main>
    </div>
  )
}

/** tandem://join/… links (desktop) open the join screen with the code filled in. */
function useDeepLinks() {
  const [, navigate] = useLocation()
  useEffect(() => {
    const open = (url: string) => {
      const code = url.replace(/^tandem:\/\/join\/?/i, '')
      navigate(`/join/${code}`)
    }
    void platform.takeDeepLink().then((url) => url && open(url))
    return platform.onDeepLink(open)
  }, [navigate])
}
