// A stand-in for main built from the contract types: per-channel handlers, a record of every call,
// and events the test emits. Every input is checked against the contract's zod schema, so a screen
// that sends what main would refuse fails its test.
import {
  CHANNELS,
  type Channel,
  type ChannelInput,
  type ChannelOutputs,
  type ConnectionInfo,
  type EventName,
  type EventPayloads,
  type IpcResult,
  type OrderbatchApi
} from '#shared/ipc/contract'
import { errorResult } from '#shared/ipc/wire'
import type { Message } from '#shared/i18n/message'

/** Returned by a handler to make the call fail the way main fails: one sentence for the user, or
 * a catalog key with its values (main then sends the English sentence, the key and the values). */
export class Failure {
  constructor(
    readonly message: string | Message,
    readonly code = 'internal'
  ) {}
}

type Answer<C extends Channel> = ChannelOutputs[C] | Failure
export type Handler<C extends Channel> = (input: ChannelInput<C>) => Answer<C> | Promise<Answer<C>>
export type Handlers = { [C in Channel]?: Handler<C> }

export interface Call {
  channel: Channel
  input: unknown
}

export interface FakeApi extends OrderbatchApi {
  calls: Call[]
  /** Inputs that the contract's schema rejected: a screen bug. */
  violations: string[]
  inputsOf: <C extends Channel>(channel: C) => ChannelInput<C>[]
  lastInput: <C extends Channel>(channel: C) => ChannelInput<C> | undefined
  handle: <C extends Channel>(channel: C, handler: Handler<C>) => void
  emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void
  listeners: (event: EventName) => number
}

export const SANDBOX: ConnectionInfo = { kind: 'sandbox', login: 'demo', domain: 'http://127.0.0.1:8787', hasKey: true, keyStorage: 'built in' }

const created: FakeApi[] = []

/** Fakes made since the last call, for the after-each contract check. */
export function takeCreatedFakes(): FakeApi[] {
  return created.splice(0)
}

export function createFakeApi(handlers: Handlers = {}): FakeApi {
  // The built-in sandbox without a product list, as main answers it: nothing to check.
  const table: Handlers = { 'connection.get': () => SANDBOX, 'appearance.get': () => ({ appearance: 'system' }), 'language.set': (input) => ({ language: input.language }), 'catalog.get': () => ({ state: 'skipped' }), ...handlers }
  const subscribers = new Map<EventName, Set<(payload: never) => void>>()
  const calls: Call[] = []
  const violations: string[] = []

  const api: FakeApi = {
    calls,
    violations,
    async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutputs[C]>> {
      calls.push({ channel, input })
      const parsed = CHANNELS[channel].input.safeParse(input)
      if (!parsed.success) {
        violations.push(`${channel}: ${parsed.error.message}`)
        return { ok: false, error: { code: 'invalid-input', message: `The fake refused the input of ${channel}.` } }
      }
      const handler = table[channel] as Handler<C> | undefined
      if (!handler) return { ok: false, error: { code: 'internal', message: `No fake answer for ${channel}.` } }
      const answer = await handler(input)
      if (answer instanceof Failure) return errorResult(answer.code, answer.message)
      return { ok: true, value: answer }
    },
    on(event, listener) {
      const set = subscribers.get(event) ?? new Set()
      set.add(listener as (payload: never) => void)
      subscribers.set(event, set)
      return () => set.delete(listener as (payload: never) => void)
    },
    inputsOf: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelInput<typeof channel>),
    lastInput: (channel) => api.inputsOf(channel).at(-1),
    handle: (channel, handler) => {
      ;(table as Record<string, unknown>)[channel] = handler
    },
    emit(event, payload) {
      for (const listener of subscribers.get(event) ?? []) (listener as (p: typeof payload) => void)(payload)
    },
    listeners: (event) => subscribers.get(event)?.size ?? 0
  }
  created.push(api)
  return api
}

/** A promise the test settles by hand, to look at a screen while main is still working. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
