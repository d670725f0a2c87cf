// The door of every request, for both hosts (Electron IPC and the browser's HTTP): the channel is
// checked against the contract, the input is validated with its zod schema, and whatever the
// handler does, the caller gets an IpcResult, never an exception.
import type { z } from 'zod'
import { CHANNELS, type Channel, type ChannelOutputs, type IpcResult } from '#shared/ipc/contract'
import { errorResult, okResult } from '#shared/ipc/wire'
import { toIpcError } from './errors'
import type { CatalogKey } from '#shared/i18n/catalog/index'
import { englishOf, msg, type Message } from '#shared/i18n/message'
import type { ServiceHandlers } from './types'

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, name)
}

export async function callChannel(handlers: ServiceHandlers, channel: string, input: unknown): Promise<IpcResult<ChannelOutputs[Channel]>> {
  if (!isChannel(channel)) {
    return errorResult('invalid-channel', msg('ipc.invalidChannel', { channel: String(channel).slice(0, 60) }))
  }
  const parsed = CHANNELS[channel].input.safeParse(input === undefined ? {} : input)
  if (!parsed.success) return errorResult('invalid-input', inputProblem(channel, parsed.error))
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
  return englishOf(inputProblem(channel, error))
}

/** The same as a message; zod's own words about the value stay as they are. */
export function inputProblem(channel: Channel, error: z.ZodError): Message {
  const issue = error.issues[0]
  if (!issue) return msg('ipc.invalidRequest', { channel })
  const field = issue.path.length > 0 ? msg('ipc.field', { field: issue.path.map(String).join('.') }) : msg('ipc.theRequest')
  return msg('ipc.refusedInput', { channel, field, problem: lowerFirst(issue.message) })
}

/** What the user asked for, as the end of "Orderbatch could not ..." (catalog 'action.<channel>'). */
function describeChannel(channel: Channel): Message {
  const key: ActionKey = `action.${channel}`
  return msg(key)
}

/** Every channel has its words in the catalog (a type error otherwise). */
type ActionKey = `action.${Channel}` & CatalogKey

function isExpected(error: unknown): boolean {
  return error instanceof Error && ['ServiceError', 'JournalError', 'JournalStateError', 'JournalLockedError', 'ApiAddressError', 'MappingFileError', 'SqliteBindingError'].includes(error.name)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
