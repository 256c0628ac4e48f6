import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isIanaTimeZone, profileHints, type Profile } from '@shared/mentorship/profile.ts'
import { importProfiles, profileToYaml, profilesToYaml } from '@shared/mentorship/profileYaml.ts'
import { profileNamed } from './fixtures/profile.ts'
import { GARBAGE, UNCLOSED_QUOTE_AND_LIST } from '../corpus/cases/profiles.ts'

const ADA = `about:
  name: Ada Example
  dept: engg
  hobbies: ["Climbing"]
  favorite_resources: ["Measure What Matters"]
be_a_mentor: ["Rust services in production"]
seek_a_mentor: ["Frontend development with React and Redux"]
`

const ada: Profile = {
  name: 'Ada Example',
  dept: 'engg',
  hobbies: ['Climbing'],
  favoriteResources: ['Measure What Matters'],
  beAMentor: ['Rust services in production'],
  seekAMentor: ['Frontend development with React and Redux']
}

describe('importProfiles', () => {
  it("reads the program's format", () => {
    const result = importProfiles([{ name: 'ada.yaml', text: ADA }])
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.profiles).toEqual([{ profile: ada, file: 'ada.yaml', document: 1, line: 1 }])
  })

  it('reads block lists, a timezone, and empty values as empty lists', () => {
    const text = 'about:\n  name: Bo\n  timezone: Europe/Berlin\n  hobbies:\nbe_a_mentor:\n  - Kubernetes\n  - Terraform\nseek_a_mentor: []\n'
    const [first] = importProfiles([{ name: 'bo.yaml', text }]).profiles
    expect(first?.profile).toEqual({
      name: 'Bo',
      dept: '',
      timezone: 'Europe/Berlin',
      hobbies: [],
      favoriteResources: [],
      beAMentor: ['Kubernetes', 'Terraform'],
      seekAMentor: []
    })
  })

  it('reads many files and many documents per file, each with its source', () => {
    const pool = readFileSync(new URL('./fixtures/pool.yaml', import.meta.url), 'utf8')
    const result = importProfiles([
      { name: 'pool.yaml', text: pool },
      { name: 'ada.yaml', text: ADA }
    ])
    expect(result.errors).toEqual([])
    expect(result.profiles).toHaveLength(15)
    expect(result.profiles[1]).toMatchObject({ file: 'pool.yaml', document: 2, profile: { name: 'Bruce Nakamura', dept: 'engg / Growth' } })
    expect(result.profiles[1]?.line).toBe(12)
    expect(result.profiles[14]).toMatchObject({ file: 'ada.yaml', document: 1, profile: { name: 'Ada Example' } })
  })

  it('skips empty documents between separators', () => {
    const result = importProfiles([{ name: 'two.yaml', text: `---\n${ADA}---\n---\n${ADA.replace('Ada Example', 'Bea')}` }])
    expect(result.errors).toEqual([])
    expect(result.profiles.map((p) => p.profile.name)).toEqual(['Ada Example', 'Bea'])
  })

  it('reports broken YAML with file and line, and imports nothing from that file', () => {
    const broken = `${ADA}---\nabout:\n  name: Cy\n  hobbies: [Chess\nbe_a_mentor: [Go]\n`
    const result = importProfiles([
      { name: 'broken.yaml', text: broken },
      { name: 'ada.yaml', text: ADA }
    ])
    expect(result.profiles.map((p) => p.file)).toEqual(['ada.yaml'])
    expect(result.errors.length).toBeGreaterThan(0)
    const [error] = result.errors
    expect(error?.file).toBe('broken.yaml')
    // the list opens on line 11 ("hobbies: [Chess"); YAML notices it on line 12
    expect(error?.line).toBe(11)
    expect(error?.message).toBe('broken.yaml line 11: this list opened with "[" is never closed with "]"')
  })

  it('names the line where each problem starts, every problem once (issue 15)', () => {
    const result = importProfiles([{ name: 'ada.yaml', text: UNCLOSED_QUOTE_AND_LIST }])
    expect(result.errors.map((e) => e.message)).toEqual(['ada.yaml line 2: missing closing "quote', 'ada.yaml line 6: this list opened with "[" is never closed with "]"'])
    const mapping = importProfiles([{ name: 'm.yaml', text: 'about: { name: Ada, dept: engg\nbe_a_mentor: [Rust]\n' }])
    expect(mapping.errors.map((e) => e.message)).toEqual(['m.yaml line 1: this mapping opened with "{" is never closed with "}"'])
  })

  it('lists a pasted garbage problem once, not once per error YAML raises at the same place', () => {
    for (const text of [GARBAGE, '}}}}', ':::\n:::\n', '[[[[', '"', "'''", '- [\n- {\n', 'a: b: c: d']) {
      const messages = importProfiles([{ name: 'pasted YAML', text }]).errors.map((e) => e.message)
      expect(messages.length, text).toBeGreaterThan(0)
      expect(new Set(messages).size, text).toBe(messages.length)
      const lines = importProfiles([{ name: 'pasted YAML', text }]).errors.map((e) => e.line)
      expect(lines.every((line) => line === undefined || line <= text.split('\n').length), text).toBe(true)
    }
  })

  it('does not call a file with text in it empty', () => {
    expect(importProfiles([{ name: 'x.yaml', text: '%YAML 1.2\n' }]).errors[0]?.message).not.toMatch(/empty/)
    expect(importProfiles([{ name: 'x.yaml', text: '# only a comment\n' }]).errors[0]?.message).toMatch(/empty/)
  })

  it('still imports the good files of a batch when one has problems', () => {
    const result = importProfiles([
      { name: 'bad.yaml', text: UNCLOSED_QUOTE_AND_LIST },
      { name: 'good.yaml', text: ADA }
    ])
    expect(result.profiles.map((p) => p.file)).toEqual(['good.yaml'])
    expect(new Set(result.errors.map((e) => e.file))).toEqual(new Set(['bad.yaml']))
  })

  it('reports duplicate keys and tabs with their lines', () => {
    const dup = importProfiles([{ name: 'dup.yaml', text: 'about:\n  name: A\nabout:\n  name: B\n' }])
    expect(dup.errors[0]).toMatchObject({ file: 'dup.yaml', line: 3, message: 'dup.yaml line 3: map keys must be unique' })
    const tab = importProfiles([{ name: 'tab.yaml', text: 'about:\n\tname: A\n' }])
    expect(tab.errors[0]?.message).toBe('tab.yaml line 2: tabs are not allowed as indentation')
  })

  it('says which field has the wrong shape, on its line', () => {
    const text = 'about:\n  name: Ada\n  dept: engg\nbe_a_mentor: Rust services\nseek_a_mentor: ["Go"]\n'
    const result = importProfiles([{ name: 'ada.yaml', text }])
    expect(result.profiles).toEqual([])
    expect(result.errors).toEqual([{ file: 'ada.yaml', line: 4, message: 'ada.yaml line 4: be_a_mentor must be a list of text items' }])
  })

  it('names the item that is not text and suggests quoting it', () => {
    const text = 'about:\n  name: Ada\n  hobbies:\n    - Chess\n    - 2048\nbe_a_mentor: [Go]\n'
    const [error] = importProfiles([{ name: 'a.yaml', text }]).errors
    expect(error).toEqual({
      file: 'a.yaml',
      line: 5,
      message: 'a.yaml line 5: about.hobbies must be a list of text items (item 2 is the number 2048; put it in quotes to make it text)'
    })
  })

  it('requires about and a name', () => {
    expect(importProfiles([{ name: 'x.yaml', text: 'be_a_mentor: [Go]\n' }]).errors[0]?.message).toBe(
      'x.yaml line 1: about is missing: a profile starts with "about:" and a name under it'
    )
    expect(importProfiles([{ name: 'y.yaml', text: 'about:\n  dept: engg\n' }]).errors[0]?.message).toBe('y.yaml line 2: about.name is required')
    expect(importProfiles([{ name: 'z.yaml', text: 'about:\n  name: "  "\n' }]).errors[0]?.message).toBe('z.yaml line 2: about.name must be non-empty text')
  })

  it('rejects an unknown time zone and a document that is not a mapping', () => {
    const tz = importProfiles([{ name: 't.yaml', text: 'about:\n  name: A\n  timezone: Mars/Olympus\n' }])
    expect(tz.errors[0]).toMatchObject({ line: 3 })
    expect(tz.errors[0]?.message).toContain('about.timezone must be an IANA time zone')
    const list = importProfiles([{ name: 'l.yaml', text: '- a\n- b\n' }])
    expect(list.errors[0]?.message).toBe('l.yaml line 1: a profile must be a mapping with about, be_a_mentor and seek_a_mentor')
  })

  it('reports an empty file', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n']) {
      const result = importProfiles([{ name: 'empty.yaml', text }])
      expect(result.profiles).toEqual([])
      expect(result.errors).toEqual([{ file: 'empty.yaml', message: 'empty.yaml has no profile in it (the file is empty)' }])
    }
  })

  it('warns about unknown fields and repeated names but keeps the profiles', () => {
    const text = ADA.replace('be_a_mentor', 'skills: [x]\nbe_a_mentor').replace('  dept: engg', '  dept: engg\n  email: ada@example.com')
    const result = importProfiles([
      { name: 'a.yaml', text },
      { name: 'b.yaml', text: ADA }
    ])
    expect(result.errors).toEqual([])
    expect(result.profiles).toHaveLength(2)
    expect(result.warnings.map((w) => w.message)).toEqual([
      'a.yaml line 7: unknown field "skills" was ignored (expected about, be_a_mentor, seek_a_mentor)',
      'a.yaml line 4: unknown field "email" under about was ignored (expected name, dept, timezone, hobbies, favorite_resources)',
      'b.yaml line 1: "Ada Example" also appears in a.yaml line 1'
    ])
  })
})

