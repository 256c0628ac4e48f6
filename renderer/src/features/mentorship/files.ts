import { slugify } from '@shared/text/slug.ts'

/** A file name for what the user downloads ("Tomás & Zoë" → "tomas-zoe"). */
export function fileSlug(name: string): string {
  return slugify(name, 'journal')
}
