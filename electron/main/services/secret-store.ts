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

/**
 * Every secret is bound to the one origin (scheme, host and port) it was entered for, and is given out only
 * for a request to that origin. Whoever changes where a secret goes (the insurer's URL in Settings, say) must
 * therefore type the secret again: a compromised page that points the URL at its own server collects nothing
 * (issue 15; the same rule as a browser's, which keeps credentials per origin and drops `Authorization` on a
 * redirect to another origin, Fetch standard §4.4).
 */
export interface SecretStore {
  readonly isAvailable: boolean;
  /** The origin the stored secret was entered for; `undefined` when none is stored or it predates origins. */
  boundOrigin(name: string): Promise<string | undefined>;
  /**
   * The secret, for a request to `origin`; `undefined` when none is stored for any origin (or only one that
   * predates origins). A secret entered for another origin is refused with `secrets.otherOrigin`.
   */
  get(name: string, origin: string): Promise<string | undefined>;
  /** Stores the secret for `origin`, replacing any secret of that name (and its origin). */
  set(name: string, value: string, origin: string): Promise<void>;
  /**
   * Binds a secret stored before secrets had origins to `origin`, where it was being sent; returns whether it
   * did. A secret already bound is never moved this way.
   */
  bindUnbound(name: string, origin: string): Promise<boolean>;
  delete(name: string): Promise<void>;
}

/**
 * The scheme, host and port of a URL in normal form (`https://Api.Example:443/v1` → `https://api.example`):
 * the origin a secret for that URL is bound to.
 */
export function urlOrigin(url: string): string {
  const parsed = new URL(url);
  // A mail server has no web origin: its password is bound to `smtp://host:port` in the same normal form.
  if (parsed.protocol === 'smtp:' && parsed.hostname !== '' && parsed.port !== '') return `smtp://${parsed.hostname.toLowerCase()}:${parsed.port}`;
  const { origin } = parsed;
  if (origin === 'null') throw new Error(`A secret can only be bound to an http(s) origin, not ${url}`);
  return origin;
}

function assertOrigin(origin: string): void {
  let normal: string | undefined;
  try {
    normal = urlOrigin(origin);
  } catch {
    normal = undefined;
  }
  if (normal === undefined || normal !== origin) throw new Error(`Expected an origin in normal form (scheme://host[:port]), got ${origin}`);
}

/** `secrets.json`: each secret encrypted by the codec with its origin beside it; a bare string predates origins. */
const storedSecretSchema = z.union([z.string(), z.strictObject({ secret: z.string(), origin: z.string() })]);
const storedSecretsSchema = z.record(z.string(), storedSecretSchema);
type StoredSecret = z.infer<typeof storedSecretSchema>;

/**
 * Insurer API keys and other credentials, kept only in the main process and written encrypted to
 * `secrets.json` under the user-data folder, each with the origin it may be sent to. The renderer never
 * receives a secret: it asks the main process to act. When the codec cannot encrypt (no keyring), storing is
 * refused with a translated error rather than falling back to plaintext.
 */
export function createSecretStore(options: { userDataDir: string; codec: SecretCodec; logger: Logger }): SecretStore {
  const file = path.join(options.userDataDir, 'secrets.json');
  const { codec, logger } = options;
  const isAvailable = codec.isAvailable();
  logger.info('Secret storage', { backend: codec.description, available: isAvailable });

  function assertAvailable(): void {
    if (!isAvailable) throw new KredoError('secrets.unavailable');
  }

  async function readAll(): Promise<Record<string, StoredSecret>> {
    return (await readJsonFile(file, storedSecretsSchema, logger)) ?? {};
  }

  const originOf = (stored: StoredSecret | undefined) => (stored === undefined || typeof stored === 'string' ? undefined : stored.origin);

  return {
    isAvailable,
    boundOrigin: async (name) => originOf((await readAll())[name]),
    async get(name, origin) {
      assertOrigin(origin);
      assertAvailable();
      const stored = (await readAll())[name];
      const keyOrigin = originOf(stored);
      if (stored === undefined || keyOrigin === undefined) return undefined;
      if (keyOrigin !== origin) throw new KredoError('secrets.otherOrigin', { keyOrigin, origin });
      return codec.decrypt((stored as Exclude<StoredSecret, string>).secret);
    },
    async set(name, value, origin) {
      assertOrigin(origin);
      assertAvailable();
      const all = await readAll();
      all[name] = { secret: codec.encrypt(value), origin };
      await writeJsonFileAtomic(file, all);
    },
    async bindUnbound(name, origin) {
      assertOrigin(origin);
      const all = await readAll();
      const stored = all[name];
      if (typeof stored !== 'string') return false;
      all[name] = { secret: stored, origin };
      await writeJsonFileAtomic(file, all);
      logger.info('Secret stored before origins bound to the origin it was used with', { name, origin });
      return true;
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
