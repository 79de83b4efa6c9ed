import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataTier } from '../../shared/generator/data-tiers';
import { systemClock, type Clock } from '../../shared/time/clock';
import { ADMIN_ROUTES, type AdminEnv } from './admin-routes';
import { ALLIANZ_ROUTES } from './allianz-routes';
import { allianzErrorBody, isAllianzPath, SANDBOX_ALLIANZ } from './allianz-views';
import { API_ROUTES, type ApiEnv } from './api-routes';
import { ATRADIUS_ROUTES } from './atradius-routes';
import { atradiusErrorBody, isAtradiusPath, SANDBOX_ATRADIUS } from './atradius-views';
import { faultInjector } from './fault-injection';
import { findReplay, rememberAnswer, requestFingerprint, requireIdempotencyKey } from './idempotency';
import { advanceInsurerTimeline } from './insurer-timeline';
import { ProblemError, tooManyRequests, unavailable, type Problem } from './problem';
import { rateLimiter } from './rate-limiter';
import { routeTable, type RequestContext, type SandboxResponse } from './route-table';
import { DEMO_API_KEY, type SandboxState } from './sandbox-state';
import { seedSandboxState } from './seed-sandbox';
import { stateFile } from './state-file';
import { authenticate } from './token-auth';
import { virtualClock } from './virtual-clock';

/**
 * The insurer sandbox: a real HTTP server on this machine that behaves like a trade-credit insurer's API
 * (insurer-apis.md §3), so the sync client meets asynchronous decisions, expiring tokens and cursors,
 * throttling, maintenance and dropped connections before it meets a real insurer. Runs in-process (the
 * app, the tests) or alone (`npm run sandbox`).
 */
export interface SandboxServerOptions {
  /** The JSON file the insurer's state lives in; created and seeded from the demo portfolio when missing. */
  readonly stateFile: string;
  /** The host clock the virtual clock is offset from; fixed in tests. */
  readonly clock?: Clock;
  /** 0 (the default) takes any free port. */
  readonly port?: number;
  readonly host?: string;
  /** The demo portfolio's seed (DEMO_SEED unless told). */
  readonly seed?: number;
  /** The admin token; a random one when not given. */
  readonly adminToken?: string;
  /** The portfolio a fresh state is seeded from: 'S' (the default) is the demo, 'L' the 20,000-buyer benchmark tier. */
  readonly tier?: DataTier;
}

export interface SandboxServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:53121; the API lives under /v1. */
  readonly url: string;
  readonly apiKey: string;
  /**
   * The same account in Atradius's dialect (issue 18), served beside the canonical API from the same state:
   * the host is `url` itself (Atradius's routes have no /v1 prefix); client id and secret are the API key's.
   */
  readonly atradius: { readonly appKey: string; readonly clientId: string; readonly clientSecret: string; readonly customerId: string; readonly policyId: string };
  /** The same account in Allianz Trade's dialect: the host is `url` itself (production has no environment prefix); the API key is the canonical one's. */
  readonly allianz: { readonly apiKey: string; readonly businessUnitCode: string; readonly policyId: string };
  /** Admin routes live under `${url}/admin` and need the header `X-Admin-Token: <token>`. */
  readonly admin: { readonly token: string; readonly headers: Readonly<Record<string, string>> };
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_048_576;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new ProblemError(413, 'body_too_large', 'Request body too large', 'Bodies are limited to 1 MiB.'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: SandboxResponse, correlationId: string, path = ''): void {
  const problem = answer.status >= 400;
  // Atradius answers errors JSON:API-style, not as RFC 7807 problems (insurer-apis.md §1.2.2).
  if (problem && isAtradiusPath(path) && answer.body !== undefined) answer = { ...answer, body: atradiusErrorBody(answer.body as Problem) };
  // Allianz Trade's error body is not public: the sandbox answers Kredo's guess (allianz-views.ts).
  if (problem && isAllianzPath(path) && answer.body !== undefined) answer = { ...answer, body: allianzErrorBody(answer.body as Problem) };
  const headers: Record<string, string> = { 'X-Correlation-Id': correlationId, ...answer.headers };
  if (answer.body === undefined || answer.status === 204) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  headers['Content-Type'] = problem && !isAtradiusPath(path) && !isAllianzPath(path) ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8';
  response.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}

function problemAnswer(error: unknown, instance: string, correlationId: string): SandboxResponse {
  const problem = error instanceof ProblemError ? error : new ProblemError(500, 'internal_error', 'Internal error', 'The sandbox failed unexpectedly; see its log.');
  if (!(error instanceof ProblemError)) console.error('[sandbox]', error);
  return { status: problem.status, headers: problem.extra.headers ?? {}, body: problem.toProblem(instance, correlationId) };
}

const sameToken = (given: string | undefined, expected: string) => given !== undefined && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

