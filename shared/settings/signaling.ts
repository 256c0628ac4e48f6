/** Signaling servers are a setting: a list of ws:// or wss:// URLs. */
export const DEFAULT_SIGNALING_URLS = ['ws://localhost:4444']

export function parseSignalingUrls(text: string): { ok: true; urls: string[] } | { ok: false; error: string } {
  const entries = text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean)
  const urls: string[] = []
  for (const entry of entries) {
    if (!/^wss?:\/\//i.test(entry)) {
      return { ok: false, error: `"${entry}" must start with ws:// or wss://.` }
    }
    if (!/^wss?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?(\/[^\s?#]*)?$/i.test(entry)) {
      return { ok: false, error: `"${entry}" is not a server address; it looks like ws://192.168.1.20:4444.` }
    }
    const port = /:(\d+)(\/|$)/.exec(entry.replace(/^wss?:\/\//i, ''))?.[1]
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
      return { ok: false, error: `"${entry}" has no valid port (1–65535).` }
    }
    // scheme and host are case-insensitive: ws://Host and WS://host are one server
    const clean = entry.replace(/\/+$/, '').replace(/^(wss?:\/\/[^/]+)/i, (m) => m.toLowerCase())
    if (!urls.includes(clean)) urls.push(clean)
  }
  return { ok: true, urls }
}
