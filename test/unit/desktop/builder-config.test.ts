// The installer configuration, checked without the Electron binary or the network: electron-builder's
// own schema, the files that go into the package (with its own matcher), signing from the environment.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ID, ASAR_UNPACK, builderConfig, FILES, PRODUCT_NAME } from '../../../electron/scripts/builder-config'
import type { Env } from '../../../electron/scripts/builder-config'
import fileConfig from '../../../electron-builder'

const require = createRequire(import.meta.url)
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>
}
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => {
    createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean
  }
}

const root = '/project'
const logger = { isEnabled: false, add() {} }

function matcher(patterns: readonly string[]): (relative: string) => boolean {
  const filter = new FileMatcher(root, '/app', (s) => s, [...patterns]).createFilter()
  return (relative) => filter(join(root, relative), { isDirectory: () => false })
}

const SIGNING: Env = {
  CSC_LINK: 'file:///secrets/mac.p12',
  APPLE_API_KEY: '/secrets/key.p8',
  APPLE_API_KEY_ID: 'ABC123',
  APPLE_API_ISSUER: 'issuer',
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'orderbatch',
  AZURE_TRUSTED_SIGNING_PROFILE: 'public',
  AZURE_TRUSTED_SIGNING_PUBLISHER: 'Orderbatch',
  ORDERBATCH_UPDATE_URL: 'https://updates.example.com/orderbatch'
}

describe('electron-builder configuration', () => {
  it('passes electron-builder own schema check, with and without signing secrets', async () => {
    await expect(validateConfiguration(builderConfig({}), logger)).resolves.toBeUndefined()
    await expect(validateConfiguration(builderConfig(SIGNING), logger)).resolves.toBeUndefined()
  })

  it('the schema check can fail (a misplaced option is refused)', async () => {
    await expect(validateConfiguration({ ...builderConfig({}), title: 'Orderbatch' }, logger)).rejects.toThrow(/title/)
  })

  it('electron-builder.ts hands it the environment', () => {
    expect(fileConfig.appId).toBe(APP_ID)
  })

  it('names the app, and builds NSIS per user, dmg, AppImage and deb', () => {
    const config = builderConfig({})
    expect(config.appId).toBe('com.orderbatch.app')
    expect(config.productName).toBe(PRODUCT_NAME)
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false })
    expect(config.mac?.target).toEqual([{ target: 'dmg' }])
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.directories?.buildResources).toBe('resources/build')
  })

  it('has the icon in every size the installers use', () => {
    const config = builderConfig({})
    const build = join(import.meta.dirname, '..', '..', '..', 'resources', 'build')
    for (const icon of [config.win?.icon, config.mac?.icon]) expect(existsSync(join(build, String(icon))), String(icon)).toBe(true)
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(existsSync(join(build, String(config.linux?.icon), `${size}x${size}.png`))).toBe(true)
    expect(existsSync(join(build, 'icon.png'))).toBe(true)
  })

  it('opens .csv and .xlsx files', () => {
    expect(builderConfig({}).fileAssociations).toEqual([
      expect.objectContaining({ ext: 'csv', role: 'Viewer' }),
      expect.objectContaining({ ext: 'xlsx', role: 'Viewer' })
    ])
  })

  it('packages the app and the Electron build of the native module in an asar, and leaves out tests, benchmarks and fixtures', () => {
    const config = builderConfig({})
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
    const included = matcher(config.files as string[])
    for (const path of ['out/main/index.js', 'out/main/sheet-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/native/electron/better_sqlite3.node', 'package.json']) {
      expect(included(path), path).toBe(true)
    }
    for (const path of [
      'test/unit/native/sqlite-binding.test.ts',
      'test/bench/run.ts',
      'test/fixtures/php/a.php',
      'out/main/index.js.map',
      'electron/main/index.ts',
      'resources/samples/orders.csv',
      'README.md'
    ]) {
      expect(included(path), path).toBe(false)
    }
    // Production dependencies: electron-builder takes everything but the exclusions of `files`.
    const modules = matcher(['**/*', ...(config.files as string[]).filter((p) => p.startsWith('!'))])
    for (const path of ['node_modules/better-sqlite3/lib/index.js', 'node_modules/zod/index.js', 'node_modules/electron-updater/out/main.js']) {
      expect(modules(path), path).toBe(true)
    }
    for (const path of [
      'node_modules/some-lib/test/a.js',
      'node_modules/some-lib/fixtures/a.csv',
      'node_modules/some-lib/bench/b.js',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c'
    ]) {
      expect(modules(path), path).toBe(false)
    }
    const unpacked = matcher(config.asarUnpack as string[])
    expect(unpacked('out/native/electron/better_sqlite3.node')).toBe(true)
    expect(unpacked('out/main/index.js')).toBe(false)
    expect(FILES).toContain('out/native/electron/**')
    expect(ASAR_UNPACK).toContain('out/native/**')
  })

  it('signs and notarizes only with secrets in the environment', () => {
    const unsigned = builderConfig({})
    expect(unsigned.mac?.identity).toBeNull()
    expect(unsigned.mac?.notarize).toBe(false)
    expect(unsigned.win?.azureSignOptions).toBeUndefined()

    const signed = builderConfig(SIGNING)
    expect(signed.mac && 'identity' in signed.mac).toBe(false)
    expect(signed.mac?.notarize).toBe(true)
    expect(signed.win?.azureSignOptions).toEqual({
      endpoint: 'https://weu.codesigning.azure.net',
      codeSigningAccountName: 'orderbatch',
      certificateProfileName: 'public',
      publisherName: 'Orderbatch'
    })
    // A certificate without notarization credentials: signed, not notarized.
    expect(builderConfig({ CSC_LINK: 'x' }).mac?.notarize).toBe(false)
  })

  it('publishes updates to a generic server only when its address is configured', () => {
    expect(builderConfig({}).publish).toBeNull()
    expect(builderConfig({ ORDERBATCH_UPDATE_URL: '  ' }).publish).toBeNull()
    expect(builderConfig(SIGNING).publish).toEqual([{ provider: 'generic', url: 'https://updates.example.com/orderbatch' }])
  })
})
