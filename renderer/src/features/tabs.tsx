import type { ReactNode } from 'react'
import type { SpaceKind } from '../../../shared/spaces/space.ts'
import type { IdentityRow, SpaceRow } from '../data/db.ts'
import { mentorshipTabs } from './mentorship/tabs.tsx'
import { retroTabs } from './retro/tabs.tsx'
import { sprintTabs } from './sprint/tabs.tsx'

export interface TabProps {
  space: SpaceRow
  identity: IdentityRow
  /** the space was left: show, do not edit */
  readOnly: boolean
  /** the path segments after the tab's own, e.g. ['12', 'syncup'] */
  path: string[]
  /** the tab's own route, for links inside it */
  base: string
}

export interface SpaceTab {
  id: string
  label: string
  kinds: readonly SpaceKind[]
  render(props: TabProps): ReactNode
}

/** Every feature's sections, in the order they appear. */
const TABS: SpaceTab[] = [...mentorshipTabs, ...sprintTabs, ...retroTabs]

export function tabsFor(kind: SpaceKind): SpaceTab[] {
  return TABS.filter((t) => t.kinds.includes(kind))
}
