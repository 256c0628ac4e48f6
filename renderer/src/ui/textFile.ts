/**
 * Reads a file the user chose as text, refusing what is not text by its content (a PNG named
 * journal.md is still a PNG): the bytes must be valid UTF-8 without NUL bytes, and not too large.
 */
export type TextFile = { ok: true; text: string } | { ok: false; reason: string }

export async function readTextFile(file: Blob & { name: string }, maxBytes: number): Promise<TextFile> {
  if (file.size > maxBytes) {
    return { ok: false, reason: `${file.name} is too large (${Math.ceil(file.size / 1024)} KB; at most ${Math.floor(maxBytes / 1024)} KB).` }
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (bytes.includes(0)) return notText(file.name)
  try {
    // a byte-order mark is fine; anything that is not UTF-8 is not a text file we can read
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) }
  } catch {
    return notText(file.name)
  }
}

function notText(name: string): TextFile {
  return { ok: false, reason: `${name} is not a text file (it looks like an image or another binary file). Choose a Markdown or text file.` }
}
