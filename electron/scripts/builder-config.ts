// The electron-builder configuration, as a pure function of the environment so a unit test can
// check it (schema, files, signing) without the Electron binary or the network. electron-builder.ts
// at the top level hands it process.env; `npm run dist` builds the installer for this platform.
//
// - The native module: `npm run native:electron` (run first by `npm run dist`) puts better-sqlite3
//   built for Electron in out/native/electron; it is packaged and unpacked from the asar, and the
//   app loads it from there (electron/main/native/sqlite-binding.ts). The packager does not rebuild
//   node_modules itself (npmRebuild off): that would overwrite the Node build the CLI and the
//   tests use, in the developer's own node_modules.
// - Signing happens only when its secrets are in the environment; without them the installers are
//   built unsigned and nothing fails.
// - The data folder is unchanged: the app names it itself (electron/main/index.ts, APP_NAME).
import type { Configuration } from 'electron-builder'

export const APP_ID = 'com.orderbatch.app'
export const PRODUCT_NAME = 'Orderbatch'

export type Env = Readonly<Record<string, string | undefined>>

/** Everything packaged; later patterns win, negations exclude. */
export const FILES = [
  'out/main/**',
  'out/preload/**',
  'out/renderer/**',
  'out/native/electron/**',
  'package.json',
  '!**/*.map',
  '!**/{test,tests,__tests__,bench,benchmarks,fixtures,example,examples,docs}/**',
  '!**/*.{md,markdown,ts,tsx,mts,cts}',
  '!**/*.d.ts',
  // better-sqlite3's sources and its Node build: the app loads the Electron build above.
  '!node_modules/better-sqlite3/{src,deps,build}/**'
] as const

/** Native modules cannot be loaded from inside the asar archive. */
export const ASAR_UNPACK = ['out/native/**', '**/*.node'] as const

const has = (env: Env, ...names: string[]): boolean => names.every((name) => (env[name] ?? '').trim() !== '')

/** Apple notarization through @electron/notarize: an App Store Connect API key, or an Apple ID with an app-specific password. */
export function notarizationCredentials(env: Env): 'api-key' | 'apple-id' | null {
  if (has(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER')) return 'api-key'
  if (has(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID')) return 'apple-id'
  return null
}

/** Windows: Azure Trusted Signing when its account is configured; a certificate (WIN_CSC_LINK or
 * CSC_LINK, read by electron-builder itself) otherwise; unsigned when neither. */
export function windowsSigning(env: Env): 'azure' | 'certificate' | null {
  if (has(env, 'AZURE_TRUSTED_SIGNING_ENDPOINT', 'AZURE_TRUSTED_SIGNING_ACCOUNT', 'AZURE_TRUSTED_SIGNING_PROFILE', 'AZURE_TRUSTED_SIGNING_PUBLISHER')) {
    return 'azure'
  }
  if (has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK')) return 'certificate'
  return null
}

/** macOS signing identity: from CSC_LINK (a .p12) or CSC_NAME (a keychain identity); else none. */
export function macSigning(env: Env): boolean {
  return has(env, 'CSC_LINK') || has(env, 'CSC_NAME')
}

export function builderConfig(env: Env): Configuration {
  const updateUrl = (env['ORDERBATCH_UPDATE_URL'] ?? '').trim()
  const azure = windowsSigning(env) === 'azure'
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Copyright © Orderbatch',
    directories: { output: 'dist', buildResources: 'resources/build' },
    files: [...FILES],
    asar: true,
    asarUnpack: [...ASAR_UNPACK],
    npmRebuild: false,
    fileAssociations: [
      { ext: 'csv', name: 'CSV spreadsheet', description: 'Orders in a CSV file', role: 'Viewer', mimeType: 'text/csv' },
      {
        ext: 'xlsx',
        name: 'Excel workbook',
        description: 'Orders in an Excel workbook',
        role: 'Viewer',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      }
    ],
    // Updates: a generic server, only when its address is given; without it the app has no
    // app-update.yml and never looks for updates.
    publish: updateUrl ? [{ provider: 'generic', url: updateUrl }] : null,
    win: {
      target: [{ target: 'nsis', arch: ['x64'] }],
      icon: 'icon.ico',
      ...(azure
        ? {
            azureSignOptions: {
              endpoint: env['AZURE_TRUSTED_SIGNING_ENDPOINT'] as string,
              codeSigningAccountName: env['AZURE_TRUSTED_SIGNING_ACCOUNT'] as string,
              certificateProfileName: env['AZURE_TRUSTED_SIGNING_PROFILE'] as string,
              publisherName: env['AZURE_TRUSTED_SIGNING_PUBLISHER'] as string
            }
          }
        : {})
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: PRODUCT_NAME,
      // The journal and keys are the user's records: uninstalling never deletes them.
      deleteAppDataOnUninstall: false
    },
    mac: {
      target: [{ target: 'dmg' }],
      category: 'public.app-category.business',
      icon: 'icon.icns',
      hardenedRuntime: true,
      // No identity: built unsigned instead of searching the keychain.
      ...(macSigning(env) ? {} : { identity: null }),
      notarize: macSigning(env) && notarizationCredentials(env) !== null
    },
    dmg: { title: '${productName} ${version}' },
    linux: {
      target: ['AppImage', 'deb'],
      category: 'Office',
      icon: 'icons',
      maintainer: 'Orderbatch',
      synopsis: 'Imports order spreadsheets into an InfluencerSoft shop',
      mimeTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
    },
    deb: { packageName: 'orderbatch' }
  }
}
