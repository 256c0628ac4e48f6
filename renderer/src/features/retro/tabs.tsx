import type { SpaceTab } from '../tabs.tsx'

/** The retro feature's sections of a space. */
export const retroTabs: SpaceTab[] = []
