/** Topics (hashed room names) and who subscribes to each; generic over the connection type. */
export class TopicTable<C> {
  private readonly topics = new Map<string, Set<C>>()
  private readonly held = new Map<C, Set<string>>()

  /** how many topics have at least one subscriber */
  get size(): number {
    return this.topics.size
  }

  topicsOf(conn: C): number {
    return this.held.get(conn)?.size ?? 0
  }

  has(conn: C, topic: string): boolean {
    return this.held.get(conn)?.has(topic) ?? false
  }

  subscribe(conn: C, topic: string): void {
    let subs = this.topics.get(topic)
    if (!subs) this.topics.set(topic, (subs = new Set()))
    subs.add(conn)
    let mine = this.held.get(conn)
    if (!mine) this.held.set(conn, (mine = new Set()))
    mine.add(topic)
  }

  unsubscribe(conn: C, topic: string): void {
    const subs = this.topics.get(topic)
    subs?.delete(conn)
    if (subs && subs.size === 0) this.topics.delete(topic)
    const mine = this.held.get(conn)
    mine?.delete(topic)
    if (mine && mine.size === 0) this.held.delete(conn)
  }

  /** Leaves every topic: on close, or when the connection is being cut. */
  leaveAll(conn: C): void {
    for (const topic of [...(this.held.get(conn) ?? [])]) this.unsubscribe(conn, topic)
  }

  /** A snapshot of the topic's subscribers (sending may make one leave). */
  subscribers(topic: string): C[] {
    const subs = this.topics.get(topic)
    return subs ? [...subs] : []
  }
}
