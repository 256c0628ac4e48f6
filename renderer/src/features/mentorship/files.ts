/** "Daria & Bruce: journal" → "daria-bruce-journal". */
export function fileSlug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'journal'
}
