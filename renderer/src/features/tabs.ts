import type { SpaceKind } from '../../../shared/spaces/space.ts'
import type { SpaceTab } from '../app/spaceTab.ts'
import { mentorshipTabs } from './mentorship/tabs.tsx'
import { retroTabs } from './retro/tabs.tsx'
import { sprintTabs } from './sprint/tabs.tsx'

/** Every feature's sections, in the order they appear. */
const TABS: SpaceTab[] = [...mentorshipTabs, ...sprintTabs, ...retroTabs]

export function tabsFor(kind: SpaceKind): SpaceTab[] {
  return TABS.filter((t) => t.kinds.includes(kind))
}
