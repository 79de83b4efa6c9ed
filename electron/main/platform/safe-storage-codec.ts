import { safeStorage } from 'electron';
import type { SecretCodec } from '../services/secret-store';

/**
 * Secrets encrypted by the operating system's keyring through `safeStorage`. On Linux without a keyring,
 * Electron falls back to the `basic_text` backend, which encrypts with a hard-coded password; Kredo treats
 * that as "not available" and refuses to store insurer credentials (Electron docs, safeStorage).
 */
export function createSafeStorageCodec(): SecretCodec {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  return {
    description: `safeStorage${backend ? ` (${backend})` : ''}`,
    isAvailable: () => safeStorage.isEncryptionAvailable() && backend !== 'basic_text',
    encrypt: (plaintext) => safeStorage.encryptString(plaintext).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}
