// `npm run native:electron`: builds better-sqlite3 for Electron's ABI into out/native/electron,
// apart from node_modules (whose build stays Node's, for the CLI and the tests). Run first by
// `npm start`, `npm run dev` and `npm run dist`; does nothing when the build there already matches
// the installed Electron, so only the first start needs the network.
//
// How: a copy of the better-sqlite3 package in .tmp/, where prebuild-install fetches the
// published Electron build (or node-gyp compiles one against Electron's headers when no prebuilt
// exists); the module and a build-info.json naming the Electron version are copied to
// out/native/electron. ORDERBATCH_NATIVE_ARCH builds for another architecture (macOS arm64/x64).
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { ELECTRON_NATIVE_DIR, NATIVE_BUILD_INFO_FILE, NATIVE_MODULE_FILE, type NativeBuildInfo } from '../main/native/sqlite-binding'

const root = resolve(import.meta.dirname, '..', '..')
const require = createRequire(join(root, 'package.json'))

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version
}

// npm passes its config down as npm_config_* variables; a machine-wide nodedir, target or runtime
// there would silently build for Node again, so they are left out: the arguments decide.
const NPM_TARGET_SETTINGS = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|platform)$/i

function run(command: string, args: string[], cwd: string): boolean {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NPM_TARGET_SETTINGS.test(name)))
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' })
  return result.status === 0
}

export function buildInfoMatches(path: string, wanted: NativeBuildInfo): boolean {
  if (!existsSync(path)) return false
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<NativeBuildInfo>
    return info.electron === wanted.electron && info.betterSqlite3 === wanted.betterSqlite3 && info.platform === wanted.platform && info.arch === wanted.arch
  } catch {
    return false
  }
}

function main(): number {
  const wanted: NativeBuildInfo = {
    electron: packageVersion('electron'),
    betterSqlite3: packageVersion('better-sqlite3'),
    platform: process.platform,
    arch: process.env['ORDERBATCH_NATIVE_ARCH'] ?? process.arch
  }
  const outDir = join(root, ELECTRON_NATIVE_DIR)
  const infoPath = join(outDir, NATIVE_BUILD_INFO_FILE)
  if (existsSync(join(outDir, NATIVE_MODULE_FILE)) && buildInfoMatches(infoPath, wanted)) {
    console.log(`better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} (${wanted.platform}-${wanted.arch}) is up to date in ${ELECTRON_NATIVE_DIR}.`)
    return 0
  }

  const source = dirname(require.resolve('better-sqlite3/package.json'))
  const work = join(root, '.tmp', 'native-electron', 'better-sqlite3')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(dirname(work), { recursive: true })
  cpSync(source, work, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) })

  console.log(`Building better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} (${wanted.platform}-${wanted.arch})...`)
  const prebuild = require.resolve('prebuild-install/bin.js')
  const target = ['--runtime', 'electron', '--target', wanted.electron, '--arch', wanted.arch, '--platform', wanted.platform]
  let built = run(process.execPath, [prebuild, ...target, '--verbose'], work)
  if (!built) {
    console.log('No prebuilt module was found; compiling it against Electron\'s headers (needs a C++ toolchain).')
    const gyp = require.resolve('node-gyp/bin/node-gyp.js')
    built = run(
      process.execPath,
      [gyp, 'rebuild', '--release', `--target=${wanted.electron}`, `--arch=${wanted.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
      work
    )
  }
  const module = join(work, 'build', 'Release', NATIVE_MODULE_FILE)
  if (!built || !existsSync(module)) {
    console.error(
      `Could not build better-sqlite3 for Electron ${wanted.electron}. This step needs the network once (it downloads the prebuilt ` +
        'module, or Electron\'s headers to compile it). Connect and run `npm run native:electron` again.'
    )
    return 1
  }
  mkdirSync(outDir, { recursive: true })
  copyFileSync(module, join(outDir, NATIVE_MODULE_FILE))
  writeFileSync(infoPath, `${JSON.stringify(wanted, null, 2)}\n`)
  rmSync(work, { recursive: true, force: true })
  console.log(`Wrote ${join(ELECTRON_NATIVE_DIR, NATIVE_MODULE_FILE)}.`)
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main()