export async function createSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const hostClock = options.clock ?? systemClock();
  const file = stateFile(options.stateFile);
  const seedFor = (now: Date) => seedSandboxState({ ...(options.seed !== undefined && { seed: options.seed }), ...(options.tier !== undefined && { tier: options.tier }), now });
  let state: SandboxState = (await file.load()) ?? seedFor(hostClock.now());
  const clock = virtualClock(hostClock, () => state.clockOffsetMs);
  await file.save(state);
  const faults = faultInjector(state.seed);
  const limiter = rateLimiter();
  const adminToken = options.adminToken ?? randomBytes(18).toString('base64url');
  const api = routeTable<ApiEnv>([...API_ROUTES, ...ATRADIUS_ROUTES, ...ALLIANZ_ROUTES]);
  const admin = routeTable<AdminEnv>(ADMIN_ROUTES);

  async function handleApi(context: RequestContext, response: ServerResponse): Promise<void> {
    const drop = faults.shouldDrop();
    if (drop && faults.settings.dropWhen === 'before-handling') return void response.socket?.destroy();
    let answer: SandboxResponse;
    let changed = false;
    try {
      const now = clock.now();
      const maintenanceEnd = faults.maintenanceUntil(now.getTime());
      if (maintenanceEnd !== undefined) throw unavailable('maintenance', `Scheduled maintenance until ${new Date(maintenanceEnd).toISOString()}.`, (maintenanceEnd - now.getTime()) / 1_000);
      const burst = faults.throttled();
      if (burst !== undefined) throw tooManyRequests('rate_limited', 'Too many requests; slow down.', burst);
      const bearer = context.headers.authorization;
      const rate = limiter.take(bearer ?? `address ${context.caller}`, { perSecond: state.settings.rateLimitPerSecond, burst: state.settings.rateLimitBurst });
      if (!rate.allowed) throw tooManyRequests('rate_limited', `At most ${state.settings.rateLimitPerSecond} requests a second.`, rate.retryAfterSeconds);
      changed = advanceInsurerTimeline(state, now);
      const { route, params } = api.match(context.method, context.path);
      const routed = { ...context, params };
      const env: ApiEnv = { state, clock, faults };
      if (route.public) {
        changed = true;
        answer = route.handle(routed, env);
      } else {
        const client = authenticate(state, bearer, now);
        if (!WRITE_METHODS.has(context.method)) {
          answer = route.handle(routed, { ...env, client });
        } else {
          // Atradius and Allianz Trade are not known to take an Idempotency-Key: one sent is honoured, none is
          // not required (Allianz's searches are POSTs that change nothing).
          const given = context.headers['idempotency-key'] as string | undefined;
          const key = (isAtradiusPath(context.path) || isAllianzPath(context.path)) && given === undefined ? undefined : requireIdempotencyKey(given);
          const fingerprint = requestFingerprint(context.method, context.path, context.rawBody);
          const replay = key === undefined ? undefined : findReplay(state, client.clientId, key, fingerprint);
          if (replay) {
            answer = { status: replay.status, body: replay.body, headers: { ...replay.headers, 'Idempotent-Replayed': 'true' } };
          } else {
            try {
              answer = route.handle(routed, { ...env, client });
            } catch (error) {
              if (!(error instanceof ProblemError)) throw error;
              answer = problemAnswer(error, context.path, context.correlationId);
            }
            if (key !== undefined) rememberAnswer(state, client.clientId, key, { fingerprint, status: answer.status, body: answer.body, headers: answer.headers ?? {}, storedAt: now.toISOString() });
            changed = true;
          }
        }
      }
      answer = { ...answer, headers: { 'RateLimit-Limit': String(rate.limit), 'RateLimit-Remaining': String(rate.remaining), ...answer.headers } };
    } catch (error) {
      answer = problemAnswer(error, context.path, context.correlationId);
    }
    // Written before answering: whatever the client was told survives a crash.
    if (changed) await file.save(state);
    if (drop) return void response.socket?.destroy();
    send(response, answer, context.correlationId, context.path);
  }

  async function handleAdmin(context: RequestContext, response: ServerResponse): Promise<void> {
    let answer: SandboxResponse;
    try {
      if (!LOOPBACK.has(context.caller)) throw new ProblemError(403, 'admin_local_only', 'Forbidden', 'Admin routes answer only on this machine.');
      if (!sameToken(context.headers['x-admin-token'] as string | undefined, adminToken)) throw new ProblemError(401, 'admin_token_required', 'Authentication required', 'Send the admin token in X-Admin-Token.');
      const { route, params } = admin.match(context.method, context.path);
      answer = route.handle({ ...context, params }, {
        state,
        clock,
        faults,
        limiter,
        setClockOffset: (offsetMs) => void (state.clockOffsetMs = offsetMs),
        reset: () => {
          const previous = state;
          state = { ...seedFor(clock.now()), clockOffsetMs: previous.clockOffsetMs, cursorEpoch: previous.cursorEpoch + 1 };
          faults.clear();
          limiter.reset();
        },
      });
      if (WRITE_METHODS.has(context.method)) await file.save(state);
    } catch (error) {
      answer = problemAnswer(error, context.path, context.correlationId);
    }
    send(response, answer, context.correlationId);
  }

  const server = createServer((request, response) => {
    const given = request.headers['x-correlation-id'];
    const correlationId = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const base = { method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: request.headers, params: {}, correlationId, caller: request.socket.remoteAddress ?? 'unknown' };
    readBody(request)
      .then((rawBody) => {
        const context: RequestContext = { ...base, rawBody };
        if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return handleAdmin(context, response);
        return handleApi(context, response);
      })
      .catch((error: unknown) => send(response, problemAnswer(error, url.pathname, correlationId), correlationId, url.pathname));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${port}`,
    apiKey: state.apiKeys[0]?.apiKey ?? DEMO_API_KEY,
    atradius: { appKey: SANDBOX_ATRADIUS.appKey, clientId: state.apiKeys[0]?.clientId ?? 'kredo-demo', clientSecret: state.apiKeys[0]?.apiKey ?? DEMO_API_KEY, customerId: SANDBOX_ATRADIUS.customerId, policyId: state.policy.id },
    allianz: { apiKey: state.apiKeys[0]?.apiKey ?? DEMO_API_KEY, businessUnitCode: SANDBOX_ALLIANZ.businessUnitCode, policyId: state.policy.id },
    admin: { token: adminToken, headers: { 'X-Admin-Token': adminToken } },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => file.flush());
      return closing;
    },
  };
}
