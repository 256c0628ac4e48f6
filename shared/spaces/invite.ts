import { sha256 } from '@noble/hashes/sha2.js'
import { base64urlnopad, utf8 } from '@scure/base'
import { SpaceKind, SPACE_KINDS, cleanSpaceName } from './space.ts'
import { isSpaceKey } from './key.ts'
import { ICE_LIMITS, readTurnServers, type TurnServer } from '../sync/ice.ts'
import { readRelayUrls, RELAY_URLS_MAX } from '../relay/urls.ts'

/**
 * An invite carries everything needed to join a space: its id, kind, name and secret key.
 *
 * Code:  tandem2.<kind>.<spaceId>.<key>.<name as base64url>.<check>
 *        tandem3.<kind>.<spaceId>.<key>.<name as base64url>.<extras>.<check>   (carries TURN servers)
 * Link:  tandem://join/<code>                (desktop)
 *        https://host/path#/join/<code>      (web mode: the fragment never reaches a server)
 *
 * `check` is the start of a SHA-256 over the rest of the code, so any damaged character in any
 * part is refused with a clear message (a damaged space id would otherwise make a dead space that
 * waits forever, a damaged kind another kind of space). Codes of the first version (`tandem1.`,
 * without a check) are still read; their parts are checked one by one as before.
 *
 * `extras` (base64url of a JSON object) carries what a space's peers need to reach each other
 * beyond the key: `turn`, the space's TURN servers (`[[url, username, credential], …]`, at most
 * 4; shared/sync/ice.ts), and `relays`, the relay URLs the space names (at most 4, ws:// or wss://;
 * shared/relay/urls.ts), so that a new member reaches the others' edits through the relay before
 * anyone is online; and `rekey`, `[record, epoch]` of the rotation the key came from (a member
 * invited after a rotation follows the later ones: shared/spaces/rotation.ts). An invite without
 * extras is written as `tandem2`, exactly as before, so
 * older apps still read it; unknown keys of `extras` are ignored (later versions may add some).
 */
export interface Invite {
  spaceId: string
  kind: SpaceKind
  name: string
  key: string
  /** the space's TURN servers, with their credentials (only ever this space's) */
  turn?: TurnServer[]
  /** the space's relay URLs (issue 13 #2) */
  relays?: string[]
  /** the rotation record the key came from and its epoch (shared/spaces/rotation.ts), when the key was rotated */
  rekey?: { record: string; epoch: number }
}

export const INVITE_PREFIX = 'tandem2'
/** a code with extras (TURN servers) */
export const INVITE_PREFIX_EXTRAS = 'tandem3'
/** the first version's codes (no check) are still accepted */
const LEGACY_PREFIX = 'tandem1'
const CHECK_LENGTH = 8
export const DESKTOP_JOIN_PREFIX = 'tandem://join/'

/** far longer than any real code (a 100-character name is about 400 characters in all; 4 TURN
 * servers with the longest fields allowed add about 4 200) */
const MAX_CODE_LENGTH = 6000

export class InviteError extends Error {
  override name = 'InviteError'
}

/** The check part: 48 bits of SHA-256 over everything before it. */
function checkOf(body: string): string {
  return base64urlnopad.encode(sha256(utf8.decode(body))).slice(0, CHECK_LENGTH)
}

export function encodeInvite(invite: Invite): string {
  const name = base64urlnopad.encode(utf8.decode(invite.name))
  const turn = (invite.turn ?? []).slice(0, ICE_LIMITS.inviteTurn)
  const relays = readRelayUrls(invite.relays ?? [])
  const rekey = invite.rekey ? [invite.rekey.record, invite.rekey.epoch] : null
  const extras = {
    ...(turn.length ? { turn: turn.map((t) => [t.url, t.username, t.credential]) } : {}),
    ...(relays.length ? { relays } : {}),
    ...(rekey ? { rekey } : {})
  }
  const body =
    Object.keys(extras).length === 0
      ? [INVITE_PREFIX, invite.kind, invite.spaceId, invite.key, name].join('.')
      : [INVITE_PREFIX_EXTRAS, invite.kind, invite.spaceId, invite.key, name, encodeExtras(extras)].join('.')
  return `${body}.${checkOf(body)}`
}

function encodeExtras(extras: Record<string, unknown>): string {
  return base64urlnopad.encode(utf8.decode(JSON.stringify(extras)))
}

