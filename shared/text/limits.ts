import { z } from 'zod'

/**
 * How much a peer may write into one field of a shared record (issue 10 #14). A peer's record is
 * read on every device that has the document and shown on every screen that lists it, so every
 * string and every list a peer writes has a cap in its schema. Each cap is above the limit where
 * people type (forms, `maxLength`, imports), so an honest record never reaches it; a record past a
 * cap is malformed: a list item is skipped and counted (renderer/src/core/collections), a lenient
 * header field (`.catch`) falls back to its default.
 *
 * Narrower limits stay where a field already had one (a card's 2 000 characters, a profile's 100).
 */
export const FIELD_LIMITS = {
  /** an id, or a reference to a record or a member (generated ids are 10–60 characters) */
  id: 256,
  /** a person's, team's or space's name as a record carries it (typed: 40–100) */
  name: 200,
  /** a title, a topic, a label, a file name */
  title: 500,
  /** free text of one item: a thought, a first step, a note, an answer (20 000, as the sprint's texts) */
  text: 20_000,
  /** a web address (links/safeUrl.ts opens at most 2 048 characters) */
  url: 2_048,
  /** entries of a list kept in one field: assignees, participants, key results, check-ins */
  items: 500
} as const

/** An id or a reference: not empty, bounded. */
export const RecordId = z.string().min(1).max(FIELD_LIMITS.id)
/** A reference where the schema has always admitted an empty string: only bounded. */
export const RefText = z.string().max(FIELD_LIMITS.id)
/** A name a record carries (may be empty where the schema says so). */
export const NameText = z.string().max(FIELD_LIMITS.name)
export const TitleText = z.string().max(FIELD_LIMITS.title)
export const FreeText = z.string().max(FIELD_LIMITS.text)
export const UrlText = z.string().max(FIELD_LIMITS.url)
