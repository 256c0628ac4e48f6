import { Document, LineCounter, isMap, isScalar, parseAllDocuments, type EmptyStream } from 'yaml'
import type { Node as YamlNode } from 'yaml'
import { z } from 'zod'
import { PROFILE_LIMITS, Profile, isIanaTimeZone } from './profile.ts'
import { plainText } from '../text/plainText.ts'

/**
 * Profiles in the program's YAML format, one profile per YAML document:
 *
 *   about:
 *     name: Ada Example
 *     dept: engg
 *     timezone: Europe/Berlin          # optional, IANA
 *     hobbies: ["Climbing"]
 *     favorite_resources: ["Measure What Matters"]
 *   be_a_mentor: ["Rust services in production"]
 *   seek_a_mentor: ["Frontend development with React and Redux"]
 *
 * A file imports whole or not at all: one syntax or structure problem anywhere in it and nothing from
 * that file is taken, so fixing the file and importing it again never leaves half a pool behind.
 * Every problem names the file and, where there is one, the line. Unknown fields are warnings.
 */

export interface ProfileFile {
  name: string
  text: string
}

export interface ProfileImportProblem {
  file: string
  line?: number
  /** A whole sentence for the user, e.g. "ada.yaml line 4: be_a_mentor must be a list of text items". */
  message: string
}

export interface ImportedProfile {
  profile: Profile
  file: string
  /** 1-based position of the YAML document in the file and the line it starts on. */
  document: number
  line: number
}

export interface ProfileImport {
  profiles: ImportedProfile[]
  errors: ProfileImportProblem[]
  warnings: ProfileImportProblem[]
}

const ROOT_KEYS = ['about', 'be_a_mentor', 'seek_a_mentor'] as const
const ABOUT_KEYS = ['name', 'dept', 'timezone', 'hobbies', 'favorite_resources'] as const
const LIST_FIELDS = new Set(['hobbies', 'favorite_resources', 'be_a_mentor', 'seek_a_mentor'])

/** Empty YAML values (`hobbies:`) read as empty lists; items are text. */
const ItemList = z.array(plainText(PROFILE_LIMITS.item).pipe(z.string().min(1))).max(PROFILE_LIMITS.items, `has more than ${PROFILE_LIMITS.items} items`).nullish()
const OptionalText = z.string().trim().nullish()

