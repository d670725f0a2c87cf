// Which shop orders go to. The API key goes to main once and never comes back: after saving, the
// screen only knows that a key is stored and where.
import { keyedText, renderMessage } from '#shared/i18n/message'
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { ConnectionInfo, ConnectionTest } from '#shared/ipc/contract'
import { ConnectionBadge } from '../../components/ConnectionBadge'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useAction } from '../../lib/use-action'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import { BRAND_DOMAINS, CUSTOM, customUrlProblem, domainChoiceOf, type DomainChoice } from './domains'

interface ConnectionScreenProps {
  connection: ConnectionInfo | null
  onChange: (connection: ConnectionInfo) => void
}

export function ConnectionScreen({ connection, onChange }: ConnectionScreenProps) {
  const action = useAction()
  const t = useT()
  const account = connection?.kind === 'account' ? connection : null
  const [login, setLogin] = useState(account?.login ?? '')
  const [key, setKey] = useState('')
  const [domain, setDomain] = useState<DomainChoice>(account ? domainChoiceOf(account.domain) : 'influencersoft.com')
  const [customUrl, setCustomUrl] = useState(account && domainChoiceOf(account.domain) === CUSTOM ? account.domain : '')
  const [formProblem, setFormProblem] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [verdict, setVerdict] = useState<ConnectionTest | null>(null)
  const ids = { login: useId(), key: useId(), domain: useId(), url: useId(), keyHelp: useId() }

  // The connection may arrive after the first render (connection.get is asynchronous).
  useEffect(() => {
    if (connection?.kind !== 'account') return
    setLogin(connection.login)
    setDomain(domainChoiceOf(connection.domain))
    if (domainChoiceOf(connection.domain) === CUSTOM) setCustomUrl(connection.domain)
  }, [connection])

  const hasKey = account?.hasKey ?? false

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    setVerdict(null)
    const problem = !login.trim()
      ? t('connection.needLogin')
      : !key && !hasKey
        ? t('connection.needKey')
        : domain === CUSTOM ? customUrlProblem(customUrl, t) : null
    setFormProblem(problem)
    if (problem) return
    const value = await action.run('connection.set', {
      login: login.trim(),
      domain: domain === CUSTOM ? customUrl.trim() : domain,
      ...(key ? { apiKey: key } : {})
    })
    if (!value) return
    setKey('')
    onChange(value)
    setSaved(t('connection.saved', { login: value.login, domain: value.domain }))
  }

  const useSandbox = async (shopProducts: boolean) => {
    setSaved(null)
    setVerdict(null)
    const value = await action.run('connection.useSandbox', shopProducts ? { shopProducts } : {})
    if (!value) return
    onChange(value)
    setSaved(t('connection.switchedToSandbox'))
  }

  const test = async () => {
    setVerdict(null)
    const value = await action.run('connection.test', {})
    if (value) setVerdict(value)
  }

  return (
    <section className="panel-stack" aria-labelledby="connection-title">
      <h1 id="connection-title" tabIndex={-1}>{t('connection.title')}</h1>
      <div className="current-connection">
        <span>{t('connection.goesTo')}</span> <ConnectionBadge connection={connection} />
      </div>
      {connection?.kind === 'sandbox' && (
        <p className="hint">{t('connection.sandboxHint')}</p>
      )}
      {connection?.kind === 'sandbox' && connection.sandboxProducts && (
        <p className="note" data-testid={TID.connection.sandboxProducts}>
          {t('connection.sandboxProducts', { count: connection.sandboxProducts.count, login: connection.sandboxProducts.from })}
        </p>
      )}

      <form className="card form-grid" onSubmit={save} noValidate aria-labelledby="account-title">
        <h2 id="account-title">{account ? t('connection.yourAccount') : t('connection.addAccount')}</h2>
        <label htmlFor={ids.login}>{t('connection.login')}</label>
        <input id={ids.login} data-testid={TID.connection.login} value={login} autoComplete="username" onChange={(e) => setLogin(e.target.value)} />

        <label htmlFor={ids.key}>{t('connection.key')}</label>
        <div>
          <input
            id={ids.key}
            type="password"
            className="wide"
            data-testid={TID.connection.key}
            value={key}
            autoComplete="off"
            aria-describedby={ids.keyHelp}
            placeholder={hasKey ? t('connection.keyPlaceholder') : ''}
            onChange={(e) => setKey(e.target.value)}
          />
          {hasKey && account && weakStorage(account.keyStorage) && (
            <p className="note">{t('connection.weakStorage')}</p>
          )}
          <p id={ids.keyHelp} className="field-help">
            {hasKey
              ? <span data-testid={TID.connection.keyStored}>{t('connection.keyStored', { storage: account?.keyStorageWhy ? renderMessage(t, account.keyStorageWhy) : account?.keyStorage })}</span>
              : t('connection.keyHelp')}
          </p>
        </div>

        <label htmlFor={ids.domain}>{t('connection.domain')}</label>
        <select id={ids.domain} data-testid={TID.connection.domain} value={domain} onChange={(e) => setDomain(e.target.value as DomainChoice)}>
          {BRAND_DOMAINS.map((d) => <option key={d} value={d}>{d}</option>)}
          <option value={CUSTOM}>{t('connection.customDomain')}</option>
        </select>

        {domain === CUSTOM && (
          <>
            <label htmlFor={ids.url}>{t('connection.address')}</label>
            <input id={ids.url} type="url" data-testid={TID.connection.customUrl} value={customUrl} placeholder={t('connection.urlPlaceholder')} onChange={(e) => setCustomUrl(e.target.value)} />
          </>
        )}

        <div className="form-actions">
          <button type="submit" className="primary" data-testid={TID.connection.save} disabled={action.busy}>{t('connection.save')}</button>
          {connection?.kind === 'account' && (
            <button type="button" data-testid={TID.connection.useSandbox} onClick={() => void useSandbox(false)} disabled={action.busy}>{t('connection.useSandbox')}</button>
          )}
          {connection?.kind === 'account' && connection.hasKey && (
            <button type="button" data-testid={TID.connection.useSandboxProducts} onClick={() => void useSandbox(true)} disabled={action.busy}>{t('connection.useSandboxProducts')}</button>
          )}
        </div>
      </form>

      <div className="card">
        <h2>{t('connection.check')}</h2>
        <p className="hint">{t('connection.checkHint')}</p>
        <button type="button" data-testid={TID.connection.test} onClick={test} disabled={action.busy}>{t('connection.test')}</button>
        {verdict && (
          <p className={`verdict ${verdict.ok ? 'verdict-ok' : 'verdict-bad'}`} role="status" data-testid={TID.connection.verdict}>
            <strong>{verdict.ok ? t('connection.works') : t('connection.fails')}</strong> {keyedText(t, verdict)}
          </p>
        )}
      </div>

      <ErrorMessage message={formProblem ?? action.error} />
      <StatusMessage message={saved} />
    </section>
  )
}

/** Electron's safeStorage falls back to 'basic_text' on Linux without a keyring: obscured, not encrypted. */
function weakStorage(keyStorage: string): boolean {
  return /basic_text|plain/i.test(keyStorage)
}
