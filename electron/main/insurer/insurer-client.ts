import { KredoError } from '../../../shared/errors/kredo-error';
import { classifyResponse, DEFAULT_RETRY_POLICY, IN_PROCESS_WAIT_MAX_MS, type RetryPolicy } from '../../../shared/sync/retry-policy';

/** Where the insurer is and how Kredo signs in: the API key never leaves the main process. */
export interface InsurerConnection {
  /** Up to and including the version, e.g. http://127.0.0.1:4455/v1. */
  readonly baseUrl: string;
  readonly apiKey: string;
}

export interface InsurerAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

export interface InsurerClientDeps {
  readonly fetch?: typeof fetch;
  readonly now: () => Date;
  readonly random: () => number;
  /** Waits between attempts (never longer than IN_PROCESS_WAIT_MAX_MS); tests record the waits instead of sleeping. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Attempts per call before giving up with `insurer.unavailable` (the outbox keeps the request). */
  readonly maxAttempts?: number;
  readonly retryPolicy?: RetryPolicy;
  /** A call that hangs is abandoned after this long, as a dropped connection. */
  readonly timeoutMs?: number;
}

/**
 * An RFC 7807 problem type is a URI (`https://…/problems/no_buyer_match`); its last segment is the stable
 * code Kredo translates for the controller.
 */
export const problemCodeOf = (type: string | undefined): string | undefined => (type === undefined ? undefined : type.split(/[/#]/).filter(Boolean).at(-1));

/** The insurer refused the request itself (a 4xx with RFC 7807 problem details): retrying would not help. */
export class InsurerRefusal extends KredoError {
  readonly problemType: string | undefined;

  constructor(
    readonly status: number,
    problemType: string | undefined,
    readonly detail: string | undefined,
  ) {
    const code = problemCodeOf(problemType);
    super('insurer.refused', { status, ...(code !== undefined && { type: code }) });
    this.problemType = code;
  }
}

/** The change-feed cursor expired (410): only a full resync restores the picture. */
export class ResyncNeeded extends KredoError {
  constructor() {
    super('insurer.resyncNeeded');
  }
}

const problemOf = (body: unknown): { type?: string; detail?: string } => (typeof body === 'object' && body !== null ? (body as { type?: string; detail?: string }) : {});

/**
 * How a dialect signs in and says what went wrong (insurer-apis.md §1): the canonical API takes the API key
 * as JSON and answers RFC 7807 problems; Atradius takes three secrets in headers and answers JSON:API errors
 * (dialects/atradius-mapping.ts). Everything else — retries, Retry-After, re-signing in on a 401, no
 * redirects — is the same for every insurer.
 */
export interface ClientAuth {
  /** The sign-in exchange, relative to the base URL. */
  signIn(): { readonly path: string; readonly init: RequestInit };
  /** The token in the sign-in answer, or undefined when the answer is not one. */
  readToken(body: unknown): { readonly value: string; readonly expiresInSeconds: number } | undefined;
  /** The headers every later call carries. */
  headers(token: string): Record<string, string>;
  /** A refusal's stable code (a problem type URI or a Kredo code) and text, from the error body. */
  problemOf(body: unknown, status: number): { readonly type?: string; readonly detail?: string };
}

/** Kredo's canonical API (insurer-apis.md §3.1 "Auth"): `POST /auth/token {"apiKey"}` buys a bearer token. */
export const apiKeyAuth = (apiKey: string): ClientAuth => ({
  signIn: () => ({ path: '/auth/token', init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiKey }) } }),
  readToken(body) {
    const { access_token: value, expires_in: expiresIn } = (body ?? {}) as { access_token?: unknown; expires_in?: unknown };
    return typeof value === 'string' && typeof expiresIn === 'number' ? { value, expiresInSeconds: expiresIn } : undefined;
  },
  headers: (token) => ({ Authorization: `Bearer ${token}` }),
  problemOf: (body) => problemOf(body),
});

