// What goes on the wire: JSON answers, the HTML error pages a web server or gateway would
// send, and the deliberately broken answers of the fault modes.
import type { ServerResponse } from 'node:http'
import type { Answer } from './answers'
import { faultStatus, type SandboxFault } from './faults'
import { encodeAnswer } from './php-json'

const STATUS_TEXT: Record<number, string> = {
  404: 'Not Found',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway'
}

export function sendJson(res: ServerResponse, json: string): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) })
  res.end(json)
}

export function sendHtmlError(res: ServerResponse, status: number): void {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(html) })
  res.end(html)
}

/** A complete 200 response whose body is only the first half of the JSON: parseable HTTP, unparseable answer. */
export function sendTruncatedJson(res: ServerResponse, json: string): void {
  const half = Buffer.from(json).subarray(0, Math.floor(Buffer.byteLength(json) / 2))
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': half.length })
  res.end(half)
}

/** Sends the answer, or spoils it as the fault says. No answer means a "before" fault. */
export function deliverAnswer(res: ServerResponse, answer: Answer | undefined, fault: SandboxFault | undefined, secret: string): void {
  const status = fault && faultStatus(fault)
  if (status || !answer) return sendHtmlError(res, status || 500)
  if (fault === 'drop-after-create') return void res.socket?.destroy()
  // hang-after-create: leave the response open; the sandbox's close() destroys the socket.
  if (fault === 'hang-after-create') return
  const json = encodeAnswer(answer, secret)
  if (fault === 'truncated-body') return sendTruncatedJson(res, json)
  sendJson(res, json)
}
