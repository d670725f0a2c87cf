// A sentence for a person, as a catalog key with the values it is made of, so the engine can say
// something without choosing the language: each front-end renders it with its own translator (the
// CLI with cliT(io), the renderer with its t). A value may itself be a message (a refusal inside a
// refusal), rendered first in the same language. Messages cross the IPC boundary as they are
// (plain JSON).
import { isCatalogKey, type CatalogKey } from './catalog/index'
import { translatorFor, type Translate } from './translate'

export type MessageParam = string | number | Message
export type MessageParams = Readonly<Record<string, MessageParam>>

export interface Message {
  key: CatalogKey
  params?: MessageParams
}

export function msg(key: CatalogKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params }
}

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false
  const { key, params } = value as { key?: unknown; params?: unknown }
  return typeof key === 'string' && isCatalogKey(key) && (params === undefined || (typeof params === 'object' && params !== null))
}

/** The message in the translator's language; nested messages first. */
export function renderMessage(t: Translate, message: Message): string {
  if (!message.params) return t(message.key)
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(message.params)) values[name] = typeof value === 'object' ? renderMessage(t, value) : value
  return t(message.key, values)
}

const ENGLISH = translatorFor('en')

export function englishOf(message: Message): string {
  return renderMessage(ENGLISH, message)
}

/** An error that carries its message as a key and values as well as in English (error.message). */
export interface Localized {
  readonly localized?: Message
}

/** An error whose sentence is a message: English in `message`, the key and values in `localized`. */
export class LocalizedError extends Error implements Localized {
  readonly localized: Message

  constructor(message: Message, options?: { cause?: unknown }) {
    super(englishOf(message), options)
    this.localized = message
  }
}

/** The error's sentence in the translator's language: its message when it carries one, else its
 * own (English) words. */
export function errorText(t: Translate, error: unknown): string {
  const localized = typeof error === 'object' && error !== null ? (error as Localized).localized : undefined
  if (localized && isMessage(localized)) return renderMessage(t, localized)
  return error instanceof Error ? error.message : String(error)
}

/** The error's message: the one it carries, else its own (English) words as they are. */
export function messageOf(error: unknown): Message {
  const localized = typeof error === 'object' && error !== null ? (error as Localized).localized : undefined
  if (localized && isMessage(localized)) return localized
  return msg('error.asIs', { text: error instanceof Error ? error.message : String(error) })
}

/** A sentence sent as English words with, when there is one, its key and values (IPC errors, the
 * connection verdict): in the translator's language from the key, else the words as they are. */
export function keyedText(t: Translate, value: { message: string; key?: string | undefined; params?: MessageParams | undefined }): string {
  if (value.key !== undefined && isCatalogKey(value.key)) return renderMessage(t, value.params ? { key: value.key, params: value.params } : { key: value.key })
  return value.message
}

/** A message as it is stored in the journal (a run's note): its key and values as JSON, worded
 * when it is read, in the reader's language. */
export function storedMessage(message: Message): string {
  return JSON.stringify(message.params ? { key: message.key, params: message.params } : { key: message.key })
}

/** A stored note as a message: one stored by storedMessage, else (notes written before notes were
 * keys, or by hand) its words as they are. */
export function storedNote(note: string): Message {
  if (note.startsWith('{"key":')) {
    try {
      const parsed: unknown = JSON.parse(note)
      if (isMessage(parsed)) return parsed
    } catch {
      // plain words that happen to start like JSON
    }
  }
  return msg('error.asIs', { text: note })
}

/** A stored note (an order's error text, a step's) in the translator's language: a message stored
 * by storedMessage is worded, other text (the shop's own answers, older notes) is as it is. */
export function storedText(t: Translate, note: string): string {
  return renderMessage(t, storedNote(note))
}
