// Network errors in plain words. Node's messages ("connect ECONNREFUSED 1.2.3.4:443") are kept
// out: only the error code is quoted, for support.
import { englishOf, msg, type Message } from '#shared/i18n/message'

const TLS_TRUST = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/** A failure before the connection was up: the request cannot have left this computer. */
export function describeConnectError(error: NodeJS.ErrnoException, host: string, what: string): string {
  return englishOf(connectErrorMessage(error, host, what))
}

export function connectErrorMessage(error: NodeJS.ErrnoException, host: string, what: string): Message {
  const code = error.code ?? 'no code'
  const notSent = msg('net.notSent', { what })
  switch (code) {
    case 'ENOTFOUND':
      return msg('net.dns', { host, notSent })
    case 'EAI_AGAIN':
      return msg('net.dnsAgain', { host, notSent })
    case 'ECONNREFUSED':
      return msg('net.refused', { host, notSent })
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return msg('net.unreachable', { host, code, notSent })
    default:
      if (TLS_TRUST.has(code)) return msg('net.untrusted', { host, code, notSent })
      if (isTlsCode(code)) return msg('net.tls', { host, code, notSent })
      return msg('net.connect', { host, code, notSent })
  }
}

/** A failure once the request was on its way: the server may have carried it out. */
export function describeSentError(error: NodeJS.ErrnoException, host: string, what: string): string {
  return englishOf(sentErrorMessage(error, host, what))
}

export function sentErrorMessage(error: NodeJS.ErrnoException, host: string, what: string): Message {
  const code = error.code ?? 'no code'
  if (code === 'ECONNRESET' || code === 'EPIPE' || error.message === 'socket hang up') return msg('net.cut', { host, what, code })
  return msg('net.failedAfter', { what, host, code })
}

/** A certificate or TLS set-up failure: a setting to fix (address, network, clock), never a
 * passing network problem, so it is not retried. */
export function isTlsFailure(error: NodeJS.ErrnoException): boolean {
  const code = error.code ?? ''
  return TLS_TRUST.has(code) || isTlsCode(code)
}

function isTlsCode(code: string): boolean {
  return code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code.includes('CERT')
}
