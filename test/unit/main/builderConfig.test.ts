import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { PlatformPackager } from 'app-builder-lib'
import { FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses'
import { DEEP_LINK_SCHEME } from '../../../electron/main/deepLinks.ts'

/**
 * `npm run dist` cannot run on the project's machines (no Electron binary), so electron-builder.yml
 * is checked here instead: read with a maintained YAML parser and with electron-builder's own
 * loader, validated against electron-builder's own schema, and every icon, the protocol and the
 * fuses checked against what the app needs.
 */
const ROOT = resolve(import.meta.dirname, '../../..')
const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
type Config = Record<string, unknown> & {
  appId: string
  productName: string
  directories: { output: string; buildResources: string }
  files: string[]
  protocols: { name: string; schemes: string[] }[]
  electronFuses: Record<string, boolean>
  extraMetadata: Record<string, string>
  mac: Record<string, unknown>
  win: Record<string, unknown>
  nsis: Record<string, unknown>
  linux: Record<string, unknown> & { executableName: string; target: string[] }
}
const config = doc.toJS() as Config
/** a fuse's state in the wire, as Electron stores it: the character '0' or '1' */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string
  scripts: Record<string, string>
}

describe('electron-builder.yml', () => {
  it('is plain YAML without errors, warnings or repeated keys', () => {
    expect(doc.errors).toEqual([])
    expect(doc.warnings).toEqual([])
  })

  it("is the file electron-builder loads, read the same way, and passes electron-builder's own schema", async () => {
    const loaded = (await getConfig(ROOT, null, null)) as unknown as Record<string, unknown>
    // electron-builder turns `files` into its own matcher form; everything else must read alike
    for (const [key, value] of Object.entries(config)) if (key !== 'files') expect(loaded[key], key).toEqual(value)
    await expect(validateConfiguration(structuredClone(config) as never, { isEnabled: false, add: () => {} } as never)).resolves.toBeUndefined()
    // and the schema is really applied: a misspelt fuse is refused
    const broken = structuredClone(config)
    broken.electronFuses = { ...config.electronFuses, runAsNodee: false }
    await expect(validateConfiguration(broken as never, { isEnabled: false, add: () => {} } as never)).rejects.toThrow(/electronFuses/)
  }, 60_000) // loading electron-builder and compiling its schema takes seconds on a busy machine

  it('names the app and packs the built app for Linux (AppImage, deb), macOS (dmg) and Windows (nsis)', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/)
    expect(config.productName).toBe('Tandem')
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' })
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']))
    expect(packageJson.main.startsWith('out/')).toBe(true)
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toBe('dmg')
    expect(config.win.target).toBe('nsis')
    // a deb package needs a homepage and a maintainer
    expect(config.extraMetadata.homepage).toMatch(/^https:\/\//)
    expect(config.linux.maintainer).toMatch(/^.+ <[^<>\s]+@[^<>\s]+>$/)
    expect(packageJson.scripts.dist).toBe('electron-vite build && electron-builder')
  })

  it('registers the tandem:// scheme main handles, for every platform', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual([DEEP_LINK_SCHEME])
    const index = readFileSync(join(ROOT, 'electron/main/index.ts'), 'utf8')
    expect(index).toContain('app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME')
    expect(index).toContain("app.on('open-url'")
    // one instance: a second launch hands its link to the first and quits
    expect(index).toContain('if (!app.requestSingleInstanceLock()) {\n  app.quit()')
    expect(index).toContain("app.on('second-instance', (_event, argv) => {")
    // Linux: electron-builder writes x-scheme-handler/tandem from `protocols` into tandem.desktop,
    // and Electron matches its windows to that entry through desktopName
    expect(config.linux.mimeTypes, 'added from protocols; twice would be a broken entry').toBeUndefined()
    expect(config.extraMetadata.desktopName).toBe(`${config.linux.executableName}.desktop`)
  })

  it('sets the fuses that harden a packaged app, with the asar they rely on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
    // OnlyLoadAppFromAsar and the integrity check need an asar, and electron-builder's integrity data
    expect(config.asar).not.toBe(false)
    expect(config.disableAsarIntegrity).not.toBe(true)
    for (const platform of [config.mac, config.win, config.linux]) expect(platform.asar).not.toBe(false)
    // nothing in main needs what the fuses take away
    for (const file of sources(join(ROOT, 'electron'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/ELECTRON_RUN_AS_NODE|\bfork\(|loadFile\(/)
    }
  })

  it('flips those fuses in an Electron binary the way electron-builder does it', async () => {
    // a stand-in binary: Electron's sentinel, wire version 1, and Electron's default wire
    const defaults = [1, 0, 1, 1, 0, 0, 0, 1, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE))
    const dir = mkdtempSync(join(tmpdir(), 'tandem-fuses-'))
    try {
      const binary = join(dir, 'tandem')
      writeFileSync(binary, Buffer.concat([Buffer.from('ELF…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, defaults.length, ...defaults]), Buffer.from('…')]))
      const fuses = await (PlatformPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<never> }).generateFuseConfig(
        config.electronFuses
      )
      expect(await flipFuses(binary, fuses)).toBe(1)
      const wire = await getCurrentFuseWire(binary)
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE)
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE)
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE)
      expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot], 'left as Electron ships it').toBe(FuseState.DISABLE)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('points every icon at a real file of the right kind and size', () => {
    const icons = iconSettings(config)
    expect(icons.map(([key]) => key).sort()).toEqual(['icon', 'linux.icon', 'mac.icon', 'nsis.installerIcon', 'nsis.uninstallerIcon', 'win.icon'])
    for (const [key, value] of icons) {
      const file = [join(ROOT, value), join(ROOT, config.directories.buildResources, value)].find((f) => existsSync(f))
      expect(file, `${key}: ${value}`).toBeDefined()
      const kind = statSync(file!).isDirectory() ? 'dir' : value.slice(value.lastIndexOf('.') + 1)
      if (kind === 'png') expect(pngSize(readFileSync(file!)), key).toBeGreaterThanOrEqual(512)
      else if (kind === 'icns') expect([...icnsSizes(readFileSync(file!)).values()], key).toEqual(expect.arrayContaining([16, 32, 128, 256, 512, 1024]))
      else if (kind === 'ico') expect(icoSizes(readFileSync(file!)), key).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 256]))
      else if (kind === 'dir') {
        const sizes = readdirSync(file!).map((name) => {
          const match = /^(\d+)x\1\.png$/.exec(name)
          expect(match, `${key}: ${name} is named <size>x<size>.png`).not.toBeNull()
          expect(pngSize(readFileSync(join(file!, name))), `${key}: ${name}`).toBe(Number(match![1]))
          return Number(match![1])
        })
        expect(sizes, key).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512]))
      } else throw new Error(`${key}: ${value} is no icon electron-builder can use`)
    }
  })

  it('signs macOS builds with the hardened runtime and only the entitlement V8 needs', () => {
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(config.mac.entitlements).toBe(config.mac.entitlementsInherit)
    const plist = readFileSync(join(ROOT, config.mac.entitlements as string), 'utf8')
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g)].map((m) => [m[1], m[2]])
    expect(keys).toEqual([['com.apple.security.cs.allow-jit', 'true']])
    // notarization and signing come from the environment (see the file's header), never from here
    expect(config.mac.notarize).toBeUndefined()
    expect(secretKeys(config)).toEqual([])
  })

  const setsModelId = mainSources().some((source) => source.includes('setAppUserModelId('))
  it.skipIf(!setsModelId)('gives Windows the AppUserModelID main sets: the appId (skipped while main sets none)', () => {
    const ids = appUserModelIds()
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) expect(id).toBe(config.appId)
  })
})