/** The extras part: only well-formed TURN servers, or a clear refusal. */
function decodeExtras(raw: string): { turn: TurnServer[]; relays: string[]; rekey?: Invite['rekey'] } {
  let extras: unknown
  try {
    const text = utf8.encode(base64urlnopad.decode(raw))
    extras = JSON.parse(text)
  } catch {
    throw new InviteError('The network settings in this invite are damaged; copy the whole code again.')
  }
  if (typeof extras !== 'object' || extras === null || Array.isArray(extras)) {
    throw new InviteError('The network settings in this invite are damaged; copy the whole code again.')
  }
  const rawTurn = (extras as { turn?: unknown }).turn ?? []
  if (!Array.isArray(rawTurn) || rawTurn.length > ICE_LIMITS.inviteTurn) {
    throw new InviteError(`This invite's TURN servers are malformed (a list of at most ${ICE_LIMITS.inviteTurn}); ask for a new invite.`)
  }
  const entries = rawTurn.map((t: unknown) =>
    Array.isArray(t) && t.length === 3 ? { url: t[0] as unknown, username: t[1] as unknown, credential: t[2] as unknown } : null
  )
  const turn = readTurnServers(entries, ICE_LIMITS.inviteTurn)
  if (turn.length !== entries.length) {
    throw new InviteError('A TURN server in this invite is malformed (its address, username or credential); ask for a new invite.')
  }
  const rawRelays = (extras as { relays?: unknown }).relays ?? []
  const relays = readRelayUrls(rawRelays)
  if (!Array.isArray(rawRelays) || rawRelays.length > RELAY_URLS_MAX || relays.length !== rawRelays.length) {
    throw new InviteError(`This invite's relay addresses are malformed (at most ${RELAY_URLS_MAX}, each ws:// or wss://); ask for a new invite.`)
  }
  // where the key stands in the space's rotations: read when well-formed (without it, the member
  // needs a new invite after the next rotation)
  const rawRekey = (extras as { rekey?: unknown }).rekey
  const rekey =
    Array.isArray(rawRekey) && rawRekey.length === 2 && typeof rawRekey[0] === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(rawRekey[0]) && Number.isInteger(rawRekey[1]) && rawRekey[1] >= 1 && rawRekey[1] <= 1_000_000
      ? { record: rawRekey[0], epoch: rawRekey[1] as number }
      : undefined
  return { turn, relays, ...(rekey ? { rekey } : {}) }
}

export function desktopInviteLink(invite: Invite): string {
  return DESKTOP_JOIN_PREFIX + encodeInvite(invite)
}

/** A web-mode link: the page's own address with the code in the fragment. */
export function webInviteLink(invite: Invite, pageUrl: string): string {
  const base = pageUrl.split('#')[0] ?? pageUrl
  return `${base}#/join/${encodeInvite(invite)}`
}

/** Pulls the code out of whatever the user pasted: a code, a tandem:// link or a web link. */
export function extractInviteCode(input: string): string {
  const text = input.trim().replace(/^<|>$/g, '')
  // a link: the code follows the last "/join/"; pasted text: the last "tandem2." (or "tandem1.") in it
  const join = text.lastIndexOf('/join/')
  const find = (prefix: string) => (join >= 0 ? text.indexOf(prefix + '.', join) : text.lastIndexOf(prefix + '.'))
  const at = Math.max(find(INVITE_PREFIX), find(INVITE_PREFIX_EXTRAS), find(LEGACY_PREFIX))
  if (at < 0) {
    if (!text) throw new InviteError('Paste an invite code or link.')
    throw new InviteError('This is not a Tandem invite: a code starts with "tandem2." and a link with "tandem://join/".')
  }
  let code = text.slice(at)
  try {
    code = decodeURIComponent(code)
  } catch {
    // keep it as it is: the parts below are checked one by one
  }
  return code.replace(/\s+/g, '')
}

export function decodeInvite(input: string): Invite {
  const code = extractInviteCode(input)
  if (code.length > MAX_CODE_LENGTH) throw new InviteError('This is too long to be an invite code; copy the code again.')
  const parts = code.split('.')
  const legacy = parts[0] === LEGACY_PREFIX
  const withExtras = parts[0] === INVITE_PREFIX_EXTRAS
  if (parts.length !== (legacy ? 5 : withExtras ? 7 : 6)) {
    throw new InviteError('This invite code is incomplete or has extra parts; copy the whole code again.')
  }
  if (!legacy) {
    const check = parts.pop()!
    if (check !== checkOf(parts.join('.'))) {
      throw new InviteError('This invite code is damaged: a character was changed or lost on the way. Copy the whole code again, or ask for a new invite.')
    }
  }
  const [, kind, spaceId, key, rawName, rawExtras] = parts as [string, string, string, string, string, string | undefined]
  const parsedKind = SpaceKind.safeParse(kind)
  if (!parsedKind.success) {
    throw new InviteError(`This invite names an unknown kind of space ("${kind}"); expected one of ${SPACE_KINDS.join(', ')}.`)
  }
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(spaceId)) {
    throw new InviteError('The space id in this invite is damaged; copy the whole code again.')
  }
  if (!isSpaceKey(key)) {
    throw new InviteError('The key in this invite is incomplete; copy the whole code again.')
  }
  let name: string
  try {
    const bytes = base64urlnopad.decode(rawName)
    name = utf8.encode(bytes)
    // a damaged byte decodes to U+FFFD: encoding back tells
    if (base64urlnopad.encode(utf8.decode(name)) !== rawName) throw new Error('not UTF-8')
  } catch {
    throw new InviteError('The space name in this invite is damaged; copy the whole code again.')
  }
  const clean = cleanSpaceName(name)
  if (!clean.ok) throw new InviteError('The space name in this invite is empty or too long.')
  const invite: Invite = { spaceId, kind: parsedKind.data, name: clean.name, key }
  if (withExtras) {
    const { turn, relays, rekey } = decodeExtras(rawExtras ?? '')
    if (turn.length > 0) invite.turn = turn
    if (relays.length > 0) invite.relays = relays
    if (rekey) invite.rekey = rekey
  }
  return invite
}
