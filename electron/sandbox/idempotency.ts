import { createHash } from 'node:crypto';
import { badRequest, unprocessable } from './problem';
import type { IdempotencyRecord, SandboxState } from './sandbox-state';

/**
 * Idempotency-Key on every write (insurer-apis.md §3.1): a request stays "in flight" for hours at real
 * insurers and the desktop client may crash or lose its connection mid-call, so it sends the same key
 * again and must get the first answer back, never a second cover request. The same key with a different
 * request is the client's bug and is refused (422). Keys are per client and kept for a day.
 */
const KEY = /^[\x21-\x7e]{1,255}$/;

export function requireIdempotencyKey(header: string | undefined): string {
  if (header === undefined) throw badRequest('idempotency_key_required', 'Every write needs an Idempotency-Key header (a UUID per intended operation).', [{ code: 'required', detail: 'Missing header', source: { header: 'Idempotency-Key' } }]);
  if (!KEY.test(header)) throw badRequest('invalid_idempotency_key', 'The Idempotency-Key must be 1–255 visible ASCII characters.', [{ code: 'invalid', detail: 'Not a valid key', source: { header: 'Idempotency-Key' } }]);
  return header;
}

/** JSON with sorted keys, so `{"a":1,"b":2}` and `{"b":2,"a":1}` count as the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same": method, path and body (as JSON when it is JSON). */
export function requestFingerprint(method: string, path: string, rawBody: string): string {
  let body = rawBody;
  try {
    body = canonical(JSON.parse(rawBody));
  } catch {
    // Not JSON: the raw text is compared.
  }
  return createHash('sha256').update(`${method} ${path}\n${body}`).digest('hex');
}

const recordKey = (clientId: string, key: string) => `${clientId} ${key}`;

/** The stored answer to replay, if this key was used before for the same request. */
export function findReplay(state: SandboxState, clientId: string, key: string, fingerprint: string): IdempotencyRecord | undefined {
  const record = state.idempotency[recordKey(clientId, key)];
  if (!record) return undefined;
  if (record.fingerprint !== fingerprint) throw unprocessable('idempotency_key_reused', `Idempotency-Key ${key} was already used for a different request; use a new key for a new operation.`);
  return record;
}

/**
 * Forgets every stored answer, as when the insurer's window (a day) has passed for all of them: the fault
 * behind "retried after the window, the insurer says 409" (POST /admin/idempotency/expire). Returns how many.
 */
export function forgetIdempotencyKeys(state: SandboxState): number {
  const forgotten = Object.keys(state.idempotency).length;
  state.idempotency = {};
  return forgotten;
}

export function rememberAnswer(state: SandboxState, clientId: string, key: string, record: Omit<IdempotencyRecord, 'scope'>): void {
  state.idempotency[recordKey(clientId, key)] = { scope: clientId, ...record };
}
