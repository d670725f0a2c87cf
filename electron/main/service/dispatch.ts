// The door of every request, for both hosts (Electron IPC and the browser's HTTP): the channel is
// checked against the contract, the input is validated with its zod schema, and whatever the
// handler does, the caller gets an IpcResult, never an exception.
import type { z } from 'zod'
import { CHANNELS, type Channel, type ChannelOutputs, type IpcResult } from '#shared/ipc/contract'
import { errorResult, okResult } from '#shared/ipc/wire'
import { toIpcError } from './errors'
import type { ServiceHandlers } from './types'

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, name)
}

export async function callChannel(handlers: ServiceHandlers, channel: string, input: unknown): Promise<IpcResult<ChannelOutputs[Channel]>> {
  if (!isChannel(channel)) {
    return errorResult('invalid-channel', `"${String(channel).slice(0, 60)}" is not something Orderbatch can do. Update the app window (reload it).`)
  }
  const parsed = CHANNELS[channel].input.safeParse(input === undefined ? {} : input)
  if (!parsed.success) return errorResult('invalid-input', describeInputProblem(channel, parsed.error))
  const handler = handlers[channel] as (value: unknown) => Promise<ChannelOutputs[Channel]>
  try {
    return okResult(await handler(parsed.data))
  } catch (error) {
    if (!isExpected(error)) console.error(`Orderbatch: ${channel} failed:`, error)
    return { ok: false, error: toIpcError(error, describeChannel(channel)) }
  }
}

/** Names the field and says what it must be, e.g. 'rows.page: "limit" must be at most 1000.' */
export function describeInputProblem(channel: Channel, error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return `The request ${channel} was not valid.`
  const field = issue.path.length > 0 ? `"${issue.path.map(String).join('.')}"` : 'the request'
  return `The request ${channel} was refused: ${field} is not valid (${lowerFirst(issue.message)}).`
}

/** What the user asked for, as the end of "Orderbatch could not ...". */
const ACTIONS: Record<Channel, string> = {
  'app.info': 'read its own version',
  'appearance.get': 'read the appearance setting',
  'appearance.set': 'save the appearance setting',
  'connection.get': 'read the connection settings',
  'connection.set': 'save the connection settings',
  'connection.useSandbox': 'switch to the sandbox',
  'connection.test': 'test the connection',
  'sheet.load': 'read the file',
  'sheet.reload': 'read the file again',
  'sheet.close': 'close the file',
  'mapping.set': 'apply the mapping',
  'mapping.previewOrder': 'preview the order',
  'templates.list': 'list the saved templates',
  'catalog.get': "read the shop's product list",
  'catalog.continueWithout': 'go on without the product check',
  'products.list': 'match the products',
  'products.choose': 'store the product choice',
  'templates.save': 'save the template',
  'rows.page': 'show the rows',
  'rows.edit': 'change the cell',
  'rows.exclude': 'exclude the rows',
  'run.start': 'start sending',
  'run.notice': 'say what the shop will do',
  'run.pause': 'pause the run',
  'run.resume': 'resume the run',
  'run.cancel': 'cancel the run',
  'runs.list': 'list the runs',
  'runs.orders': "list the run's orders",
  'runs.resolve': 'record your decision for the order',
  'runs.editFailed': 'correct the failed order',
  'runs.retryFailed': 'retry the failed orders',
  'runs.retryStatus': 'send the failed statuses again',
  'runs.export': 'export the results',
  'runs.undo': 'undo the run'
}

function describeChannel(channel: Channel): string {
  return ACTIONS[channel]
}

function isExpected(error: unknown): boolean {
  return error instanceof Error && ['ServiceError', 'JournalError', 'JournalStateError', 'JournalLockedError', 'ApiAddressError', 'MappingFileError', 'SqliteBindingError'].includes(error.name)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
