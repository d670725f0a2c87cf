// Which MD5 the request signatures use. shared/ stays pure TypeScript (md5.ts), but where Node
// runs the engine, its entry points install node:crypto's MD5 (about 5x faster on a request
// body) with setMd5Implementation. Both give the same hex digest of the UTF-8 bytes (a lone
// surrogate as U+FFFD), which the tests check.
import { md5 as pureMd5 } from './md5'

export type Md5 = (text: string) => string

let current: Md5 = pureMd5

/** Lower-case hex MD5 of the UTF-8 bytes of `text`, by the installed implementation. */
export function md5Text(text: string): string {
  return current(text)
}

/** Installs an MD5 implementation; without an argument, the pure one again. */
export function setMd5Implementation(md5?: Md5): void {
  current = md5 ?? pureMd5
}
