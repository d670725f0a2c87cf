// The answer body as a PHP server writes it: json_encode with default flags, which escapes "/"
// and every non-ASCII character as \uXXXX (lowercase hex). Clients must cope with exactly that.
import { createHash } from 'node:crypto'
import type { Answer, Json } from './answers'

export function phpJsonEncode(value: Json): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** node:crypto, not shared/md5: the sandbox checks the client's signing code, so it must not
 * share it. A bug in one then shows up as "incorrect hash" instead of cancelling out. */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex')
}

/** The documented response signature: md5("code::text::secret"); it does not cover result. */
export function encodeAnswer(answer: Answer, secret: string): string {
  return phpJsonEncode({
    error_code: answer.code,
    error_text: answer.text,
    result: answer.result,
    hash: md5Hex(`${answer.code}::${answer.text}::${secret}`)
  })
}