/** Settings that would hold signing or notarization secrets. */
function secretKeys(value: unknown, at = ''): string[] {
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, v]) => {
    const dotted = at ? `${at}.${key}` : key
    return [...(/csc|password|apple|apiKey|certificate/i.test(key) ? [dotted] : []), ...secretKeys(v, dotted)]
  })
}

/** Every setting that names an icon, as [dotted key, path]. */
function iconSettings(value: unknown, at = ''): [string, string][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return []
  return Object.entries(value).flatMap(([key, v]): [string, string][] => {
    const dotted = at ? `${at}.${key}` : key
    if (/icon$/i.test(key) && typeof v === 'string') return [[dotted, v]]
    return iconSettings(v, dotted)
  })
}

function pngSize(data: Buffer): number {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(data.toString('latin1', 12, 16)).toBe('IHDR')
  const width = data.readUInt32BE(16)
  expect(data.readUInt32BE(20), 'square').toBe(width)
  return width
}

/** Apple's PNG icon types and the pixels each holds. */
const ICNS_PNG_TYPES: Record<string, number> = {
  icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512
}

function icnsSizes(data: Buffer): Map<string, number> {
  expect(data.toString('latin1', 0, 4)).toBe('icns')
  expect(data.readUInt32BE(4), 'length in the header').toBe(data.length)
  const sizes = new Map<string, number>()
  for (let at = 8; at < data.length; ) {
    const type = data.toString('latin1', at, at + 4)
    const length = data.readUInt32BE(at + 4)
    expect(length).toBeGreaterThan(8)
    expect(at + length).toBeLessThanOrEqual(data.length)
    expect(ICNS_PNG_TYPES[type], `entry ${type}`).toBeDefined()
    expect(pngSize(data.subarray(at + 8, at + length)), `entry ${type}`).toBe(ICNS_PNG_TYPES[type])
    sizes.set(type, ICNS_PNG_TYPES[type]!)
    at += length
  }
  return sizes
}

