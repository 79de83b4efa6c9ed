import path from 'node:path';
import { makeTempDir } from '../../tests/support/temp-dir';
import type { DataTier } from '../../shared/generator/data-tiers';
import { fixedClock } from '../../shared/time/clock';
import { ACTIVE_COVER_STATUSES } from './cover-decisions';
import { createSandboxServer, type SandboxServer } from './sandbox-server';
import type { SandboxCompany } from './sandbox-state';
import { seedSandboxState } from './seed-sandbox';

/**
 * For the sandbox's tests: the real server on 127.0.0.1, a free port, a temporary state file and a
 * stopped host clock, spoken to over real HTTP with fetch.
 */
export const TEST_NOW = '2026-03-02T09:00:00.000Z';
export const POLICY = 'sandbox-1001';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
}

export interface CallOptions {
  readonly body?: unknown;
  readonly token?: string;
  readonly idempotencyKey?: string;
  readonly headers?: Record<string, string>;
}

export interface TestSandbox {
  readonly server: SandboxServer;
  readonly stateFile: string;
  call(method: string, path: string, options?: CallOptions): Promise<HttpAnswer>;
  admin(method: string, path: string, body?: unknown): Promise<HttpAnswer>;
  signIn(): Promise<string>;
  /** A write with a fresh Idempotency-Key. */
  write(method: string, path: string, token: string, body?: unknown): Promise<HttpAnswer>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function answerOf(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** The seeded buyers, as the server seeds them (same seed, same day). */
export const seededState = () => seedSandboxState({ now: new Date(TEST_NOW) });

/** A buyer with no cover in force (none, or a refused one) and no open request, whose grade passes the test. */
export function buyerWithoutCover(grade: (value: number) => boolean, skip = 0): SandboxCompany {
  const state = seededState();
  const busy = new Set([...state.covers.filter((cover) => cover.status !== 'REFUSED').map((cover) => cover.companyId), ...state.requests.map((request) => request.companyId)]);
  const found = state.companies.filter((company) => !busy.has(company.companyId) && grade(company.grade))[skip];
  if (!found) throw new Error('No such buyer in the demo portfolio');
  return found;
}

/** An invoice in the shape overdue notifications, collection cases and claims take, in the policy's EUR. */
export const invoice = (number: string, issueDate: string, dueDate: string, netAmount: string, grossAmount: string) => ({ number, issueDate, dueDate, netAmount, grossAmount, currency: 'EUR' });

/**
 * A buyer whose seeded cover is in force and stays as it is while the clock moves (no announced change,
 * no temporary tranche, no open request), whose grade passes the test.
 */
export function buyerWithCover(grade: (value: number) => boolean, skip = 0): SandboxCompany {
  const state = seededState();
  const requested = new Set(state.requests.map((request) => request.companyId));
  const steady = new Set(state.covers.filter((cover) => ACTIVE_COVER_STATUSES.has(cover.status) && !cover.pendingChange && cover.tranches.every((tranche) => tranche.expiresOn === null)).map((cover) => cover.companyId));
  const found = state.companies.filter((company) => steady.has(company.companyId) && !requested.has(company.companyId) && grade(company.grade))[skip];
  if (!found) throw new Error('No such buyer in the demo portfolio');
  return found;
}

export async function startTestSandbox(options: { keepDefaultRateLimit?: boolean; tier?: DataTier } = {}): Promise<TestSandbox> {
  const dir = await makeTempDir('kredo-sandbox-');
  const stateFile = path.join(dir.path, 'sandbox', 'state.json');
  const adminToken = 'test-admin-token';
  const start = () => createSandboxServer({ stateFile, clock: fixedClock(TEST_NOW), adminToken, ...(options.tier !== undefined && { tier: options.tier }) });
  let server = await start();
  let keyNumber = 0;

  const call = async (method: string, route: string, call: CallOptions = {}) => {
    const headers: Record<string, string> = { ...call.headers };
    if (call.body !== undefined) headers['Content-Type'] ??= 'application/json';
    if (call.token) headers.Authorization = `Bearer ${call.token}`;
    if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey;
    const body = call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
    return answerOf(await fetch(`${server.url}${route}`, { method, headers, ...(body !== undefined && { body }) }));
  };
  const admin = (method: string, route: string, body?: unknown) => call(method, `/admin${route}`, { headers: server.admin.headers, ...(body !== undefined && { body }) });
  const kit: TestSandbox = {
    get server() {
      return server;
    },
    stateFile,
    call,
    admin,
    async signIn() {
      const answer = await call('POST', '/v1/auth/token', { body: { apiKey: server.apiKey } });
      if (answer.status !== 200) throw new Error(`Sign-in failed: ${answer.status}`);
      return answer.body.access_token as string;
    },
    write: (method, route, token, body) => call(method, route, { token, idempotencyKey: `test-key-${(keyNumber += 1)}`, ...(body !== undefined && { body }) }),
    async restart() {
      await server.close();
      server = await start();
    },
    async stop() {
      await server.close();
      await dir.remove();
    },
  };
  // Most tests send more than a burst's worth of requests in a blink; the rate-limit test keeps the default.
  if (!options.keepDefaultRateLimit) await admin('POST', '/settings', { rateLimitBurst: 10_000, rateLimitPerSecond: 10_000 });
  return kit;
}