const ProfileYaml = z.object({
  about: z.object({
    name: plainText(PROFILE_LIMITS.name).pipe(z.string().min(1)),
    dept: plainText(PROFILE_LIMITS.dept).nullish(),
    timezone: OptionalText.refine((zone) => !zone || isIanaTimeZone(zone)),
    hobbies: ItemList,
    favorite_resources: ItemList
  }),
  be_a_mentor: ItemList,
  seek_a_mentor: ItemList
})

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return 'text'
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`
}

/** The user-facing sentence for one zod issue, phrased in the YAML's own field names. */
function problemFor(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = issue.path
  const [first, second, third] = path
  const label0 = first === 'about' && path.length > 1 ? `about.${String(second)}` : String(first)
  // limits and characters: the schema's own sentence says it best
  if (issue.code === 'too_big' || (issue.code === 'custom' && !issue.message.startsWith('Invalid'))) {
    const index = typeof path[path.length - 1] === 'number' ? ` item ${Number(path[path.length - 1]) + 1}` : ''
    return `${label0}${index} ${issue.message}`
  }
  if (first === 'about' && path.length === 1) {
    return raw && typeof raw === 'object' && 'about' in raw
      ? 'about must be a mapping with name, dept, hobbies and favorite_resources'
      : 'about is missing: a profile starts with "about:" and a name under it'
  }
  const field = first === 'about' ? second : first
  const label = first === 'about' ? `about.${String(second)}` : String(first)
  if (typeof field === 'string' && LIST_FIELDS.has(field)) {
    const index = first === 'about' ? third : second
    const list = first === 'about' ? pick(pick(raw, 'about'), field) : pick(raw, field)
    const item = typeof index === 'number' ? pick(list, index) : undefined
    if (typeof index === 'number' && typeof item === 'string') return `${label} item ${index + 1} is empty`
    if (typeof index === 'number' && item !== null && item !== undefined && typeof item !== 'object') {
      return `${label} must be a list of text items (item ${index + 1} is ${describeValue(item)}; put it in quotes to make it text)`
    }
    return `${label} must be a list of text items`
  }
  if (field === 'name') return pick(pick(raw, 'about'), 'name') === undefined ? 'about.name is required' : 'about.name must be non-empty text'
  if (field === 'timezone') return 'about.timezone must be an IANA time zone such as "Europe/Berlin" or "America/Los_Angeles"'
  return `${label} must be text`
}

function pick(value: unknown, key: string | number): unknown {
  if (value && typeof value === 'object') return (value as Record<string | number, unknown>)[key]
  return undefined
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(doc: Document.Parsed, path: readonly PropertyKey[], lines: LineCounter): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as YamlNode | undefined
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line
  }
  return lines.linePos(doc.range[0]).line
}

/** "Map keys must be unique at line 3, column 1:\n\n…" → "map keys must be unique". */
function yamlProblem(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim()
  return first.charAt(0).toLowerCase() + first.slice(1)
}

function isEmptyDocument(doc: Document.Parsed): boolean {
  return doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))
}

function unknownKeys(doc: Document.Parsed, lines: LineCounter, file: string): ProfileImportProblem[] {
  const found: ProfileImportProblem[] = []
  const check = (node: unknown, allowed: readonly string[], where: string) => {
    if (!isMap(node)) return
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      if (allowed.includes(key)) continue
      const line = isScalar(pair.key) && pair.key.range ? lines.linePos(pair.key.range[0]).line : undefined
      const message = `${file}${line ? ` line ${line}` : ''}: unknown field "${key}"${where} was ignored (expected ${allowed.join(', ')})`
      found.push(line ? { file, line, message } : { file, message })
    }
  }
  check(doc.contents, ROOT_KEYS, '')
  check(doc.get('about', true), ABOUT_KEYS, ' under about')
  return found
}

function toProfile(data: z.infer<typeof ProfileYaml>): Profile {
  const profile: Profile = {
    name: data.about.name,
    dept: data.about.dept ?? '',
    hobbies: data.about.hobbies ?? [],
    favoriteResources: data.about.favorite_resources ?? [],
    beAMentor: data.be_a_mentor ?? [],
    seekAMentor: data.seek_a_mentor ?? []
  }
  if (data.about.timezone) profile.timezone = data.about.timezone
  return profile
}

/**
 * A pool file is small; these bound what a careless or hostile file can make the app do. `depth`:
 * how deep lists and mappings may nest (a profile nests three deep; the YAML parser recurses, and
 * a few thousand levels overflow its stack), counted before parsing: brackets `[ {`, and columns
 * of indentation plus two for each `- `, `? ` or `: ` that opens a block on the line.
 */
export const YAML_LIMITS = { fileBytes: 2 * 1024 * 1024, documents: 2000, aliases: 50, depth: 32 } as const

/** The first line nesting deeper than YAML_LIMITS.depth allows, or null. One pass, no parsing. */
function tooDeepAt(text: string): number | null {
  const maxColumns = YAML_LIMITS.depth * 2
  let depth = 0
  let line = 1
  let quote: string | null = null
  let atLineStart = true
  let columns = 0
  let comment = false
  let previous = '\n'
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '\n') {
      line++
      atLineStart = quote === null
      columns = 0
      comment = false
      previous = c
      continue
    }
    if (comment) continue
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++
        else quote = null
      }
      previous = c
      continue
    }
    if (atLineStart) {
      // indentation, and block indicators that open a level on the same line ("- - - x", "? ? x")
      if (c === ' ') columns++
      else if ((c === '-' || c === '?' || c === ':') && (text[i + 1] === ' ' || text[i + 1] === '\n' || i + 1 === text.length)) columns += 2
      else atLineStart = false
      if (columns > maxColumns) return line
      if (atLineStart) {
        previous = c
        continue
      }
    }
    if (c === '#' && /\s/.test(previous)) comment = true
    else if ((c === '"' || c === "'") && /[\s[{,:-]/.test(previous)) quote = c
    else if (c === '[' || c === '{') {
      if (++depth > YAML_LIMITS.depth) return line
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1)
    previous = c
  }
  return null
}

/**
 * The line of the bracket that opens the flow list ("[") or mapping ("{") still open at `offset`,
 * the innermost first; YAML reports an unclosed one where the file ends or the next key starts, a
 * person fixes it where it opens. Quotes and comments are skipped as tooDeepAt skips them, except
 * that a quote ends with its line here: only used to point at a line, and an unclosed quote (its own
 * problem, reported where it opens) must not hide the brackets after it.
 */
function openBracketLine(text: string, offset: number, bracket: '[' | '{'): number | null {
  const open: { bracket: string; line: number }[] = []
  let line = 1
  let quote: string | null = null
  let comment = false
  let previous = '\n'
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    const c = text[i]!
    if (c === '\n') {
      line++
      comment = false
      quote = null
      previous = c
      continue
    }
    if (comment) continue
    if (quote !== null) {
      if (c === '\\' && quote === '"' && text[i + 1] !== '\n') i++
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++
        else quote = null
      }
      previous = c
      continue
    }
    if (c === '#' && /\s/.test(previous)) comment = true
    else if ((c === '"' || c === "'") && /[\s[{,:-]/.test(previous)) quote = c
    else if (c === '[' || c === '{') open.push({ bracket: c, line })
    else if (c === ']' || c === '}') open.pop()
    previous = c
  }
  for (let k = open.length - 1; k >= 0; k--) if (open[k]!.bracket === bracket) return open[k]!.line
  return null
}

interface YamlError {
  code: string
  message: string
  pos: [number, number]
  linePos?: [{ line: number }, ...unknown[]] | undefined
}

/**
 * One problem per cause, on the line where it starts: an unclosed list or mapping at its opening
 * bracket (not where YAML gave up), and the errors YAML raises at the same place because of an
 * earlier one (an unclosed "[" also reads as a key without a value there) are left out.
 */
function syntaxProblems(text: string, errors: readonly YamlError[], lines: LineCounter): { line: number; message: string }[] {
  const found: { line: number; message: string }[] = []
  const seenAt = new Set<number>()
  const seen = new Set<string>()
  for (const error of errors) {
    const reportedAt = error.linePos?.[0].line ?? lines.linePos(error.pos[0]).line
    let line = reportedAt
    let message = yamlProblem(error.message)
    const unclosed = /^flow (sequence|map) in block collection/.exec(message)
    if (unclosed) {
      const list = unclosed[1] === 'sequence'
      const opened = openBracketLine(text, error.pos[0], list ? '[' : '{')
      if (opened !== null) {
        line = opened
        message = list ? 'this list opened with "[" is never closed with "]"' : 'this mapping opened with "{" is never closed with "}"'
      }
    } else if (seenAt.has(error.pos[0])) continue
    seenAt.add(error.pos[0])
    const key = `${line}\u0000${message}`
    if (seen.has(key)) continue
    seen.add(key)
    found.push({ line, message })
  }
  return found.sort((a, b) => a.line - b.line)
}

function importFile(file: ProfileFile): ProfileImport {
  const errors: ProfileImportProblem[] = []
  const warnings: ProfileImportProblem[] = []
  const profiles: ImportedProfile[] = []
  const whole = (message: string): ProfileImport => ({ profiles: [], errors: [{ file: file.name, message: `${file.name}: ${message}` }], warnings: [] })
  if (file.text.length > YAML_LIMITS.fileBytes) return whole(`is too large for a profile file (over ${YAML_LIMITS.fileBytes / 1024 / 1024} MB)`)
  const deep = tooDeepAt(file.text)
  if (deep !== null) {
    const message = `${file.name} line ${deep}: lists or mappings nest deeper than a profile's (more than ${YAML_LIMITS.depth} levels); nothing was read`
    return { profiles: [], errors: [{ file: file.name, line: deep, message }], warnings: [] }
  }
  const lines = new LineCounter()
  let docs: Document.Parsed[] | EmptyStream
  try {
    docs = parseAllDocuments(file.text, { prettyErrors: true, lineCounter: lines })
  } catch {
    return whole('could not be read as YAML')
  }
  const at = (line: number, message: string): ProfileImportProblem => ({ file: file.name, line, message: `${file.name} line ${line}: ${message}` })

  const list = Array.isArray(docs) ? docs : []
  if (list.length > YAML_LIMITS.documents) return whole(`holds ${list.length} documents; at most ${YAML_LIMITS.documents} profiles fit in one file`)
  for (const problem of syntaxProblems(file.text, list.flatMap((doc) => doc.errors as YamlError[]), lines)) errors.push(at(problem.line, problem.message))
  if (errors.length) return { profiles: [], errors, warnings }

  list.forEach((doc, index) => {
    if (isEmptyDocument(doc)) return
    const line = lines.linePos(doc.contents?.range?.[0] ?? doc.range[0]).line
    if (!isMap(doc.contents)) {
      errors.push(at(line, 'a profile must be a mapping with about, be_a_mentor and seek_a_mentor'))
      return
    }
    let raw: unknown
    try {
      // aliases (&a / *a) can expand exponentially ("billion laughs"): bounded, and refused past that
      raw = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases })
    } catch {
      errors.push(at(line, 'uses too many aliases (&name / *name); write the profile out in full'))
      return
    }
    const parsed = ProfileYaml.safeParse(raw)
    if (!parsed.success) {
      const seen = new Set<string>()
      for (const issue of parsed.error.issues) {
        const problem = at(lineOf(doc, issue.path, lines), problemFor(issue, raw))
        if (!seen.has(problem.message)) errors.push(problem)
        seen.add(problem.message)
      }
      return
    }
    warnings.push(...unknownKeys(doc, lines, file.name))
    profiles.push({ profile: toProfile(parsed.data), file: file.name, document: index + 1, line })
  })

  if (errors.length) return { profiles: [], errors, warnings: [] }
  if (!profiles.length) {
    const blank = file.text.split('\n').every((l) => /^\s*(#.*)?$|^(---|\.\.\.)\s*$/.test(l))
    errors.push({ file: file.name, message: `${file.name} has no profile in it${blank ? ' (the file is empty)' : ' (nothing in it reads as a profile with about, be_a_mentor and seek_a_mentor)'}` })
  }
  return { profiles, errors, warnings }
}

/**
 * Reads profiles from one or many YAML files; each file may hold several profiles separated by
 * `---`. Files with problems contribute nothing and are listed in `errors`; the same name in two
 * places is a warning (the pool keeps both, the user decides).
 */
export function importProfiles(files: readonly ProfileFile[]): ProfileImport {
  const result: ProfileImport = { profiles: [], errors: [], warnings: [] }
  for (const file of files) {
    const one = importFile(file)
    result.profiles.push(...one.profiles)
    result.errors.push(...one.errors)
    result.warnings.push(...one.warnings)
  }
  const firstSeen = new Map<string, ImportedProfile>()
  for (const imported of result.profiles) {
    const key = imported.profile.name.toLocaleLowerCase()
    const earlier = firstSeen.get(key)
    if (!earlier) {
      firstSeen.set(key, imported)
      continue
    }
    result.warnings.push({
      file: imported.file,
      line: imported.line,
      message: `${imported.file} line ${imported.line}: "${imported.profile.name}" also appears in ${earlier.file} line ${earlier.line}`
    })
  }
  return result
}

/** One profile as a YAML document in the program's format; keys in a fixed order, no line folding. */
export function profileToYaml(profile: Profile): string {
  const about: Record<string, unknown> = { name: profile.name, dept: profile.dept }
  if (profile.timezone) about.timezone = profile.timezone
  about.hobbies = profile.hobbies
  about.favorite_resources = profile.favoriteResources
  const doc = new Document({ about, be_a_mentor: profile.beAMentor, seek_a_mentor: profile.seekAMentor })
  return doc.toString({ lineWidth: 0 })
}

/** Many profiles as one multi-document YAML file (documents separated by `---`). */
export function profilesToYaml(profiles: readonly Profile[]): string {
  return profiles.map(profileToYaml).join('---\n')
}
