import { describe, expect, it } from 'vitest'
import { editOf, mergeText } from '@shared/retro/textMerge.ts'
import { clip } from '@shared/text/plainText.ts'

describe('mergeText', () => {
  it('finds the one span an edit changed', () => {
    expect(editOf('CI is slow', 'CI is very slow')).toEqual({ start: 6, end: 6, insert: 'very ' })
    expect(editOf('abc', 'abc')).toEqual({ start: 3, end: 3, insert: '' })
    expect(editOf('aaa', 'aa')).toEqual({ start: 2, end: 3, insert: '' })
  })

  it('keeps both edits when they touch different parts', () => {
    expect(mergeText('CI is slow', 'CI is very slow', 'CI is slow on Mondays')).toBe('CI is very slow on Mondays')
    expect(mergeText('CI is slow on Mondays', 'Our CI is slow on Mondays', 'CI is slow on Fridays')).toBe('Our CI is slow on Fridays')
  })

  it('takes the other edit when I changed nothing, mine when they changed nothing', () => {
    expect(mergeText('a', 'a', 'b')).toBe('b')
    expect(mergeText('a', 'b', 'a')).toBe('b')
    expect(mergeText('a', 'b', 'b')).toBe('b')
  })

  it('keeps both insertions at the same spot, theirs first', () => {
    expect(mergeText('ab', 'aXb', 'aYb')).toBe('aYXb')
  })

  it('lets mine win when both changed the same words', () => {
    expect(mergeText('CI is slow', 'CI is fast', 'CI is sluggish')).toBe('CI is fast')
  })
})

describe('mergeText never empties a card (found by the convergence fuzz, seed 1199)', () => {
  it('keeps my text when two deletions together would remove everything', () => {
    expect(mergeText('CI', 'I', 'C')).toBe('I')
  })
  it('still empties nothing that one person emptied on purpose', () => {
    expect(mergeText('CI', '', 'CI')).toBe('')
  })
})

describe('clip (group titles, found by the convergence fuzz, seed 19)', () => {
  it('never cuts a character in two', () => {
    const title = 'a'.repeat(79) + '🎉'
    expect(clip(title, 80)).toBe('a'.repeat(79))
    expect(clip('short', 80)).toBe('short')
    expect(clip('a'.repeat(78) + '🎉', 80)).toBe('a'.repeat(78) + '🎉')
  })
})
