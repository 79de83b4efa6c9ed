import { safeStorage } from 'electron';
import type { SecretCodec } from '../services/secret-store';

/**
 * Secrets encrypted by the operating system's keyring through `safeStorage`. On Linux without a keyring,
 * Electron falls back to the `basic_text` backend, which encrypts with a hard-coded password; Kredo treats
 * that as "not available" and refuses to store insurer credentials (Electron docs, safeStorage). The backend
 * is asked for on Linux only, where the API exists. `platform` is a parameter so the refusal is tested on
 * every build machine (safe-storage-codec.test.ts).
 */
export function createSafeStorageCodec(platform: NodeJS.Platform = process.platform): SecretCodec {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  return {
    description: `safeStorage${backend ? ` (${backend})` : ''}`,
    isAvailable: () => safeStorage.isEncryptionAvailable() && backend !== 'basic_text',
    encrypt: (plaintext) => safeStorage.encryptString(plaintext).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}
