// The in-memory secret store: the browser host and the tests keep API keys only for the life of
// the process, so nothing about them ever reaches the disk.
import { msg } from '#shared/i18n/message'
import type { SecretStore } from './types'

const IN_MEMORY = 'in memory only, until this Orderbatch stops'

export function createMemorySecretStore(description = IN_MEMORY): SecretStore {
  // A closure, not an object field: the keys stay out of JSON.stringify and console.log.
  const keys = new Map<string, string>()
  return {
    get: (login) => keys.get(login) ?? null,
    set: (login, key) => {
      keys.set(login, key)
    },
    describe: () => description,
    describeWhy: () => (description === IN_MEMORY ? msg('keyStorage.memory') : msg('error.asIs', { text: description }))
  }
}