describe('profileToYaml / profilesToYaml', () => {
  it('writes a readable document in a fixed key order', () => {
    expect(profileToYaml({ ...ada, timezone: 'Europe/Berlin' })).toBe(`about:
  name: Ada Example
  dept: engg
  timezone: Europe/Berlin
  hobbies:
    - Climbing
  favorite_resources:
    - Measure What Matters
be_a_mentor:
  - Rust services in production
seek_a_mentor:
  - Frontend development with React and Redux
`)
  })

  it('round-trips one and many profiles, including text that needs quoting', () => {
    const tricky: Profile = {
      ...profileNamed('Zoë: "the" tester', '#qa'),
      hobbies: ['- dashes', 'yes', '2048'],
      beAMentor: ['A very long item '.repeat(12).trim()],
      seekAMentor: ['C++ & C#: [brackets]']
    }
    const many = profilesToYaml([ada, tricky])
    const result = importProfiles([{ name: 'many.yaml', text: many }])
    expect(result.errors).toEqual([])
    expect(result.profiles.map((p) => p.profile)).toEqual([ada, tricky])
    expect(many.split('\n').some((line) => line.length > 150)).toBe(true)
  })
})

describe('profile helpers', () => {
  it('knows IANA zones', () => {
    expect(isIanaTimeZone('America/Los_Angeles')).toBe(true)
    expect(isIanaTimeZone('UTC')).toBe(true)
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false)
    expect(isIanaTimeZone('PST')).toBe(false)
  })

  it("hints at the program's 3–4 items per side", () => {
    expect(profileHints(ada)).toEqual([
      'The program asks for 3–4 "be a mentor" items; you have 1.',
      'The program asks for 3–4 "seek a mentor" items; you have 1.'
    ])
    expect(profileHints({ ...ada, beAMentor: [], seekAMentor: ['a', 'b', 'c'] })[0]).toMatch(/^Add 3–4 "be a mentor" items/)
    expect(profileHints({ ...ada, beAMentor: ['a', 'b', 'c'], seekAMentor: ['a', 'b', 'c', 'd'] })).toEqual([])
  })
})

