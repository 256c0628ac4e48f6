import type { SpaceTab } from '@ui/spaceTab.tsx'
import { mentorshipTabs } from '@features/mentorship/index.ts'
import { retroTabs } from '@features/retro/index.ts'
import { sprintTabs } from '@features/sprint/index.ts'

/** Every feature's sections, in the order they appear; a space shows those of its kind. */
export const SPACE_TABS: readonly SpaceTab[] = [...mentorshipTabs, ...sprintTabs, ...retroTabs]
