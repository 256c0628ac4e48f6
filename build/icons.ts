import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

/**
 * Tandem's application icons for electron-builder, drawn from the logo in build/icon.svg (a green
 * rounded square, two linked rings) with no tools beyond Node: `npx tsx build/icons.ts` writes
 *   build/icon.png       1024×1024, the logo edge to edge (Linux, and electron-builder's fallback)
 *   build/icons/N×N.png  the Linux hicolor sizes, 16 … 1024
 *   build/icon.icns      macOS, 16 … 1024 (PNG entries), the logo on Apple's icon grid (824 of 1024,
 *                        centred), as macOS icons leave a margin
 *   build/icon.ico       Windows, 16 … 128 as 32-bit bitmaps and 256 as PNG
 * Shapes are rendered from their exact distance functions with one pixel of anti-aliasing, so
 * every size is drawn for itself, not scaled down from a big one. The output is deterministic.
 */
const OUT = import.meta.dirname

// The logo in its 64-unit square, as in build/icon.svg.
const LOGO = {
  body: { size: 64, radius: 14, color: hex('#2f5d50') },
  rings: [
    { cx: 24, cy: 32, r: 13, width: 5, color: hex('#f7f6f3') },
    { cx: 40, cy: 32, r: 13, width: 5, color: hex('#f2b544') }
  ]
} as const

type Rgb = readonly [number, number, number]

function hex(value: string): Rgb {
  const n = Number.parseInt(value.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** RGBA pixels (straight alpha) of the logo at `size` pixels, the body taking `fill` of the width. */
export function render(size: number, fill = 1): Uint8Array {
  const pixels = new Uint8Array(size * size * 4)
  const unit = (size * fill) / LOGO.body.size // pixels per logo unit
  const offset = (size - size * fill) / 2
  const half = LOGO.body.size / 2
  const inner = half - LOGO.body.radius
  const coverage = (distance: number) => Math.min(1, Math.max(0, 0.5 - distance * unit))
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5 - offset) / unit
      const v = (y + 0.5 - offset) / unit
      // rounded square: distance from its edge (negative inside)
      const qx = Math.abs(u - half) - inner
      const qy = Math.abs(v - half) - inner
      const body = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - LOGO.body.radius
      let alpha = coverage(body)
      // premultiplied
      let r = LOGO.body.color[0] * alpha
      let g = LOGO.body.color[1] * alpha
      let b = LOGO.body.color[2] * alpha
      for (const ring of LOGO.rings) {
        const a = coverage(Math.abs(Math.hypot(u - ring.cx, v - ring.cy) - ring.r) - ring.width / 2)
        r = ring.color[0] * a + r * (1 - a)
        g = ring.color[1] * a + g * (1 - a)
        b = ring.color[2] * a + b * (1 - a)
        alpha = a + alpha * (1 - a)
      }
      const i = (y * size + x) * 4
      pixels[i] = alpha ? Math.round(r / alpha) : 0
      pixels[i + 1] = alpha ? Math.round(g / alpha) : 0
      pixels[i + 2] = alpha ? Math.round(b / alpha) : 0
      pixels[i + 3] = Math.round(alpha * 255)
    }
  }
  return pixels
}

export function png(size: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
    return Buffer.concat([head, data, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0 // no filter
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** macOS .icns with PNG entries: each type code and the pixel size it holds. */
export const ICNS_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512]
]

function icns(pngOf: (size: number) => Buffer): Buffer {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const data = pngOf(size)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(data.length + 8, 4)
    return Buffer.concat([head, data])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4)
  return Buffer.concat([head, ...entries])
}

/** Windows .ico: 32-bit BGRA bitmaps (with their AND mask) below 256, PNG at 256. */
function ico(sizes: number[], rgbaOf: (size: number) => Uint8Array, pngOf: (size: number) => Buffer): Buffer {
  const images = sizes.map((size) => (size >= 256 ? pngOf(size) : bitmap(size, rgbaOf(size))))
  const header = Buffer.alloc(6 + 16 * sizes.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // icon
  header.writeUInt16LE(sizes.length, 4)
  let offset = header.length
  sizes.forEach((size, i) => {
    const at = 6 + 16 * i
    header[at] = size >= 256 ? 0 : size
    header[at + 1] = size >= 256 ? 0 : size
    header.writeUInt16LE(1, at + 4) // planes
    header.writeUInt16LE(32, at + 6) // bits per pixel
    header.writeUInt32LE(images[i]!.length, at + 8)
    header.writeUInt32LE(offset, at + 12)
    offset += images[i]!.length
  })
  return Buffer.concat([header, ...images])
}

function bitmap(size: number, rgba: Uint8Array): Buffer {
  const maskRow = Math.ceil(size / 32) * 4
  const info = Buffer.alloc(40)
  info.writeUInt32LE(40, 0)
  info.writeInt32LE(size, 4)
  info.writeInt32LE(size * 2, 8) // colour and mask, stacked
  info.writeUInt16LE(1, 12)
  info.writeUInt16LE(32, 14)
  info.writeUInt32LE(size * size * 4 + maskRow * size, 20)
  const colour = Buffer.alloc(size * size * 4)
  const mask = Buffer.alloc(maskRow * size)
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y // bottom-up
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4
      const to = (row * size + x) * 4
      colour[to] = rgba[from + 2]!
      colour[to + 1] = rgba[from + 1]!
      colour[to + 2] = rgba[from]!
      colour[to + 3] = rgba[from + 3]!
      if (rgba[from + 3] === 0) mask[row * maskRow + (x >> 3)]! |= 0x80 >> (x & 7)
    }
  }
  return Buffer.concat([info, colour, mask])
}

function memo<T>(make: (size: number) => T): (size: number) => T {
  const made = new Map<number, T>()
  return (size) => {
    if (!made.has(size)) made.set(size, make(size))
    return made.get(size)!
  }
}

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
const MAC_FILL = 824 / 1024

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const rgba = memo((size) => render(size))
  const pngOf = memo((size) => png(size, rgba(size)))
  const macPngOf = memo((size) => png(size, render(size, MAC_FILL)))
  mkdirSync(path.join(OUT, 'icons'), { recursive: true })
  writeFileSync(path.join(OUT, 'icon.png'), pngOf(1024))
  for (const size of LINUX_SIZES) writeFileSync(path.join(OUT, 'icons', `${size}x${size}.png`), pngOf(size))
  writeFileSync(path.join(OUT, 'icon.icns'), icns(macPngOf))
  writeFileSync(path.join(OUT, 'icon.ico'), ico(ICO_SIZES, rgba, pngOf))
  console.log(`icons written to ${OUT}`)
}
