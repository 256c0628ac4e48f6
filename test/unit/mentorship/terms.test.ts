import { describe, expect, it } from 'vitest'
import { CONCEPTS, conceptHits } from '@shared/mentorship/concepts.ts'
import { isTopicStem, tokenize, wordStems } from '@shared/mentorship/terms.ts'
import { SYNONYMS } from '@shared/mentorship/thesaurus.ts'
import { analyzeItem, compare, inverseDocumentFrequency, weigh } from '@shared/mentorship/tfidf.ts'

const stems = (text: string) => tokenize(text).map((t) => t.stem)

describe('tokenize', () => {
  it('drops English stopwords, stems with Porter, keeps the written word', () => {
    expect(tokenize('Testing the services')).toEqual([
      { stem: 'test', word: 'testing' },
      { stem: 'servic', word: 'services' }
    ])
    expect(stems('tests tested testing')).toEqual(['test', 'test', 'test'])
  })

  it('keeps engineering spellings together', () => {
    expect(stems('C++ and C# on .NET')).toEqual(['cplusplu', 'csharp', 'dotnet'])
    expect(stems('Node.js, front-end, back end, CI/CD, k8s, 1:1s')).toEqual(['node', 'frontend', 'backend', 'continu_integr', 'continu_deliveri', 'kubernet', 'oneonon'])
  })

  it('drops numbers, one-letter words and accents', () => {
    expect(stems('Café 2019 a b Zoë')).toEqual(['cafe', 'zoe'])
  })

  it('marks wish words as carrying no topic', () => {
    const [learn, react] = tokenize('learn React')
    expect(isTopicStem(learn?.stem ?? '')).toBe(false)
    expect(isTopicStem(react?.stem ?? '')).toBe(true)
  })
})

describe('synonyms and phrasings (thesaurus.ts)', () => {
  it('makes each phrase its canonical term, keeping the words as written', () => {
    expect(tokenize('Running incident reviews without blame')).toEqual([
      { stem: 'run', word: 'running' },
      { stem: 'postmortem', word: 'incident reviews' },
      { stem: 'blameless', word: 'without blame' }
    ])
    expect(stems('Leading blameless postmortems')).toEqual(['lead', 'blameless', 'postmortem'])
    expect(stems('design docs')).toEqual(stems('Design Documents'))
  })

  it('reaches every entry\'s canonical term from each of its phrases, and no phrase is in two entries', () => {
    const owner = new Map<string, string>()
    for (const [canonical, phrases] of Object.entries(SYNONYMS)) {
      const term = stems(canonical)
      expect(term, canonical).toHaveLength(1)
      for (const phrase of phrases) {
        expect(stems(phrase), `${canonical}: ${phrase}`).toEqual(term)
        const key = wordStems(phrase).join(' ')
        expect(owner.get(key), `${phrase} in ${canonical} and ${owner.get(key)}`).toBeUndefined()
        owner.set(key, canonical)
      }
    }
  })
})

describe('concepts', () => {
  it('finds concepts from words and phrases, counting hits', () => {
    expect(conceptHits(tokenize('UI development with Vue and CSS'))).toEqual(new Map([['frontend', 3]]))
    expect([...conceptHits(tokenize('Building user interfaces')).keys()]).toEqual(['frontend'])
    expect([...conceptHits(tokenize('Scrum and Kanban')).keys()]).toEqual(['process'])
    expect([...conceptHits(tokenize('QA and unit tests')).keys()]).toEqual(['testing'])
    expect([...conceptHits(tokenize('REST APIs')).keys()]).toEqual(['backend'])
    expect([...conceptHits(tokenize('Woodworking')).keys()]).toEqual([])
  })

  it('does not let "production" make product items operational', () => {
    expect([...conceptHits(tokenize('Product roadmap')).keys()]).toEqual(['product'])
    expect(conceptHits(tokenize('in production')).has('operations')).toBe(false)
  })

  it('every concept entry produces at least one stem', () => {
    for (const [concept, phrases] of Object.entries(CONCEPTS)) {
      for (const phrase of phrases) expect(stems(phrase).length, `${concept}: ${phrase}`).toBeGreaterThan(0)
    }
  })
})

describe('TF-IDF and cosine', () => {
  const items = ['React & Redux', 'Learn frontend with React', 'Kubernetes operations', 'React Native apps'].map(analyzeItem)
  const idf = inverseDocumentFrequency(items)

  it('weighs rare terms above common ones', () => {
    expect(idf.get('redux')).toBeGreaterThan(idf.get('react') ?? Infinity)
    expect(idf.get('react')).toBeGreaterThan(1)
  })

  it('builds unit vectors', () => {
    const v = weigh(items[0]!, idf)
    const length = Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0))
    expect(length).toBeCloseTo(1, 10)
  })

  it('gives 1 for the same item, 0 for nothing shared, and names the shared terms', () => {
    const [a, b, c] = items.map((item) => weigh(item, idf))
    expect(compare(a!, a!).similarity).toBeCloseTo(1, 10)
    expect(compare(a!, c!)).toEqual({ similarity: 0, shared: [] })
    const ab = compare(a!, b!)
    expect(ab.similarity).toBeGreaterThan(0.3)
    expect(ab.shared.map((s) => s.term).sort()).toEqual(['concept:frontend', 'react'])
    expect(ab.shared.reduce((sum, s) => sum + s.contribution, 0)).toBeCloseTo(ab.similarity, 10)
  })
})
