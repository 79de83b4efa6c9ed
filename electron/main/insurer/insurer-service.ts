import { KredoError } from '../../../shared/errors/kredo-error';
import type { InsurerConnectionSettings, InsurerConnectionView, InsurerCredentials } from '../../../shared/ipc/insurer-contract';
import { DIALECT_CAPABILITIES, type InsurerDialect } from '../../../shared/sync/insurer-dialect';
import { seededRandom } from '../../../shared/random/seeded-random';
import type { Clock } from '../../../shared/time/clock';
import { createSandboxServer, type SandboxServer } from '../../sandbox/sandbox-server';
import type { Logger } from '../services/logger';
import { urlOrigin, type SecretStore } from '../services/secret-store';
import type { SettingsStore } from '../services/settings-store';
import { createDialectGateway, DIALECT_SECRET_NAMES, storeCredentials, storedCredentials, type DialectTarget } from './dialect-gateway';
import type { InsurerGateway } from './insurer-gateway';
import { createSandboxControls, type SandboxControlRequest } from './sandbox-controls';

/** The sandbox's policy as it seeds it (electron/sandbox/seed-sandbox.ts). */
const SANDBOX_POLICY = 'sandbox-1001';
/** Where the insurer's API key lives in the secret store. */
export const INSURER_API_KEY_SECRET = DIALECT_SECRET_NAMES.canonical.apiKey;

