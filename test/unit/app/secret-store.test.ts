// The safeStorage key store with a fake safeStorage: ciphertext only on disk, refusal where the
// OS gives no real protection, and keys from another backend ignored.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { errorText, renderMessage } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { createSafeStorageSecretStore, type SafeStorageLike } from '../../../electron/main/app/secret-store'
import { createMemorySecretStore } from '../../../electron/main/service/secret-store'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderbatch-keys-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Reversible and visibly not the input: enough to tell ciphertext from the key. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike & { backend: string } {
  const fake = {
    backend,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => fake.backend as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
    encryptString: (text: string) => Buffer.from(`v10${[...text].reverse().join('')}`, 'utf8'),
    decryptString: (data: Buffer) => {
      const text = data.toString('utf8')
      if (!text.startsWith('v10')) throw new Error('not ours')
      return [...text.slice(3)].reverse().join('')
    }
  }
  return fake
}

describe('safeStorage secret store', () => {
  it('keeps only ciphertext on disk and reads the key back', () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(), dir, 'linux')
    store.set('shop', 'key-123456')
    expect(store.get('shop')).toBe('key-123456')
    expect(store.get('other')).toBeNull()
    const file = readFileSync(join(dir, 'api-keys.json'), 'utf8')
    expect(file).not.toContain('key-123456')
    expect(JSON.parse(file)).toMatchObject({ version: 1, backend: 'gnome_libsecret', keys: { shop: expect.any(String) } })
    expect(store.describe()).toContain('GNOME keyring')
  })

  it("refuses Linux's basic_text fallback and a missing encryption, with a plain reason", () => {
    const plain = createSafeStorageSecretStore(fakeSafeStorage('basic_text'), dir, 'linux')
    expect(() => plain.set('shop', 'key')).toThrow(/No keyring/)
    expect(plain.describe()).toMatch(/cannot be stored.*basic_text/)
    const none = createSafeStorageSecretStore(fakeSafeStorage('unknown', false), dir, 'win32')
    expect(() => none.set('shop', 'key')).toThrow(/no safe place/)
    expect(() => readFileSync(join(dir, 'api-keys.json'))).toThrow()
  })

  it('words its refusal and where keys are kept in Russian too', () => {
    const ru = translatorFor('ru')
    const plain = createSafeStorageSecretStore(fakeSafeStorage('basic_text'), dir, 'linux')
    let refusal: unknown
    try {
      plain.set('shop', 'key')
    } catch (error) {
      refusal = error
    }
    expect(errorText(ru, refusal)).toMatch(/^Не запущена связка ключей \(GNOME Keyring или KWallet\)/)
    expect(renderMessage(ru, plain.describeWhy!())).toBe('сохранить нельзя: связка ключей не запущена (basic_text)')
    expect(renderMessage(ru, createSafeStorageSecretStore(fakeSafeStorage(), dir, 'darwin').describeWhy!())).toBe('связка ключей macOS')
    expect(renderMessage(ru, createMemorySecretStore().describeWhy!())).toBe('только в памяти, пока работает этот Orderbatch')
  })

  it('ignores keys stored by another backend (they cannot be decrypted here)', () => {
    const safe = fakeSafeStorage('kwallet5')
    createSafeStorageSecretStore(safe, dir, 'linux').set('shop', 'key-1')
    safe.backend = 'gnome_libsecret'
    const store = createSafeStorageSecretStore(safe, dir, 'linux')
    expect(store.get('shop')).toBeNull()
    store.set('shop', 'key-2')
    expect(store.get('shop')).toBe('key-2')
  })

  it('names the platform store on macOS and Windows', () => {
    expect(createSafeStorageSecretStore(fakeSafeStorage(), dir, 'darwin').describe()).toContain('Keychain')
    expect(createSafeStorageSecretStore(fakeSafeStorage(), dir, 'win32').describe()).toContain('Windows')
  })
})

describe('memory secret store', () => {
  it('keeps keys out of JSON and says where they are', () => {
    const store = createMemorySecretStore()
    store.set('shop', 'key-abc')
    expect(store.get('shop')).toBe('key-abc')
    expect(JSON.stringify(store)).not.toContain('key-abc')
    expect(store.describe()).toContain('memory')
  })
})
