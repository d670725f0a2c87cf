// API keys kept with Electron's safeStorage: encrypted by the operating system (Keychain on macOS,
// DPAPI on Windows, the desktop keyring on Linux) and stored as base64 ciphertext in a JSON file
// in userData, beside the name of the backend that encrypted them. Where the OS offers no real
// protection (no encryption, or Linux's 'basic_text' fallback with a hard-coded password) the key
// is refused rather than written in what would amount to plain text.
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import { z } from 'zod'
import { readJsonFile, writeJsonFile } from '../service/json-file'
import type { SecretStore } from '../service/types'
import type { CatalogKey } from '#shared/i18n/catalog/index'
import { englishOf, LocalizedError, msg, type Message } from '#shared/i18n/message'

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>

const KeyFileSchema = z.object({ version: z.literal(1), backend: z.string(), keys: z.record(z.string(), z.string()) })
type KeyFile = z.infer<typeof KeyFileSchema>

const BACKEND_KEYS: Record<string, CatalogKey> = {
  gnome_libsecret: 'keyStorage.gnome',
  kwallet: 'keyStorage.kwallet',
  kwallet5: 'keyStorage.kwallet',
  kwallet6: 'keyStorage.kwallet'
}

export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, userDataDir: string, platform: NodeJS.Platform = process.platform): SecretStore {
  const path = join(userDataDir, 'api-keys.json')
  const backend = (): string => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : 'dpapi')
  const refusal = (): Message | null => {
    if (!safeStorage.isEncryptionAvailable()) return msg('keyStorage.noEncryption')
    if (backend() === 'basic_text') return msg('keyStorage.noKeyring')
    return null
  }
  const describeWhy = (): Message => {
    if (refusal() !== null) return msg(backend() === 'basic_text' ? 'keyStorage.cannotBasicText' : 'keyStorage.cannotNoEncryption')
    if (platform === 'darwin') return msg('keyStorage.keychain')
    if (platform === 'win32') return msg('keyStorage.dpapi')
    const known = BACKEND_KEYS[backend()]
    return known ? msg(known) : msg('keyStorage.other', { backend: backend() })
  }
  const read = (): KeyFile => {
    const parsed = KeyFileSchema.safeParse(readJsonFile(path))
    return parsed.success ? parsed.data : { version: 1, backend: backend(), keys: {} }
  }

  return {
    get(login) {
      const file = read()
      const stored = file.keys[login]
      if (stored === undefined || refusal() !== null || file.backend !== backend()) return null
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'))
      } catch {
        // Encrypted by another user or keyring: as good as no key; the user enters it again.
        return null
      }
    },
    set(login, key) {
      const refused = refusal()
      if (refused) throw new LocalizedError(refused)
      const file = read()
      const keys = file.backend === backend() ? file.keys : {}
      keys[login] = safeStorage.encryptString(key).toString('base64')
      writeJsonFile(path, { version: 1, backend: backend(), keys })
    },
    describe: () => englishOf(describeWhy()),
    describeWhy
  }
}
