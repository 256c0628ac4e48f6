/**
 * Keys that name a property every JavaScript object has (`__proto__`, `constructor`, `toString` …)
 * and `prototype`. Assigning `__proto__` as a key replaces an object's prototype instead of adding
 * a field (Y.Map `toJSON` and lib0's decoder both assign), and code that looks an id up in a plain
 * object finds an inherited function under the others. So none of them is ever a record id, a
 * field of a record or a member id: reads skip them (renderer/src/core/collections,
 * core/spaces/spaceDoc.ts). The list is fixed here, not read from the runtime, so every peer skips
 * the same keys.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf'
])

export const isReservedKey = (key: string): boolean => RESERVED_KEYS.has(key)