/**
 * HTTP to the insurer for the sync engine: signs in with the API key and signs in again when the token
 * expires (there is no refresh token), retries dropped connections, 429 and 503 with back-off that honours
 * Retry-After, and turns everything else into a typed result. A Retry-After longer than the client waits in
 * one call (IN_PROCESS_WAIT_MAX_MS) ends the call at once with `insurer.unavailable` and `retryAt`, the
 * time the insurer asked Kredo to come back (at most MAX_RETRY_AFTER_MS away): the outbox keeps the
 * request until then. Every write carries the caller's Idempotency-Key on every attempt, so a retry after
 * a lost answer cannot create a second request.
 */
export function createInsurerClient(connection: InsurerConnection, deps: InsurerClientDeps, auth: ClientAuth = apiKeyAuth(connection.apiKey)) {
  const send = deps.fetch ?? fetch;
  const maxAttempts = deps.maxAttempts ?? 8;
  let token: { value: string; expiresAt: number } | undefined;

  const exchange = async (path: string, init: RequestInit): Promise<InsurerAnswer | undefined> => {
    try {
      // Redirects are not followed: a 307 would resend the sign-in body, API key and all, to wherever it
      // points, past the origin the key is bound to (secret-store.ts). A redirect is answered as a refusal.
      const response = await send(`${connection.baseUrl}${path}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
    } catch {
      // No answer: the network dropped, the server closed the socket, or it timed out.
      return undefined;
    }
  };

  /** Runs one exchange with retries; `prepare` is called per attempt (it may sign in first). */
  const withRetries = async (path: string, prepare: () => Promise<RequestInit>, onUnauthorised: () => void): Promise<InsurerAnswer> => {
    let reauthenticated = false;
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
      const answer = await exchange(path, await prepare());
      const outcome = classifyResponse({ status: answer?.status, retryAfter: answer?.headers.get('Retry-After'), attempt, now: deps.now() }, deps.random, deps.retryPolicy ?? DEFAULT_RETRY_POLICY);
      if (outcome.kind === 'ok') return answer!;
      if (outcome.kind === 'retry') {
        if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > IN_PROCESS_WAIT_MAX_MS) {
          throw new KredoError('insurer.unavailable', { retryAt: new Date(deps.now().getTime() + outcome.retryAfterMs).toISOString() });
        }
        await deps.sleep(Math.min(outcome.delayMs, IN_PROCESS_WAIT_MAX_MS));
        continue;
      }
      if (outcome.kind === 'reauthenticate' && !reauthenticated) {
        reauthenticated = true;
        onUnauthorised();
        continue;
      }
      if (outcome.kind === 'resync') throw new ResyncNeeded();
      const problem = auth.problemOf(answer?.body, answer?.status ?? 0);
      throw new InsurerRefusal(answer?.status ?? 0, problem.type, problem.detail);
    }
    throw new KredoError('insurer.unavailable');
  };

  const bearer = async (): Promise<string> => {
    if (token && token.expiresAt > deps.now().getTime() + 30_000) return token.value;
    const signIn = auth.signIn();
    const answer = await withRetries(signIn.path, async () => signIn.init, () => undefined);
    const read = auth.readToken(answer.body);
    if (!read) throw new KredoError('insurer.badAnswer');
    token = { value: read.value, expiresAt: deps.now().getTime() + read.expiresInSeconds * 1_000 };
    return token.value;
  };

  return {
    /**
     * A read (GET, or a POST that only searches, as Allianz Trade's cover and company searches: `search`) or,
     * with an idempotency key, a write.
     */
    async call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: { readonly body?: unknown; readonly idempotencyKey?: string; readonly search?: boolean } = {}): Promise<InsurerAnswer> {
      if (method !== 'GET' && !options.search && !options.idempotencyKey) throw new Error('A write to the insurer needs an idempotency key');
      return withRetries(
        path,
        async () => ({
          method,
          headers: {
            ...auth.headers(await bearer()),
            ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
            ...(options.idempotencyKey !== undefined && { 'Idempotency-Key': options.idempotencyKey }),
          },
          ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
        }),
        () => {
          token = undefined;
        },
      );
    },
  };
}

export type InsurerClient = ReturnType<typeof createInsurerClient>;
