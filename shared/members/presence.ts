/** A member as recorded in a space's shared document. */
export interface MemberRecord {
  id: string
  name: string
  color: string
  joinedAt: number
  lastSeenAt: number
  leftAt?: number | undefined
}

export type MemberStatus = 'online' | 'away' | 'left'

export interface MemberView extends MemberRecord {
  isMe: boolean
  status: MemberStatus
  /** "online now", "online now on 2 devices", "last seen 5 minutes ago", "left the space" */
  presence: string
  /** how many devices they are online on now (0 when away) */
  devices: number
}

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

export function describeLastSeen(lastSeenAt: number, now: number): string {
  // a clock ahead of ours must not read "in 5 minutes"
  const seconds = Math.round(Math.min(0, lastSeenAt - now) / 1000)
  const minutes = Math.round(-seconds / 60)
  const hours = Math.round(-seconds / 3600)
  const days = Math.round(-seconds / 86400)
  if (-seconds < 60) return 'last seen just now'
  if (minutes < 60) return 'last seen ' + rtf.format(-minutes, 'minute')
  if (hours < 24) return 'last seen ' + rtf.format(-hours, 'hour')
  if (days < 30) return 'last seen ' + rtf.format(-days, 'day')
  return 'last seen on ' + new Date(lastSeenAt).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric' })
}

/**
 * The member list of a space's home: everyone recorded in the document plus anyone present right
 * now (a presence can arrive before their member record syncs). Online first, then most recent.
 */
export function memberList(
  records: readonly MemberRecord[],
  /** presence entries, one per connected device (clientId: its connection) */
  online: readonly { id: string; name: string; color: string; clientId?: number }[],
  meId: string,
  now: number
): MemberView[] {
  const onlineIds = new Set(online.map((p) => p.id))
  const byId = new Map<string, MemberRecord>()
  for (const r of records) byId.set(r.id, r)
  for (const p of online) {
    if (!byId.has(p.id)) byId.set(p.id, { ...p, joinedAt: now, lastSeenAt: now })
  }
  const views: MemberView[] = [...byId.values()].map((r) => {
    const isOnline = onlineIds.has(r.id) || r.id === meId
    const live = online.find((p) => p.id === r.id)
    const status: MemberStatus = isOnline ? 'online' : r.leftAt ? 'left' : 'away'
    // one member, several devices ("Add my other device"): the same member id in several presences
    const devices = isOnline ? Math.max(1, new Set(online.filter((p) => p.id === r.id).map((p, i) => p.clientId ?? i)).size) : 0
    const presence =
      status === 'online'
        ? devices > 1
          ? `online now on ${devices} devices`
          : 'online now'
        : status === 'left'
          ? 'left the space'
          : describeLastSeen(r.lastSeenAt, now)
    return { ...r, name: live?.name ?? r.name, color: live?.color ?? r.color, isMe: r.id === meId, status, presence, devices }
  })
  const rank = { online: 0, away: 1, left: 2 } as const
  return views.sort(
    (a, b) =>
      Number(b.isMe) - Number(a.isMe) ||
      rank[a.status] - rank[b.status] ||
      b.lastSeenAt - a.lastSeenAt ||
      a.name.localeCompare(b.name)
  )
}
