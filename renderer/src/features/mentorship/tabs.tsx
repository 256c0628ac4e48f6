import type { SpaceTab } from '../tabs.tsx'

/** The mentorship feature's sections of a space. */
export const mentorshipTabs: SpaceTab[] = []
