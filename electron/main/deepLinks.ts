/** tandem:// links: from argv (Windows/Linux second instance), open-url (macOS), first launch. */
export const DEEP_LINK_SCHEME = 'tandem'

export function findDeepLink(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null
}

/** Holds a link until the renderer is ready to take it, then delivers the rest live. */
export class DeepLinkInbox {
  private pending: string | null = null
  private deliver: ((url: string) => void) | null = null

  receive(url: string): void {
    if (!url.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`) || url.length > 8192) return
    if (this.deliver) this.deliver(url)
    else this.pending = url
  }

  /** The renderer asks once at start-up; later links are pushed through `deliver`. */
  take(): string | null {
    const url = this.pending
    this.pending = null
    return url
  }

  connect(deliver: (url: string) => void): void {
    this.deliver = deliver
  }

  disconnect(): void {
    this.deliver = null
  }
}
