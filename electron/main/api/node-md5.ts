// node:crypto's MD5 for the request signatures, installed by every Node entry point (the CLI,
// the Electron main process, the browser host) in place of shared/md5.ts's pure one. The
// one-shot crypto.hash (Node 20.12+) skips the Hash object that createHash makes per call.
import * as crypto from 'node:crypto'
import { setMd5Implementation } from '#shared/wire/md5-choice'

type OneShotHash = (algorithm: string, data: string | Uint8Array, outputEncoding: 'hex') => string
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash

export const nodeMd5: (text: string) => string =
  typeof oneShot === 'function'
    ? (text) => oneShot('md5', text, 'hex')
    : (text) => crypto.createHash('md5').update(text, 'utf8').digest('hex')

/** Lower-case hex MD5 of bytes (nodeMd5 of a text is this of its UTF-8 bytes). On a request
 * already in a Buffer it costs a fifth of hashing the same text, which is converted per call. */
export const nodeMd5Bytes: (bytes: Uint8Array) => string =
  typeof oneShot === 'function'
    ? (bytes) => oneShot('md5', bytes, 'hex')
    : (bytes) => crypto.createHash('md5').update(bytes).digest('hex')

export function useNodeMd5(): void {
  setMd5Implementation(nodeMd5)
}
