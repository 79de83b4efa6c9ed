import path from 'node:path';
import { z } from 'zod';
import { KredoError } from '../../../shared/errors/kredo-error';
import { readJsonFile, writeJsonFileAtomic } from './json-file';
import type { Logger } from './logger';

/**
 * How secret values are turned into stored text and back. In Electron this is `safeStorage` (Keychain on
 * macOS, DPAPI on Windows, libsecret or KWallet on Linux); the Chromium host and tests use a plain codec.
 */
export interface SecretCodec {
  /** A name for the log, such as `safeStorage (keychain)` or `plaintext (Chromium host)`. */
  readonly description: string;
  isAvailable(): boolean;
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
}

export interface SecretStore {
  readonly isAvailable: boolean;
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

const storedSecretsSchema = z.record(z.string(), z.string());

/**
 * Insurer API keys and tokens, kept only in the main process and written encrypted to `secrets.json`
 * under the user-data folder. The renderer never receives a secret: it asks the main process to act.
 * When the codec cannot encrypt (no keyring), storing is refused with a translated error rather than
 * falling back to plaintext.
 */
export function createSecretStore(options: { userDataDir: string; codec: SecretCodec; logger: Logger }): SecretStore {
  const file = path.join(options.userDataDir, 'secrets.json');
  const { codec, logger } = options;
  const isAvailable = codec.isAvailable();
  logger.info('Secret storage', { backend: codec.description, available: isAvailable });

  function assertAvailable(): void {
    if (!isAvailable) throw new KredoError('secrets.unavailable');
  }

  async function readAll(): Promise<Record<string, string>> {
    return (await readJsonFile(file, storedSecretsSchema, logger)) ?? {};
  }

  return {
    isAvailable,
    async get(name) {
      assertAvailable();
      const stored = (await readAll())[name];
      return stored === undefined ? undefined : codec.decrypt(stored);
    },
    async set(name, value) {
      assertAvailable();
      const all = await readAll();
      all[name] = codec.encrypt(value);
      await writeJsonFileAtomic(file, all);
    },
    async delete(name) {
      const all = await readAll();
      if (!(name in all)) return;
      delete all[name];
      await writeJsonFileAtomic(file, all);
    },
  };
}

/**
 * The Chromium host's codec: it stores secrets base64-encoded, which hides nothing. The host is a
 * development and test environment on a machine without the Electron binary; the desktop app never
 * uses this codec.
 */
export const plaintextSecretCodec: SecretCodec = {
  description: 'plaintext (Chromium host, not encrypted)',
  isAvailable: () => true,
  encrypt: (plaintext) => Buffer.from(plaintext, 'utf8').toString('base64'),
  decrypt: (stored) => Buffer.from(stored, 'base64').toString('utf8'),
};
