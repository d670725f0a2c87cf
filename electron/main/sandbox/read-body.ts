// Reads a request body with a size cap, so a runaway client cannot fill the sandbox's memory.
import type { IncomingMessage } from 'node:http'

export const MAX_BODY_BYTES = 1024 * 1024

/** The body as UTF-8 text, or 'too-large'; rejects when the client goes away mid-body. */
export function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection before sending the whole request'))
    })
  })
}
