// Which pages may use the IPC bridge: the app's own index.html, or the dev server's origin.
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isTrustedUrl } from '../../../electron/main/app/trusted-sender'

const indexPath = '/opt/Orderbatch/out/renderer/index.html'
const own = pathToFileURL(indexPath).href

describe('isTrustedUrl', () => {
  it('trusts the app page, also with a query or fragment', () => {
    expect(isTrustedUrl(own, { indexPath })).toBe(true)
    expect(isTrustedUrl(`${own}#/history`, { indexPath })).toBe(true)
  })

  it('refuses other files, other schemes and malformed addresses', () => {
    expect(isTrustedUrl(pathToFileURL('/tmp/evil.html').href, { indexPath })).toBe(false)
    expect(isTrustedUrl(pathToFileURL('/opt/Orderbatch/out/renderer/index.html.evil').href, { indexPath })).toBe(false)
    expect(isTrustedUrl('file://remote-host/opt/Orderbatch/out/renderer/index.html', { indexPath })).toBe(false)
    expect(isTrustedUrl('https://evil.example/', { indexPath })).toBe(false)
    expect(isTrustedUrl('not a url', { indexPath })).toBe(false)
    expect(isTrustedUrl(undefined, { indexPath })).toBe(false)
  })

  it('trusts the dev server by exact origin only, and only when there is one', () => {
    const devUrl = 'http://localhost:5173/'
    expect(isTrustedUrl('http://localhost:5173/index.html', { indexPath, devUrl })).toBe(true)
    expect(isTrustedUrl('http://localhost:5174/', { indexPath, devUrl })).toBe(false)
    expect(isTrustedUrl('http://localhost.evil.example:5173/', { indexPath, devUrl })).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', { indexPath })).toBe(false)
  })
})
