import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'
import { z } from 'zod'

/**
 * The order of records in a list that several people edit at once. Each record carries an order
 * key (fractional indexing: a string that sorts between its neighbours, so inserting or moving one
 * record writes one field and never renumbers the others). Two people who insert at the same
 * place at the same moment may pick the same key; ties sort by record id, so every peer shows the
 * same order. Records written before order keys (and by older apps) carry a number: numbers sort
 * before every key, by value.
 */
export type StoredOrder = string | number

/** An order key or a legacy number; anything else (a peer's junk) counts as 0. */
export const Order = z.union([z.string().min(1).max(200), z.number().finite()]).catch(0)

export interface Ordered {
  order: StoredOrder
  id: string
}

export function compareOrder(a: Ordered, b: Ordered): number {
  const byKind = (typeof a.order === 'number' ? 0 : 1) - (typeof b.order === 'number' ? 0 : 1)
  if (byKind !== 0) return byKind
  if (a.order !== b.order) return a.order < b.order ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Items in their shown order (a new array). */
export function inOrder<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(compareOrder)
}

export type Position = 'first' | 'last' | { after: string } | { before: string }

const keyOf = (item: Ordered | undefined): string | null => (item && typeof item.order === 'string' ? item.order : null)

/**
 * A key for an item placed at `at` among `sorted` (in shown order, without the item itself).
 * Neighbours with equal keys or legacy numbers are stepped over, so this never fails.
 */
export function orderKeyAt(sorted: readonly Ordered[], at: Position): string {
  const keys = sorted.map(keyOf)
  const firstKey = keys.find((k) => k !== null) ?? null
  if (at === 'first') return generateKeyBetween(null, firstKey)
  const lastKey = [...keys].reverse().find((k) => k !== null) ?? null
  if (at === 'last') return generateKeyBetween(lastKey, null)
  if ('after' in at) {
    const index = sorted.findIndex((i) => i.id === at.after)
    if (index < 0) return generateKeyBetween(lastKey, null)
    const low = keys[index] ?? null
    // a legacy item: place after every legacy item before the first key
    const high = keys.slice(index + 1).find((k) => k !== null && (low === null || k > low)) ?? null
    return generateKeyBetween(low, high)
  }
  const index = sorted.findIndex((i) => i.id === at.before)
  if (index < 0) return generateKeyBetween(null, firstKey)
  const high = keys[index] ?? null
  if (high === null) return generateKeyBetween(null, firstKey)
  const low = [...keys.slice(0, index)].reverse().find((k) => k !== null && k < high) ?? null
  return generateKeyBetween(low, high)
}

/** `n` keys after everything in `sorted`, in order (an import appends many at once). */
export function orderKeysAtEnd(sorted: readonly Ordered[], n: number): string[] {
  if (n <= 0) return []
  const lastKey = [...sorted.map(keyOf)].reverse().find((k) => k !== null) ?? null
  return generateNKeysBetween(lastKey, null, n)
}

/** `n` keys before the first key in `sorted` (legacy records being given keys, in their order). */
export function orderKeysBefore(sorted: readonly Ordered[], n: number): string[] {
  if (n <= 0) return []
  const firstKey = sorted.map(keyOf).find((k) => k !== null) ?? null
  return generateNKeysBetween(null, firstKey, n)
}
