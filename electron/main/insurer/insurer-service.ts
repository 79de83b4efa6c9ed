import { seededRandom } from '../../../shared/random/seeded-random';
import type { InsurerSyncPort } from '../../../shared/sync/insurer-sync-port';
import type { Clock } from '../../../shared/time/clock';
import { createSandboxServer, type SandboxServer } from '../../sandbox/sandbox-server';
import type { Logger } from '../services/logger';
import { createInsurerClient } from './insurer-client';
import { createInsurerGateway } from './insurer-gateway';

/** The sandbox's policy as it seeds it (electron/sandbox/seed-sandbox.ts). */
const SANDBOX_POLICY = 'sandbox-1001';

export interface InsurerService {
  /** The insurer to sync with; the built-in sandbox starts on first use. */
  port(): Promise<InsurerSyncPort>;
  close(): Promise<void>;
}

/**
 * The insurer Kredo talks to. By default that is the built-in sandbox, started in this process on
 * 127.0.0.1 the first time the sync needs it (its state in the user's data folder, so limits and requests
 * survive restarts), so a new user can try the whole sync without an insurer account.
 */
export function createInsurerService(options: { readonly stateFile: string; readonly clock: Clock; readonly logger: Logger }): InsurerService {
  let started: Promise<{ server: SandboxServer; port: InsurerSyncPort }> | undefined;
  const random = seededRandom(Date.now() >>> 0);
  const start = async () => {
    const server = await createSandboxServer({ stateFile: options.stateFile, clock: options.clock });
    options.logger.info('Insurer sandbox started', { url: server.url });
    const client = createInsurerClient(
      { baseUrl: `${server.url}/v1`, apiKey: server.apiKey },
      { now: () => options.clock.now(), random: () => random.next(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 30_000))), maxAttempts: 5 },
    );
    return { server, port: createInsurerGateway(client, SANDBOX_POLICY) };
  };
  return {
    async port() {
      started ??= start().catch((error: unknown) => {
        started = undefined;
        throw error;
      });
      return (await started).port;
    },
    async close() {
      if (started) await (await started).server.close();
    },
  };
}
