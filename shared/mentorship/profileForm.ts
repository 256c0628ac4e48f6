import { Profile } from './profile.ts'

/**
 * The profile form: lists are typed one item per line. Turning the form into a profile checks it
 * with the Profile schema and names the field of each problem.
 */
export interface ProfileDraft {
  name: string
  dept: string
  timezone: string
  hobbies: string
  favoriteResources: string
  beAMentor: string
  seekAMentor: string
}

export type ProfileDraftErrors = Partial<Record<keyof ProfileDraft, string>>

export const EMPTY_PROFILE_DRAFT: ProfileDraft = {
  name: '',
  dept: '',
  timezone: '',
  hobbies: '',
  favoriteResources: '',
  beAMentor: '',
  seekAMentor: ''
}

/** One item per line; blank lines and list markers ("- ", "* ", "1. ") are dropped. */
export function linesToItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter(Boolean)
}

export function profileToDraft(profile: Profile): ProfileDraft {
  return {
    name: profile.name,
    dept: profile.dept,
    timezone: profile.timezone ?? '',
    hobbies: profile.hobbies.join('\n'),
    favoriteResources: profile.favoriteResources.join('\n'),
    beAMentor: profile.beAMentor.join('\n'),
    seekAMentor: profile.seekAMentor.join('\n')
  }
}

export function draftToProfile(draft: ProfileDraft): { ok: true; profile: Profile } | { ok: false; errors: ProfileDraftErrors } {
  const candidate: Profile = {
    name: draft.name.trim(),
    dept: draft.dept.trim(),
    hobbies: linesToItems(draft.hobbies),
    favoriteResources: linesToItems(draft.favoriteResources),
    beAMentor: linesToItems(draft.beAMentor),
    seekAMentor: linesToItems(draft.seekAMentor)
  }
  if (draft.timezone.trim()) candidate.timezone = draft.timezone.trim()
  const parsed = Profile.safeParse(candidate)
  if (parsed.success) return { ok: true, profile: parsed.data }
  const errors: ProfileDraftErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ProfileDraft
    if (field === 'name') errors.name ??= 'Give the person a name.'
    else if (field in EMPTY_PROFILE_DRAFT) errors[field] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + '.'
  }
  return { ok: false, errors }
}
