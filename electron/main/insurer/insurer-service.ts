import { KredoError } from '../../../shared/errors/kredo-error';
import type { InsurerConnectionSettings, InsurerConnectionView } from '../../../shared/ipc/insurer-contract';
import { seededRandom } from '../../../shared/random/seeded-random';
import type { Clock } from '../../../shared/time/clock';
import { createSandboxServer, type SandboxServer } from '../../sandbox/sandbox-server';
import type { Logger } from '../services/logger';
import { urlOrigin, type SecretStore } from '../services/secret-store';
import type { SettingsStore } from '../services/settings-store';
import { createInsurerClient, type InsurerConnection } from './insurer-client';
import { createInsurerGateway, type InsurerGateway } from './insurer-gateway';
import { createSandboxControls, type SandboxControlRequest } from './sandbox-controls';

/** The sandbox's policy as it seeds it (electron/sandbox/seed-sandbox.ts). */
const SANDBOX_POLICY = 'sandbox-1001';
/** Where the insurer's API key lives in the secret store. */
export const INSURER_API_KEY_SECRET = 'insurer.apiKey';

export interface InsurerService {
  /** The insurer to sync with, as configured; the built-in sandbox starts on first use. */
  port(): Promise<InsurerGateway>;
  connection(): Promise<InsurerConnectionView>;
  /**
   * Switches insurer. An insurer URL is tried first (sign in, read the policy) with the new key or the
   * stored one; only when that works are the key and the settings saved, so a typo changes nothing. The
   * stored key is used only at the origin it was entered for: a URL at another origin needs the key again.
   */
  configure(settings: InsurerConnectionSettings, apiKey?: string): Promise<InsurerConnectionView>;
  sandboxControl(request: SandboxControlRequest): Promise<{ insurerNow: string }>;
  close(): Promise<void>;
}

export interface InsurerServiceDeps {
  readonly stateFile: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  /** Attempts per call before the sync reports the insurer unavailable and tries again later. */
  readonly maxAttempts?: number;
}

const connectionIdOf = (settings: InsurerConnectionSettings) => (settings.mode === 'sandbox' ? 'sandbox' : `${settings.baseUrl}#${settings.policyId}`);

/**
 * The insurer Kredo talks to. By default that is the built-in sandbox, started in this process on
 * 127.0.0.1 the first time the sync needs it (its state in the user's data folder, so limits and requests
 * survive restarts), so a new user can try the whole sync without an insurer account.
 */
export function createInsurerService(deps: InsurerServiceDeps): InsurerService {
  const random = seededRandom(Date.now() >>> 0);
  let sandbox: Promise<SandboxServer> | undefined;
  let gateway: Promise<InsurerGateway> | undefined;

  const gatewayFor = (connection: InsurerConnection, policyId: string, maxAttempts = deps.maxAttempts ?? 5) =>
    createInsurerGateway(
      createInsurerClient(connection, {
        now: () => deps.clock.now(),
        random: () => random.next(),
        // The client never asks for more than IN_PROCESS_WAIT_MAX_MS: a longer Retry-After goes back to the outbox.
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        maxAttempts,
      }),
      policyId,
      { logger: deps.logger },
    );

  const startSandbox = () => {
    sandbox ??= createSandboxServer({ stateFile: deps.stateFile, clock: deps.clock }).then(
      (server) => {
        deps.logger.info('Insurer sandbox started', { url: server.url });
        return server;
      },
      (error: unknown) => {
        sandbox = undefined;
        throw error;
      },
    );
    return sandbox;
  };

  /**
   * A key stored before keys had origins (Kredo before issue 15) was being sent to the insurer URL saved
   * beside it, so it is bound to that URL's origin, once, before the key is first used. With the sandbox
   * chosen it is not known where it went: it stays unbound and is sent nowhere until it is typed again.
   */
  let legacyKeyBound: Promise<unknown> | undefined;
  const bindLegacyKey = () => {
    const settings = deps.settings.get().insurer;
    legacyKeyBound ??= (settings.mode === 'insurer' ? deps.secrets.bindUnbound(INSURER_API_KEY_SECRET, urlOrigin(settings.baseUrl)) : Promise.resolve()).catch((error: unknown) => {
      legacyKeyBound = undefined;
      throw error;
    });
    return legacyKeyBound;
  };

  /** The stored key for this insurer URL, refused (naming both origins) when it was entered for another one. */
  const storedKeyFor = async (baseUrl: string): Promise<string> => {
    await bindLegacyKey();
    const origin = urlOrigin(baseUrl);
    const keyOrigin = await deps.secrets.boundOrigin(INSURER_API_KEY_SECRET);
    if (keyOrigin === undefined) throw new KredoError('insurer.apiKeyMissing');
    if (keyOrigin !== origin) throw new KredoError('insurer.apiKeyOtherOrigin', { keyOrigin, origin });
    const apiKey = await deps.secrets.get(INSURER_API_KEY_SECRET, origin);
    if (!apiKey) throw new KredoError('insurer.apiKeyMissing');
    return apiKey;
  };

  const connect = async (): Promise<InsurerGateway> => {
    const settings = deps.settings.get().insurer;
    if (settings.mode === 'sandbox') {
      const server = await startSandbox();
      return gatewayFor({ baseUrl: `${server.url}/v1`, apiKey: server.apiKey }, SANDBOX_POLICY);
    }
    return gatewayFor({ baseUrl: settings.baseUrl, apiKey: await storedKeyFor(settings.baseUrl) }, settings.policyId);
  };

  const connection = async (): Promise<InsurerConnectionView> => {
    await bindLegacyKey();
    const settings = deps.settings.get().insurer;
    const keyOrigin = deps.secrets.isAvailable ? await deps.secrets.boundOrigin(INSURER_API_KEY_SECRET) : undefined;
    const hasApiKey = settings.mode === 'sandbox' || (keyOrigin !== undefined && keyOrigin === urlOrigin(settings.baseUrl));
    return { settings, connectionId: connectionIdOf(settings), hasApiKey, apiKeyOrigin: keyOrigin ?? null };
  };

  const controls = createSandboxControls({
    sandbox: async () => {
      if (deps.settings.get().insurer.mode !== 'sandbox') throw new KredoError('insurer.notSandbox');
      return startSandbox();
    },
    gateway: () => service.port(),
    currency: async () => (await (await service.port()).policyTerms()).currency,
  });

  const service: InsurerService = {
    port() {
      gateway ??= connect().catch((error: unknown) => {
        gateway = undefined;
        throw error;
      });
      return gateway;
    },
    connection,
    async configure(settings, apiKey) {
      if (settings.mode === 'insurer') {
        const key = apiKey ?? (await storedKeyFor(settings.baseUrl));
        // Two attempts: a wrong URL or key should answer within seconds, not after the sync's patient back-off.
        await gatewayFor({ baseUrl: settings.baseUrl, apiKey: key }, settings.policyId, 2).policyTerms();
        if (apiKey) await deps.secrets.set(INSURER_API_KEY_SECRET, apiKey, urlOrigin(settings.baseUrl));
      } else {
        // The legacy key must be bound to the URL it was used with before that URL is forgotten.
        await bindLegacyKey();
      }
      await deps.settings.setInsurerConnection(settings);
      gateway = undefined;
      deps.logger.info('Insurer connection changed', { mode: settings.mode, connection: connectionIdOf(settings) });
      return connection();
    },
    sandboxControl: (request) => controls.run(request),
    async close() {
      if (sandbox) await (await sandbox).close();
    },
  };
  return service;
}
