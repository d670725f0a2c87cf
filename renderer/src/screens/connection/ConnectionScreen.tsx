// Which shop orders go to. The API key goes to main once and never comes back: after saving, the
// screen only knows that a key is stored and where.
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { ConnectionInfo, ConnectionTest } from '#shared/ipc/contract'
import { ConnectionBadge } from '../../components/ConnectionBadge'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useAction } from '../../lib/use-action'
import { TID } from '../../test-ids'
import { BRAND_DOMAINS, CUSTOM, customUrlProblem, domainChoiceOf, type DomainChoice } from './domains'

interface ConnectionScreenProps {
  connection: ConnectionInfo | null
  onChange: (connection: ConnectionInfo) => void
}

export function ConnectionScreen({ connection, onChange }: ConnectionScreenProps) {
  const action = useAction()
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
      ? 'Enter your account login: the name you sign in to InfluencerSoft with.'
      : !key && !hasKey
        ? 'Enter the API key from your InfluencerSoft account settings (section API).'
        : domain === CUSTOM ? customUrlProblem(customUrl) : null
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
    setSaved(`Saved. Orders will go to the shop of ${value.login} (${value.domain}).`)
  }

  const useSandbox = async () => {
    setSaved(null)
    setVerdict(null)
    const value = await action.run('connection.useSandbox', {})
    if (!value) return
    onChange(value)
    setSaved('Switched to the sandbox: orders go to the local stand-in, never to a real shop.')
  }

  const test = async () => {
    setVerdict(null)
    const value = await action.run('connection.test', {})
    if (value) setVerdict(value)
  }

  return (
    <section className="panel-stack" aria-labelledby="connection-title">
      <h1 id="connection-title" tabIndex={-1}>Connection</h1>
      <div className="current-connection">
        <span>Orders go to:</span> <ConnectionBadge connection={connection} />
      </div>
      {connection?.kind === 'sandbox' && (
        <p className="hint">The built-in sandbox is used until you add your account. It answers like the real API, so you can try a whole import safely.</p>
      )}

      <form className="card form-grid" onSubmit={save} noValidate aria-labelledby="account-title">
        <h2 id="account-title">{account ? 'Your account' : 'Add your account'}</h2>
        <label htmlFor={ids.login}>Account login</label>
        <input id={ids.login} data-testid={TID.connection.login} value={login} autoComplete="username" onChange={(e) => setLogin(e.target.value)} />

        <label htmlFor={ids.key}>API key</label>
        <div>
          <input
            id={ids.key}
            type="password"
            className="wide"
            data-testid={TID.connection.key}
            value={key}
            autoComplete="off"
            aria-describedby={ids.keyHelp}
            placeholder={hasKey ? 'Key stored — type a new one to replace it' : ''}
            onChange={(e) => setKey(e.target.value)}
          />
          {hasKey && account && weakStorage(account.keyStorage) && (
            <p className="note">This computer has no system keyring, so the key is kept in a file that is only lightly protected. Anyone who can read your user files could read it.</p>
          )}
          <p id={ids.keyHelp} className="field-help">
            {hasKey
              ? <span data-testid={TID.connection.keyStored}>Key stored ({account?.keyStorage}). It is never shown again; leave this empty to keep it.</span>
              : 'Find it in your InfluencerSoft account under Settings → API. It is kept by the app and never shown again.'}
          </p>
        </div>

        <label htmlFor={ids.domain}>API domain</label>
        <select id={ids.domain} data-testid={TID.connection.domain} value={domain} onChange={(e) => setDomain(e.target.value as DomainChoice)}>
          {BRAND_DOMAINS.map((d) => <option key={d} value={d}>{d}</option>)}
          <option value={CUSTOM}>Custom URL…</option>
        </select>

        {domain === CUSTOM && (
          <>
            <label htmlFor={ids.url}>API address</label>
            <input id={ids.url} type="url" data-testid={TID.connection.customUrl} value={customUrl} placeholder="https://shop.example.com" onChange={(e) => setCustomUrl(e.target.value)} />
          </>
        )}

        <div className="form-actions">
          <button type="submit" className="primary" data-testid={TID.connection.save} disabled={action.busy}>Save account</button>
          {connection?.kind === 'account' && (
            <button type="button" data-testid={TID.connection.useSandbox} onClick={useSandbox} disabled={action.busy}>Use the sandbox instead</button>
          )}
        </div>
      </form>

      <div className="card">
        <h2>Check the connection</h2>
        <p className="hint">Sends one harmless signed request and reports whether the login, key and address work.</p>
        <button type="button" data-testid={TID.connection.test} onClick={test} disabled={action.busy}>Test connection</button>
        {verdict && (
          <p className={`verdict ${verdict.ok ? 'verdict-ok' : 'verdict-bad'}`} role="status" data-testid={TID.connection.verdict}>
            <strong>{verdict.ok ? 'Works.' : 'Does not work.'}</strong> {verdict.message}
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
