// Network errors in plain words. Node's messages ("connect ECONNREFUSED 1.2.3.4:443") are kept
// out: only the error code is quoted, for support.

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
  const code = error.code ?? 'no code'
  const notSent = `The ${what} request was not sent.`
  switch (code) {
    case 'ENOTFOUND':
      return `The server ${host} was not found (DNS). ${notSent} Check the login and domain of the API address, and the internet connection.`
    case 'EAI_AGAIN':
      return `The name ${host} could not be looked up right now (DNS). ${notSent} Check the internet connection.`
    case 'ECONNREFUSED':
      return `${host} refused the connection. ${notSent} Check the API address; the server may be down.`
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${host} cannot be reached from this computer (${code}). ${notSent} Check the internet connection.`
    default:
      if (TLS_TRUST.has(code)) {
        return `The secure connection to ${host} failed: its certificate is not trusted (${code}). ${notSent} Check the API address; a network that intercepts HTTPS can also cause this.`
      }
      if (isTlsCode(code)) {
        return `The secure connection to ${host} could not be set up (${code}). ${notSent} Check that the API address starts with the right https:// or http://.`
      }
      return `Could not connect to ${host} (${code}). ${notSent} Check the internet connection and the API address.`
  }
}

/** A failure once the request was on its way: the server may have carried it out. */
export function describeSentError(error: NodeJS.ErrnoException, host: string, what: string): string {
  const code = error.code ?? 'no code'
  const mayHave = 'the server may have carried it out.'
  if (code === 'ECONNRESET' || code === 'EPIPE' || error.message === 'socket hang up') {
    return `The connection to ${host} was cut after the ${what} request was sent and before a full answer came (${code}); ${mayHave}`
  }
  return `The ${what} request to ${host} failed after it was sent (${code}); ${mayHave}`
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
