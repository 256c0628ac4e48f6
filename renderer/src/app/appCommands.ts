import { useEffect, useRef } from 'react'
import { useLocation } from 'wouter'
import type { AppCommand } from '@shared/ipc/contract.ts'
import { spaceStep } from '@shared/spaces/cycle.ts'
import { platform } from '@core/platform/index.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { openNewSpace } from '@ui/uiStore.ts'

/** The desktop application menu's items (electron/main/appMenu.ts), acted on in the page. */
export function useAppCommands(): void {
  const [location, navigate] = useLocation()
  const spaces = useSpaces()
  const latest = useRef({ location, spaces })
  useEffect(() => {
    latest.current = { location, spaces }
  })
  useEffect(
    () =>
      platform.onAppCommand((command: AppCommand) => {
        const { location: here, spaces: list } = latest.current
        if (command === 'new-space') return openNewSpace()
        if (command === 'join') return navigate('/join')
        if (command === 'settings') return navigate('/settings')
        if (command === 'home') return navigate('/')
        const current = /^\/space\/([^/]+)/.exec(here)?.[1] ?? null
        const next = spaceStep(list ?? [], current, command === 'next-space' ? 1 : -1)
        if (next) navigate(`/space/${next}`)
      }),
    [navigate]
  )
}
