// `npm run web`: the desktop app's screens in an ordinary browser. Serves the built renderer and
// the app service on 127.0.0.1 until Ctrl+C; a run that is sending then pauses cleanly and can be
// resumed at the next start (from here, the desktop app or the CLI: they share the journal).
import { isCatalogFileName, readCatalogFile } from '../sandbox/catalog-file'
import type { SandboxProduct } from '../sandbox/catalog'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { useNodeMd5 } from '../api/node-md5'
import { defaultUserDataDir } from '../ops/paths'
import { defaultJournalPath } from '../journal'
import { createAppService } from '../service/app-service'
import { createMemorySecretStore } from '../service/secret-store'
import { startWebHost } from './web-host'
import { environmentLanguage } from '#shared/i18n/language'
import { errorText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'

const ROOT = resolve(import.meta.dirname, '../../..')
/** The terminal's language, as for the CLI (LC_ALL, LC_MESSAGES, LANG); the page follows the browser's. */
const t = translatorFor(environmentLanguage(process.env))

async function main(): Promise<number> {
  useNodeMd5()
  const rendererDir = resolve(ROOT, 'out/renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(t('web.notBuilt', { dir: rendererDir }))
    return 1
  }
  const port = portFrom(process.argv.slice(2), process.env['ORDERBATCH_PORT'])
  if (port === null) {
    console.error(t('web.badPort'))
    return 1
  }
  const userDataDir = defaultUserDataDir()
  const service = createAppService({
    userDataDir,
    journalPath: defaultJournalPath(userDataDir),
    secrets: createMemorySecretStore(),
    host: 'browser',
    version: packageVersion(),
    ...sandboxProducts(process.env['ORDERBATCH_SANDBOX_PRODUCTS'])
  })
  let host
  try {
    host = await startWebHost({ service, port, rendererDir })
  } catch (error) {
    await service.dispose()
    const code = (error as NodeJS.ErrnoException).code
    console.error(code === 'EADDRINUSE' ? t('web.portInUse', { port }) : t('web.cannotStart', { code: code ?? 'unknown error' }))
    return 1
  }
  console.log(t('web.running', { url: `${host.url}#token=${host.token}` }))
  console.log(t('web.dataFolder', { dir: userDataDir }))

  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      done()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  console.log(t('web.stopping'))
  await host.close()
  await service.dispose()
  return 0
}

function portFrom(args: readonly string[], env: string | undefined): number | null {
  const at = args.indexOf('--port')
  const text = at >= 0 ? args[at + 1] : (args.find((a) => a.startsWith('--port='))?.slice('--port='.length) ?? env)
  if (text === undefined || text === '') return 0
  if (!/^\d+$/.test(text) || Number(text) > 65535) return null
  return Number(text)
}

/** ORDERBATCH_SANDBOX_PRODUCTS="course-basic,ebook-start": the built-in sandbox sells only these,
 * as a real shop does: GetAllGoods lists them, so the Products step checks the sheet against them
 * and any other product is an error before sending (the sandbox would answer 604). A path to a
 * .json or .csv catalog (as for "orderbatch sandbox --products") gives the products with their
 * titles, prices and types. */
function sandboxProducts(env: string | undefined): { sandboxProducts?: ReadonlyArray<string | SandboxProduct> } {
  if (env !== undefined && isCatalogFileName(env)) return { sandboxProducts: readCatalogFile(env.trim()) }
  const names = (env ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '')
  return names.length > 0 ? { sandboxProducts: names } : {}
}

function packageVersion(): string {
  try {
    const json = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: unknown }
    return typeof json.version === 'string' ? json.version : '0.0.0'
  } catch {
    return '0.0.0'
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(t('web.failed', { reason: errorText(t, error) }))
    process.exit(1)
  }
)
