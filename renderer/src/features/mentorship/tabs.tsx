import { lazyTab, type SpaceTab, type TabProps } from '@ui/spaceTab.tsx'
import type { ComponentType } from 'react'

/**
 * The mentorship feature's sections of a space: the org's pool, and a pair's journal. Each view
 * loads on first use (its own chunk: Markdown, YAML and matching are not needed at start).
 */
const view = (load: () => Promise<ComponentType<TabProps>>) => lazyTab(load, 'mentor-page')

const PoolView = view(async () => (await import('./pool/PoolTab.tsx')).PoolTab)
const PairView = view(async () => (await import('./pair/PairTab.tsx')).PairTab)
const SessionsView = view(async () => (await import('./sessions/SessionsTab.tsx')).SessionsTab)
const DirectionsView = view(async () => (await import('./directions/DirectionsTab.tsx')).DirectionsTab)
const ProjectsView = view(async () => (await import('./projects/ProjectsTab.tsx')).ProjectsTab)
const OkrView = view(async () => (await import('./okrs/OkrTab.tsx')).OkrTab)
const PrivateNotesView = view(async () => (await import('./PrivateNotesTab.tsx')).PrivateNotesTab)

export const mentorshipTabs: SpaceTab[] = [
  { id: 'pool', label: 'Mentoring pool', kinds: ['org'], render: (props) => <PoolView {...props} /> },
  { id: 'pair', label: 'Pair', kinds: ['pair'], render: (props) => <PairView {...props} /> },
  { id: 'sessions', label: 'Sessions', kinds: ['pair'], render: (props) => <SessionsView {...props} /> },
  { id: 'directions', label: 'Directions', kinds: ['pair'], render: (props) => <DirectionsView {...props} /> },
  { id: 'projects', label: 'Joint projects', kinds: ['pair'], render: (props) => <ProjectsView {...props} /> },
  { id: 'okrs', label: 'OKRs', kinds: ['pair'], render: (props) => <OkrView {...props} /> },
  { id: 'private', label: 'Private notes', kinds: ['pair'], render: (props) => <PrivateNotesView {...props} /> }
]
