// The one window: a header that always says where orders would go, the step bar, and the screen
// of the current step. Only the current screen is mounted; what must outlive a screen (the loaded
// sheet, its mapping and counts, the live run feed) lives here.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CatalogInfo, ConnectionInfo } from '#shared/ipc/contract'
import { AppearanceSetting } from './components/AppearanceSetting'
import { ConnectionBadge } from './components/ConnectionBadge'
import { StepBar } from './components/StepBar'
import { useApi } from './lib/api-context'
import { useLanguage, useT } from './lib/i18n'
import { useRunFeed } from './lib/run-feed'
import { useEvent } from './lib/use-event'
import { useSession } from './lib/use-session'
import { useShellLanguage } from './lib/use-shell-language'
import { ConnectionScreen } from './screens/connection/ConnectionScreen'
import { HistoryScreen } from './screens/history/HistoryScreen'
import { LoadScreen } from './screens/load/LoadScreen'
import { MapScreen } from './screens/map/MapScreen'
import { ProductsScreen } from './screens/products/ProductsScreen'
import { ReviewScreen } from './screens/review/ReviewScreen'
import { SendScreen } from './screens/send/SendScreen'
import type { StepId } from './steps'
import { TID } from './test-ids'

export function App({ initialStep = 'load' }: { initialStep?: StepId }) {
  const api = useApi()
  const t = useT()
  const state = useSession()
  const feed = useRunFeed()
  const [step, setStep] = useState<StepId>(initialStep)
  const [connection, setConnection] = useState<ConnectionInfo | null>(null)
  const [activeRunId, setActiveRunId] = useState<number | null>(null)
  const main = useRef<HTMLElement>(null)
  const moved = useRef(false)
  // A file the desktop app opened (menu Open, "Open with Orderbatch"): read on the Load screen.
  const [openedFile, setOpenedFile] = useState<File | null>(null)
  // The shop's product list for the chosen connection: main reads it when a connection is chosen;
  // the Products step is skipped when there is nothing to check (the sandbox without a catalog).
  const catalog = useRef<{ info: Promise<CatalogInfo | null> } | null>(null)

  useEffect(() => {
    api.invoke('connection.get', {}).then((result) => result.ok && setConnection(result.value), () => undefined)
  }, [api])

  // After a step change, move focus to the new screen's heading so keyboard and screen reader
  // users land where the content changed.
  useEffect(() => {
    if (!moved.current) return
    main.current?.querySelector<HTMLElement>('h1')?.focus()
  }, [step])

  const go = useCallback((next: StepId) => {
    moved.current = true
    setStep(next)
  }, [])

  const readCatalog = useCallback((refresh: boolean): Promise<CatalogInfo | null> =>
    api.invoke('catalog.get', { refresh }).then((result) => (result.ok ? result.value : null), () => null), [api])

  // Read when a connection is chosen (again after the user saves it: a new key may read it now).
  useEffect(() => {
    if (!connection) return
    const info = readCatalog(catalog.current !== null)
    catalog.current = { info }
  }, [connection, readCatalog])

  const afterMap = useCallback(async () => {
    const info = await (catalog.current?.info ?? readCatalog(false))
    go(info?.state === 'skipped' ? 'review' : 'products')
  }, [readCatalog, go])

  useEvent('app.openFile', ({ name, bytes }) => {
    setOpenedFile(new File([bytes as Uint8Array<ArrayBuffer>], name))
    go('load')
  })

  const enabled = (target: StepId) => {
    if (target === 'map' || target === 'products' || target === 'review') return state.session !== null
    if (target === 'send') return state.session !== null || activeRunId !== null
    return true
  }

  const watchRun = useCallback((runId: number) => {
    setActiveRunId(runId)
    go('send')
  }, [go])

  return (
    <div className="app" data-testid={TID.app}>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <ConnectionBadge connection={connection} />
        <LanguageSwitch />
        <AppearanceSetting />
      </header>
      <StepBar current={step} enabled={enabled} onSelect={go} />
      <main className="screen" ref={main}>
        {step === 'connection' && <ConnectionScreen connection={connection} onChange={setConnection} />}
        {step === 'load' && <LoadScreen state={state} onNext={() => go('map')} openedFile={openedFile} onOpenedFileTaken={() => setOpenedFile(null)} />}
        {step === 'map' && <MapScreen state={state} onNext={() => void afterMap()} />}
        {step === 'products' && <ProductsScreen state={state} onNext={() => go('review')} />}
        {step === 'review' && <ReviewScreen state={state} onNext={() => go('send')} />}
        {step === 'send' && (
          <SendScreen
            state={state}
            connection={connection}
            feed={feed}
            activeRunId={activeRunId}
            onRunStarted={setActiveRunId}
            onOpenHistory={() => go('history')}
          />
        )}
        {step === 'history' && (
          <HistoryScreen feed={feed} activeRunId={activeRunId} headers={state.session?.headers ?? []} onWatchRun={watchRun} />
        )}
      </main>
    </div>
  )
}

/** Русский / English, remembered for the next start, and told to main for the desktop menu. */
function LanguageSwitch() {
  const t = useT()
  const { language, setLanguage } = useLanguage()
  useShellLanguage()
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={language} data-testid={TID.language} onChange={(e) => setLanguage(e.target.value === 'ru' ? 'ru' : 'en')}>
        <option value="ru" lang="ru">{t('app.language.ru')}</option>
        <option value="en" lang="en">{t('app.language.en')}</option>
      </select>
    </label>
  )
}