function icoSizes(data: Buffer): number[] {
  expect([data.readUInt16LE(0), data.readUInt16LE(2)], 'reserved, type icon').toEqual([0, 1])
  const count = data.readUInt16LE(4)
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i
    const size = data[at] || 256
    const bytes = data.readUInt32LE(at + 8)
    const offset = data.readUInt32LE(at + 12)
    expect(offset + bytes).toBeLessThanOrEqual(data.length)
    const image = data.subarray(offset, offset + bytes)
    if (image[0] === 0x89) expect(pngSize(image)).toBe(size)
    else {
      expect(image.readUInt32LE(0), 'BITMAPINFOHEADER').toBe(40)
      expect([image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([size, size * 2, 32])
    }
    return size
  })
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

function mainSources(): string[] {
  return [...sources(join(ROOT, 'electron')), ...sources(join(ROOT, 'shared'))].map((f) => readFileSync(f, 'utf8'))
}

/** What main passes to app.setAppUserModelId, each resolved to a string (a literal or a constant). */
function appUserModelIds(): string[] {
  const files = mainSources()
  const constant = (name: string) => {
    for (const source of files) {
      const match = new RegExp(`const ${name}\\s*(?::\\s*string)?\\s*=\\s*['"\`]([^'"\`$]+)['"\`]`).exec(source)
      if (match) return match[1]!
    }
    throw new Error(`setAppUserModelId(${name}): no string constant ${name} found in electron/ or shared/`)
  }
  return files.flatMap((source) =>
    [...source.matchAll(/setAppUserModelId\(\s*([^)]*?)\s*\)/g)].map(([, arg]) => {
      const literal = /^['"`]([^'"`$]+)['"`]$/.exec(arg!)
      if (literal) return literal[1]!
      if (/^[A-Za-z_$][\w$]*$/.test(arg!)) return constant(arg!)
      throw new Error(`setAppUserModelId(${arg}): use a string literal or a constant, so this test can compare it`)
    })
  )
}