export interface InsurerService {
  /** The insurer to sync with, as configured; the built-in sandbox starts on first use. */
  port(): Promise<InsurerGateway>;
  connection(): Promise<InsurerConnectionView>;
  /**
   * Switches insurer. An insurer URL is tried first (sign in, read the policy) with the new key or the
   * stored one; only when that works are the key and the settings saved, so a typo changes nothing. The
   * stored key is used only at the origin it was entered for: a URL at another origin needs the key again.
   */
  configure(settings: InsurerConnectionSettings, credentials?: string | InsurerCredentials): Promise<InsurerConnectionView>;
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

const dialectOf = (settings: InsurerConnectionSettings): InsurerDialect => settings.dialect ?? 'canonical';
/** Another dialect is another insurer to the sync: its cursor means nothing there, so it reads everything again. */
const connectionIdOf = (settings: InsurerConnectionSettings) => {
  const dialect = dialectOf(settings) === 'canonical' ? '' : `${dialectOf(settings)}:`;
  if (settings.mode === 'sandbox') return dialect === '' ? 'sandbox' : `sandbox#${dialect}`;
  return `${dialect}${settings.baseUrl}#${settings.policyId}${settings.customerId ? `#${settings.customerId}` : ''}${settings.businessUnitCode ? `#${settings.businessUnitCode}` : ''}`;
};

/**
 * The insurer Kredo talks to. By default that is the built-in sandbox, started in this process on
 * 127.0.0.1 the first time the sync needs it (its state in the user's data folder, so limits and requests
 * survive restarts), so a new user can try the whole sync without an insurer account.
 */
export function createInsurerService(deps: InsurerServiceDeps): InsurerService {
  const random = seededRandom(Date.now() >>> 0);
  let sandbox: Promise<SandboxServer> | undefined;
  let gateway: Promise<InsurerGateway> | undefined;

  const gatewayFor = (target: DialectTarget, credentials: InsurerCredentials, maxAttempts = deps.maxAttempts ?? 5) =>
    createDialectGateway(
      target,
      credentials,
      {
        now: () => deps.clock.now(),
        random: () => random.next(),
        // The client never asks for more than IN_PROCESS_WAIT_MAX_MS: a longer Retry-After goes back to the outbox.
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        maxAttempts,
      },
      deps.logger,
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

  /**
   * The stored secrets of this dialect for this insurer URL, refused (naming both origins) when they were
   * entered for another one. Atradius's three secrets are bound like the API key (secret-store.ts).
   */
  const storedCredentialsFor = async (dialect: InsurerDialect, baseUrl: string): Promise<InsurerCredentials> => {
    await bindLegacyKey();
    const origin = urlOrigin(baseUrl);
    const stored = await storedCredentials(deps.secrets, dialect, origin);
    if (stored.credentials) return stored.credentials;
    if (stored.boundOrigin !== undefined && stored.boundOrigin !== origin) throw new KredoError(dialect === 'atradius' ? 'insurer.credentialsOtherOrigin' : 'insurer.apiKeyOtherOrigin', { keyOrigin: stored.boundOrigin, origin });
    throw new KredoError(dialect === 'atradius' ? 'insurer.credentialsMissing' : 'insurer.apiKeyMissing');
  };

  /** The built-in sandbox in the dialect chosen, with its own credentials (it speaks every dialect from one state). */
  const sandboxTarget = async (dialect: InsurerDialect): Promise<{ target: DialectTarget; credentials: InsurerCredentials }> => {
    const server = await startSandbox();
    if (dialect === 'atradius') {
      const { appKey, clientId, clientSecret, customerId, policyId } = server.atradius;
      return { target: { baseUrl: server.url, policyId, customerId }, credentials: { dialect, appKey, clientId, clientSecret } };
    }
    if (dialect === 'allianz') {
      const { apiKey, businessUnitCode, policyId } = server.allianz;
      return { target: { baseUrl: server.url, policyId, businessUnitCode }, credentials: { dialect, apiKey } };
    }
    return { target: { baseUrl: `${server.url}/v1`, policyId: SANDBOX_POLICY }, credentials: { dialect: 'canonical', apiKey: server.apiKey } };
  };

  const targetOf = (settings: Extract<InsurerConnectionSettings, { mode: 'insurer' }>): DialectTarget => ({ baseUrl: settings.baseUrl, policyId: settings.policyId, ...(settings.customerId !== undefined && { customerId: settings.customerId }), ...(settings.businessUnitCode !== undefined && { businessUnitCode: settings.businessUnitCode }) });

  const connect = async (): Promise<InsurerGateway> => {
    const settings = deps.settings.get().insurer;
    if (settings.mode === 'sandbox') {
      const { target, credentials } = await sandboxTarget(dialectOf(settings));
      return gatewayFor(target, credentials);
    }
    return gatewayFor(targetOf(settings), await storedCredentialsFor(dialectOf(settings), settings.baseUrl));
  };

  const connection = async (): Promise<InsurerConnectionView> => {
    await bindLegacyKey();
    const settings = deps.settings.get().insurer;
    const dialect = dialectOf(settings);
    const firstSecret = Object.values(DIALECT_SECRET_NAMES[dialect])[0]!;
    const keyOrigin = deps.secrets.isAvailable ? await deps.secrets.boundOrigin(firstSecret) : undefined;
    const hasApiKey = settings.mode === 'sandbox' || (deps.secrets.isAvailable && (await storedCredentials(deps.secrets, dialect, urlOrigin(settings.baseUrl))).credentials !== undefined);
    return { settings, connectionId: connectionIdOf(settings), hasApiKey, apiKeyOrigin: keyOrigin ?? null, dialect, capabilities: { ...DIALECT_CAPABILITIES[dialect], lossKinds: [...DIALECT_CAPABILITIES[dialect].lossKinds], checkRequests: [...DIALECT_CAPABILITIES[dialect].checkRequests] } };
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
    async configure(settings, given) {
      if (settings.mode === 'insurer') {
        const dialect = dialectOf(settings);
        const typed: InsurerCredentials | undefined = typeof given === 'string' ? { dialect: 'canonical', apiKey: given } : given;
        // Secrets typed for one dialect are never sent to an insurer of another.
        if (typed && typed.dialect !== dialect) throw new KredoError('insurer.credentialsMissing');
        const credentials = typed ?? (await storedCredentialsFor(dialect, settings.baseUrl));
        // Two attempts: a wrong URL or key should answer within seconds, not after the sync's patient back-off.
        await gatewayFor(targetOf(settings), credentials, 2).policyTerms();
        if (typed) await storeCredentials(deps.secrets, typed, urlOrigin(settings.baseUrl));
      } else {
        // The legacy key must be bound to the URL it was used with before that URL is forgotten.
        await bindLegacyKey();
      }
      await deps.settings.setInsurerConnection(settings);
      gateway = undefined;
      deps.logger.info('Insurer connection changed', { mode: settings.mode, dialect: dialectOf(settings), connection: connectionIdOf(settings) });
      return connection();
    },
    sandboxControl: (request) => controls.run(request),
    async close() {
      if (sandbox) await (await sandbox).close();
    },
  };
  return service;
}
