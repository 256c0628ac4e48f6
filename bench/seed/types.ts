/**
 * What the bench and its in-browser pages (seed.html, app.html) say to each other. Types only:
 * the bench (node) imports this file, so it must not import anything that runs.
 */
export interface SeedConfig {
  /** the PRNG seed: the same seed gives the same content */
  seed: number
  profiles: number
  pairs: number
  sessionsPerPair: number
  teams: number
  sprints: number
  membersPerTeam: number
  cardsPerBoard: number
  /** votes each member casts on a closed board (within the board's budget) */
  votesPerMember: number
  lateTicketsPerSprint: number
  actionsPerSprint: number
  goalsPerSprint: number
}

export interface SeedSummary {
  me: { deviceId: string; name: string }
  org: { id: string; name: string }
  teams: { id: string; name: string; lateTickets: number; actions: number }[]
  pairs: { id: string; name: string; sessions: number }[]
  /** sprint numbers of the dataset; the last is the current sprint */
  sprints: number[]
  counts: Record<string, number>
  /** the board a second peer edits: team 1's current sprint */
  remote: { teamId: string; teamName: string; sprint: number; boardId: string; cardIds: string[]; invite: string }
  timingsMs: Record<string, number>
  storage: { usageBytes: number | null; updateRows: number; docRows: number; spaceRows: number }
  /** calls into the stores that failed (the dataset is then incomplete; the bench says so) */
  problems: string[]
}

/** Timestamps are performance.timeOrigin + performance.now() in the page (wall clock, ms). */
export interface RemoteEditStamps {
  /** the data-channel message carrying the edit arrived in the page (RTCDataChannel message event) */
  wireAt: number | null
  /** Yjs began applying it (beforeTransaction of the remote transaction) */
  yjsAt: number | null
  /** Yjs finished (its 'update' event: observers, the collections' watchers ran before this) */
  updateAt: number | null
  /** a MutationObserver saw the new text in the DOM (right after React's commit) */
  domAt: number
  /** the next animation frame after that (the frame that paints it) */
  frameAt: number
}

export interface BenchHook {
  /** start watching the DOM for `token` (returns at once) */
  arm(token: string, timeoutMs: number): void
  /** the stamps once `token` is in the DOM, or null after the timeout */
  seen(token: string): Promise<RemoteEditStamps | null>
  /** keeps a team's sprint document open and waits until the card is in it; false on timeout */
  openCard(teamId: string, sprint: number, cardId: string, timeoutMs: number): Promise<boolean>
  /** edits the card's text through the retro store; returns when it was written (wall clock) */
  editCard(teamId: string, sprint: number, cardId: string, text: string): Promise<number>
}
