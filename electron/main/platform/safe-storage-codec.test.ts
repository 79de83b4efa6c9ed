/**
 * The safeStorage codec against a fake `electron` module (the real binary cannot run on the build machines,
 * see start-electron-app.test.ts). What matters is the refusal: on Linux without a keyring Electron falls back
 * to `basic_text`, whose "encryption" uses a password hard-coded in Chromium, so an insurer's API key written
 * with it is as good as plaintext (Electron docs, safeStorage.getSelectedStorageBackend). Kredo must then refuse
 * to store the key at all, with the translated `secrets.unavailable` error.
 */
import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createSecretStore } from '../services/secret-store';

const fake = vi.hoisted(() => {
  const state = { encryptionAvailable: true, backend: 'gnome_libsecret', backendAsked: 0 };
  const safeStorage = {
    isEncryptionAvailable: () => state.encryptionAvailable,
    getSelectedStorageBackend: () => {
      state.backendAsked += 1;
      return state.backend;
    },
    // Visibly not plaintext, and reversible, like the keyring's cipher.
    encryptString: (text: string) => Buffer.from(`sealed:${[...text].reverse().join('')}`),
    decryptString: (sealed: Buffer) => [...sealed.toString().slice('sealed:'.length)].reverse().join(''),
  };
  return { state, electron: { safeStorage } };
});

vi.mock('electron', () => fake.electron);

const { createSafeStorageCodec } = await import('./safe-storage-codec');

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  dir = await makeTempDir();
  Object.assign(fake.state, { encryptionAvailable: true, backend: 'gnome_libsecret', backendAsked: 0 });
});
afterEach(async () => {
  await dir.remove();
});

const INSURER = 'https://api.insurer.example';
const storeWith = (platform: NodeJS.Platform) => createSecretStore({ userDataDir: dir.path, codec: createSafeStorageCodec(platform), logger: createMemoryLogger() });

describe('the safeStorage codec', () => {
  it('refuses Linux’s basic_text fallback even though Electron says encryption is available, and nothing is written', async () => {
    fake.state.backend = 'basic_text';
    const codec = createSafeStorageCodec('linux');
    expect(codec.isAvailable()).toBe(false);
    expect(codec.description).toBe('safeStorage (basic_text)');

    const store = storeWith('linux');
    await expect(store.set('insurer.apiKey', 'ks_live_1234567', INSURER)).rejects.toMatchObject({ code: 'secrets.unavailable' });
    await expect(readdir(dir.path)).resolves.toEqual([]);
  });

  it('refuses when the operating system cannot encrypt at all', async () => {
    fake.state.encryptionAvailable = false;
    expect(createSafeStorageCodec('linux').isAvailable()).toBe(false);
    expect(createSafeStorageCodec('darwin').isAvailable()).toBe(false);
    expect(createSafeStorageCodec('win32').isAvailable()).toBe(false);
    await expect(storeWith('win32').set('insurer.apiKey', 'ks_live_1234567', INSURER)).rejects.toMatchObject({ code: 'secrets.unavailable' });
    await expect(readdir(dir.path)).resolves.toEqual([]);
  });

  it('stores through a real keyring (libsecret, KWallet) sealed, and gives the secret back', async () => {
    for (const backend of ['gnome_libsecret', 'kwallet6']) {
      fake.state.backend = backend;
      const codec = createSafeStorageCodec('linux');
      expect(codec.isAvailable()).toBe(true);
      const stored = codec.encrypt('ks_live_1234567');
      expect(stored).not.toContain('ks_live_1234567');
      expect(Buffer.from(stored, 'base64').toString()).not.toContain('ks_live_1234567');
      expect(codec.decrypt(stored)).toBe('ks_live_1234567');
    }
    const store = storeWith('linux');
    await store.set('insurer.apiKey', 'ks_live_1234567', INSURER);
    expect(await store.get('insurer.apiKey', INSURER)).toBe('ks_live_1234567');
  });

  it('asks for the backend only on Linux, where the API exists (Keychain and DPAPI have no fallback)', () => {
    fake.state.backend = 'basic_text';
    expect(createSafeStorageCodec('darwin').isAvailable()).toBe(true);
    expect(createSafeStorageCodec('win32').isAvailable()).toBe(true);
    expect(fake.state.backendAsked).toBe(0);
  });
});