describe('hostile profile files', () => {
  const one = (text: string) => importProfiles([{ name: 'bad.yaml', text }])
  const base = (name: string, items = '["React"]') => `about:\n  name: ${name}\n  dept: engg\nbe_a_mentor: ${items}\nseek_a_mentor: ["Go"]\n`

  it('refuses an alias bomb with a clear message instead of throwing', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'about:\n  name: Bomb\n  hobbies: *e'
    ].join('\n')
    const result = one(bomb)
    expect(result.profiles).toEqual([])
    expect(result.errors[0]?.message).toMatch(/too many aliases/)
  })

  it.each([
    ['a NUL in the name', base('"Ada\\u0000Lovelace"'), /control character/],
    ['an ESC in an item', base('Ada', '["React\\u001b[31m"]'), /item 1 contains a control character/],
    ['a lone surrogate', base('"Ada \\ud800"'), /broken character/],
    ['a 10 000-character name', base('x'.repeat(10_000)), /at most 100 characters/],
    ['10 000 items', base('Ada', JSON.stringify(Array.from({ length: 10_000 }, (_, i) => `item ${i}`))), /more than 50 items/]
  ])('refuses %s with a clear message', (_label, text, message) => {
    const result = one(text)
    expect(result.profiles).toEqual([])
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(message)
  })

  it('refuses a file far too large for a pool without parsing it', () => {
    const result = one('#'.repeat(3 * 1024 * 1024))
    expect(result.errors[0]?.message).toMatch(/too large/)
  })

  it('still accepts tabs, line breaks and emoji', () => {
    const result = one(base('"Zoë 🚀"', '["Line one\\nline two", "tab\\there"]'))
    expect(result.errors).toEqual([])
    expect(result.profiles[0]?.profile.name).toBe('Zoë 🚀')
  })
})
