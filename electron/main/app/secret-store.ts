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

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>

const KeyFileSchema = z.object({ version: z.literal(1), backend: z.string(), keys: z.record(z.string(), z.string()) })
type KeyFile = z.infer<typeof KeyFileSchema>

const BACKEND_NAMES: Record<string, string> = {
  gnome_libsecret: 'the GNOME keyring (libsecret)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet',
  kwallet6: 'KWallet'
}

export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, userDataDir: string, platform: NodeJS.Platform = process.platform): SecretStore {
  const path = join(userDataDir, 'api-keys.json')
  const backend = (): string => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : 'dpapi')
  const refusal = (): string | null => {
    if (!safeStorage.isEncryptionAvailable()) {
      return 'This computer offers no safe place for the API key (system encryption is not available), so it was not saved. Use the command line with the key in an environment variable instead.'
    }
    if (backend() === 'basic_text') {
      return 'No keyring (GNOME Keyring or KWallet) is running, so the API key could only be stored as readable text; Orderbatch does not do that. Start a keyring and try again, or use the command line with the key in an environment variable.'
    }
    return null
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
      if (refused) throw new Error(refused)
      const file = read()
      const keys = file.backend === backend() ? file.keys : {}
      keys[login] = safeStorage.encryptString(key).toString('base64')
      writeJsonFile(path, { version: 1, backend: backend(), keys })
    },
    describe() {
      if (refusal() !== null) {
        return backend() === 'basic_text' ? 'cannot be stored: no keyring is running (basic_text)' : 'cannot be stored: system encryption is not available'
      }
      if (platform === 'darwin') return 'the macOS Keychain'
      if (platform === 'win32') return 'Windows data protection (your user account)'
      return BACKEND_NAMES[backend()] ?? `the system keyring (${backend()})`
    }
  }
}
