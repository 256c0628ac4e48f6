import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ProfileImport } from '@shared/mentorship/profileYaml.ts'
import { kase, type CorpusCase } from '../harness.ts'

/** Pool YAML files, careless and hostile (shared/mentorship/profileYaml.ts). */
const file = (name: string) => readFileSync(path.join(import.meta.dirname, 'files', name), 'utf8')
const profile = (about: string, mentor = '["Rust"]', seek = '["React"]') => `about:\n${about}\nbe_a_mentor: ${mentor}\nseek_a_mentor: ${seek}\n`
const ada = (extra = '') => profile(`  name: Ada Example\n  dept: engg${extra}`)
const imported = (names: string[]) => (v: ProfileImport) => assert.deepEqual(v.profiles.map((p) => p.profile.name), names)

/** issue 15's file: the quote opens on line 2, the list on line 6; YAML noticed both only at line 7 */
export const UNCLOSED_QUOTE_AND_LIST = `about:
  name: "Ada Example
  dept: engg
  hobbies: []
  favorite_resources: []
be_a_mentor: ["Rust", "Go"
`
export const GARBAGE = 'asd: [ { "}: \n ::: ]] "\nxx ]]] }}}: :\n'

export const profileCases: CorpusCase[] = [
  kase('profileYaml', 'an honest profile', ada(), 'value', imported(['Ada Example'])),
  kase('profileYaml', 'empty file', '', 'refused'),
  kase('profileYaml', 'only comments', '# nothing here\n# at all\n', 'refused'),
  kase('profileYaml', 'a billion-laughs alias bomb', file('alias-bomb.yaml'), 'refused'),
  kase('profileYaml', 'tabs for indentation', file('tabs-and-bad-indent.yaml'), 'refused'),
  kase('profileYaml', 'reserved keys are warnings, never properties', file('profile-with-junk.yaml'), 'value', (v: ProfileImport) => {
    assert.equal(v.profiles.length, 1)
    assert.equal(Object.getPrototypeOf(v.profiles[0]!.profile), Object.prototype)
    assert.equal((v.profiles[0]!.profile as unknown as Record<string, unknown>).admin, undefined)
  }),
  kase('profileYaml', 'a list at the top', '- a\n- b\n', 'refused'),
  kase('profileYaml', 'a plain string', 'just some text', 'refused'),
  kase('profileYaml', 'about is a list', profile('  - name: Ada'), 'refused'),
  kase('profileYaml', 'no name', profile('  dept: engg'), 'refused'),
  kase('profileYaml', 'a name of 10 000 characters', profile(`  name: ${'n'.repeat(10_000)}`), 'refused'),
  kase('profileYaml', 'a NUL in the name', profile('  name: "Ada\\0Example"'), 'refused'),
  kase('profileYaml', 'an ESC sequence in the name', profile('  name: "Ada \\e[31mred"'), 'refused'),
  kase('profileYaml', 'a lone surrogate in the name', profile('  name: "Ada \\uD800 Example"'), 'refused'),
  kase('profileYaml', '10 000 items in one list', profile('  name: Ada', `[${Array.from({ length: 10_000 }, (_, i) => `"item ${i}"`).join(',')}]`), 'refused'),
  kase('profileYaml', 'an item of 5 000 characters', profile('  name: Ada', `["${'x'.repeat(5000)}"]`), 'refused'),
  kase('profileYaml', 'a number for a name', profile('  name: 12345'), 'refused'),
  kase('profileYaml', 'a mapping where a list belongs', profile('  name: Ada', '{ a: 1 }'), 'refused'),
  kase('profileYaml', 'a time zone that is none', ada('\n  timezone: Mars/Olympus_Mons'), 'refused'),
  kase('profileYaml', 'a time zone of 100 000 characters', ada(`\n  timezone: ${'Europe/'.repeat(15_000)}`), 'refused'),
  kase('profileYaml', 'a custom tag', ada('\n  hobbies: !!js/function "function () { return 1 }"'), 'refused'),
  kase('profileYaml', 'flow lists nested 3 000 deep', ada(`\n  hobbies: ${'['.repeat(3000)}${']'.repeat(3000)}`), 'refused'),
  kase('profileYaml', 'flow mappings nested 3 000 deep', `about: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`, 'refused'),
  kase('profileYaml', 'block mappings nested 1 000 deep', () => Array.from({ length: 1000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1', 'refused'),
  kase('profileYaml', 'compact sequences nested 20 000 deep on one line', '- '.repeat(20_000) + '1', 'refused'),
  kase('profileYaml', 'complex keys nested 20 000 deep', '? '.repeat(20_000) + '1', 'refused'),
  kase('profileYaml', 'brackets inside quotes and plain text are not nesting', profile(`  name: Ada\n  dept: it's [complicated\n  hobbies: ["${'['.repeat(100)}", '${'{'.repeat(100)}']`), 'value', imported(['Ada'])),
  kase('profileYaml', 'an unclosed quote', profile('  name: "Ada'), 'refused'),
  kase('profileYaml', 'a duplicate key', profile('  name: Ada\n  name: Bob'), 'refused'),
  kase('profileYaml', '2 001 documents', () => Array.from({ length: 2001 }, () => ada()).join('---\n'), 'refused'),
  kase('profileYaml', 'a file over 2 MB', () => '# ' + 'x'.repeat(2 * 1024 * 1024 + 10), 'refused'),
  kase('profileYaml', 'binary bytes read as text', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).toString('latin1'), 'refused'),
  kase('profileYaml', 'a merge key pulling in another mapping', `base: &b { name: Ada, dept: engg }\nabout:\n  <<: *b\nbe_a_mentor: [Rust]\nseek_a_mentor: [React]\n`, 'refused'),
  kase('profileYaml', 'two honest profiles and one broken: nothing from the file', `${ada()}---\n${profile('  name: Bo')}---\nabout: [`, 'refused'),
  // issue 15: reported at the end of the file, the second problem not at all
  kase('profileYaml', 'an unclosed quote on line 2 and an unclosed list on line 6', UNCLOSED_QUOTE_AND_LIST, 'refused'),
  kase('profileYaml', 'pasted garbage of brackets, quotes and colons', GARBAGE, 'refused'),
  kase('profileYaml', 'a directive line and nothing else', '%%%% garbage ][ }{ : : "', 'refused'),
  kase('profileYaml', 'an unclosed mapping in about', 'about: { name: Ada, dept: engg\nbe_a_mentor: [Rust]\nseek_a_mentor: [React]\n', 'refused')
]
