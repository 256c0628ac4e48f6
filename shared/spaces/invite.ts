import { base64urlnopad, utf8 } from '@scure/base'
import { SpaceKind, SPACE_KINDS, cleanSpaceName } from './space.ts'
import { isSpaceKey } from './key.ts'

/**
 * An invite carries everything needed to join a space: its id, kind, name and secret key.
 *
 * Code:  tandem1.<kind>.<spaceId>.<key>.<name as base64url>
 * Link:  tandem://join/<code>                (desktop)
 *        https://host/path#/join/<code>      (web mode: the fragment never reaches a server)
 *
 * The parts are separate so a damaged character stays inside its part: a damaged key still
 * decodes and is caught when it fails to open the space's messages ("this invite's key does not
 * match"), while a truncated or mangled code is rejected here with a message that says why.
 */
export interface Invite {
  spaceId: string
  kind: SpaceKind
  name: string
  key: string
}

export const INVITE_PREFIX = 'tandem1'
export const DESKTOP_JOIN_PREFIX = 'tandem://join/'

export class InviteError extends Error {
  override name = 'InviteError'
}

export function encodeInvite(invite: Invite): string {
  const name = base64urlnopad.encode(utf8.decode(invite.name))
  return [INVITE_PREFIX, invite.kind, invite.spaceId, invite.key, name].join('.')
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
  // a link: the code follows the last "/join/"; pasted text: the last "tandem1." in it
  const join = text.lastIndexOf('/join/')
  const at = join >= 0 ? text.indexOf(INVITE_PREFIX + '.', join) : text.lastIndexOf(INVITE_PREFIX + '.')
  if (at < 0) {
    if (!text) throw new InviteError('Paste an invite code or link.')
    throw new InviteError('This is not a Tandem invite: a code starts with "tandem1." and a link with "tandem://join/".')
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
  const parts = code.split('.')
  if (parts.length !== 5) {
    throw new InviteError('This invite code is incomplete or has extra parts; copy the whole code again.')
  }
  const [, kind, spaceId, key, rawName] = parts as [string, string, string, string, string]
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
  return { spaceId, kind: parsedKind.data, name: clean.name, key }
}
