// The app service as both hosts see it: one async handler per contract channel, a stream of
// events, and a clean shutdown.
import type { Message } from '#shared/i18n/message'
import type { Channel, ChannelOutputs, EventName, EventPayloads, ParsedInput } from '#shared/ipc/contract'
import type { Appearance } from '#shared/ipc/appearance'
import type { Language } from '#shared/i18n/language'

export type ServiceHandlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutputs[C]> }

export type EventListener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void

/** Where account API keys are kept. The key goes in and is read back only inside main. */
export interface SecretStore {
  get(login: string): string | null
  /** Throws an Error with a plain message when the key cannot be stored safely. */
  set(login: string, key: string): void
  /** Where keys are kept, or why they cannot be, in a few words for the connection screen. */
  describe(): string
  /** The same as a catalog key and values, for the reader's language. */
  describeWhy?(): Message
}

export interface AppService {
  handlers: ServiceHandlers
  onEvent(listener: EventListener): () => void
  /** Ids of the runs sending right now (not paused): the Electron shell keeps the computer awake
   * and asks before quitting while there are any. */
  sendingRuns(): number[]
  /** Called whenever sendingRuns() may have changed. */
  onSendingChange(listener: (runIds: number[]) => void): () => void
  /** Called when the user changes the appearance setting (the desktop shell sets nativeTheme). */
  onAppearanceChange?(listener: (appearance: Appearance) => void): () => void
  /** Called when the renderer tells the chosen language (null: the system's); the desktop shell
   * rebuilds its menu and words later dialogs in it. */
  onLanguageChange?(listener: (language: Language | null) => void): () => void
  /** Pauses running runs cleanly (in-flight requests finish and are recorded), closes the
   * journal and stops the sandbox. */
  dispose(): Promise<void>
}
