import { randomBytes, timingSafeEqual } from 'node:crypto';
import { badRequest, ProblemError, tooManyRequests, unauthorized } from './problem';
import type { ApiKeyRecord, SandboxState, TokenRecord } from './sandbox-state';

/**
 * Token authentication as insurers do it (insurer-apis.md §3.1 "Auth"): an API key (Allianz style, JSON
 * `{"apiKey"}`) or client credentials (Atradius style, RFC 6749 form with HTTP Basic) buys a bearer token
 * that expires and cannot be refreshed. Consecutive bad credentials from one caller lock it out, each
 * lockout twice as long as the last (CofaServe locks after five failures).
 */
const MAX_LOCKOUT_MINUTES = 60;

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

interface Credentials {
  readonly apiKey: string;
  readonly clientId?: string;
}

/** Reads the credentials from a JSON body, or from a form body with HTTP Basic or form client credentials. */
export function readCredentials(contentType: string, rawBody: string, authorization: string | undefined): Credentials {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(rawBody);
    if (form.get('grant_type') !== 'client_credentials') throw badRequest('unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
    if (authorization?.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) return { clientId: decoded.slice(0, colon), apiKey: decoded.slice(colon + 1) };
    }
    const clientId = form.get('client_id');
    const secret = form.get('client_secret');
    if (clientId && secret) return { clientId, apiKey: secret };
    throw badRequest('missing_credentials', 'Send the client id and secret with HTTP Basic or as client_id and client_secret.');
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw badRequest('invalid_json', 'The body is not JSON.');
  }
  const apiKey = (body as { apiKey?: unknown } | null)?.apiKey;
  if (typeof apiKey !== 'string' || apiKey === '') throw badRequest('missing_credentials', 'Send {"apiKey": "…"}.', [{ code: 'required', detail: 'The API key is required', source: { pointer: '/apiKey' } }]);
  return { apiKey };
}

function lockedFor(state: SandboxState, caller: string, nowMs: number): number {
  const lockedUntil = state.lockouts[caller]?.lockedUntil;
  return lockedUntil ? Math.max(0, Date.parse(lockedUntil) - nowMs) : 0;
}

const lockedProblem = (ms: number) => tooManyRequests('auth_locked', 'Too many failed sign-ins; this client is locked out for a while.', ms / 1_000);

/** Issues a token, or counts a failure towards a lockout. The caller is whoever the lockout applies to. */
export function issueToken(state: SandboxState, credentials: Credentials, caller: string, now: Date): { access_token: string; token_type: 'Bearer'; expires_in: number } {
  const nowMs = now.getTime();
  const locked = lockedFor(state, caller, nowMs);
  if (locked > 0) throw lockedProblem(locked);
  const key = state.apiKeys.find((candidate: ApiKeyRecord) => sameSecret(candidate.apiKey, credentials.apiKey) && (credentials.clientId === undefined || candidate.clientId === credentials.clientId));
  if (!key) {
    const record = (state.lockouts[caller] ??= { failures: 0, lockouts: 0, lockedUntil: null });
    record.failures += 1;
    if (record.failures >= state.settings.maxAuthFailures) {
      const minutes = Math.min(MAX_LOCKOUT_MINUTES, state.settings.lockoutMinutes * 2 ** record.lockouts);
      record.lockouts += 1;
      record.failures = 0;
      record.lockedUntil = new Date(nowMs + minutes * 60_000).toISOString();
      throw lockedProblem(minutes * 60_000);
    }
    throw new ProblemError(401, 'invalid_credentials', 'Authentication failed', `The credentials are not valid (${state.settings.maxAuthFailures - record.failures} attempts left before a lockout).`);
  }
  delete state.lockouts[caller];
  const token: TokenRecord = { token: randomBytes(24).toString('base64url'), clientId: key.clientId, expiresAt: new Date(nowMs + state.settings.tokenTtlSeconds * 1_000).toISOString() };
  state.tokens.push(token);
  return { access_token: token.token, token_type: 'Bearer', expires_in: state.settings.tokenTtlSeconds };
}

/** The API key behind a valid bearer token; 401 when the token is missing, unknown or expired. */
export function authenticate(state: SandboxState, authorization: string | undefined, now: Date): ApiKeyRecord {
  if (!authorization?.startsWith('Bearer ')) throw unauthorized('token_missing', 'Send Authorization: Bearer <token> from POST /v1/auth/token.');
  const presented = authorization.slice(7).trim();
  const token = state.tokens.find((candidate) => sameSecret(candidate.token, presented));
  if (!token || Date.parse(token.expiresAt) <= now.getTime()) throw unauthorized('token_expired', 'The token is unknown or has expired; request a new one (there is no refresh token).');
  const key = state.apiKeys.find((candidate) => candidate.clientId === token.clientId);
  if (!key) throw unauthorized('token_expired', 'The API key behind this token was revoked.');
  return key;
}

/** Fault injection: every token issued so far stops working now. */
export function expireAllTokens(state: SandboxState): number {
  const count = state.tokens.length;
  state.tokens = [];
  return count;
}
