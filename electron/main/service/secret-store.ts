// The in-memory secret store: the browser host and the tests keep API keys only for the life of
// the process, so nothing about them ever reaches the disk.
import type { SecretStore } from './types'

export function createMemorySecretStore(description = 'in memory only, until this Orderbatch stops'): SecretStore {
  // A closure, not an object field: the keys stay out of JSON.stringify and console.log.
  const keys = new Map<string, string>()
  return {
    get: (login) => keys.get(login) ?? null,
    set: (login, key) => {
      keys.set(login, key)
    },
    describe: () => description
  }
}
