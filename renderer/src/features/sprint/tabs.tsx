import type { SpaceTab } from '../tabs.tsx'

/** The sprint feature's sections of a space. */
export const sprintTabs: SpaceTab[] = []
