/**
 * RFC 7807 problem details, the one error shape of every sandbox answer (insurer-apis.md §3.1 "Errors"):
 * `type` names the problem for programs, `title` and `detail` explain it to people, and `errors` points at
 * the offending fields the way Atradius does (`source.pointer` into the body, `source.parameter` in the query).
 */
export interface ProblemFieldError {
  readonly code: string;
  readonly detail: string;
  readonly source: { readonly pointer: string } | { readonly parameter: string } | { readonly header: string };
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly correlationId?: string;
  readonly errors?: readonly ProblemFieldError[];
}

export const PROBLEM_TYPE_BASE = 'https://sandbox.kredo.invalid/problems/';

/** Thrown by handlers; the server turns it into an `application/problem+json` answer. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    /** A short code such as `request_already_pending`; the problem's type URI ends in it. */
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { readonly errors?: readonly ProblemFieldError[]; readonly headers?: Record<string, string> } = {},
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
  }

  toProblem(instance: string, correlationId: string): Problem {
    return {
      type: `${PROBLEM_TYPE_BASE}${this.code}`,
      title: this.title,
      status: this.status,
      ...(this.detail !== undefined && { detail: this.detail }),
      instance,
      correlationId,
      ...(this.extra.errors && { errors: this.extra.errors }),
    };
  }
}

export const badRequest = (code: string, detail: string, errors?: readonly ProblemFieldError[]) =>
  new ProblemError(400, code, 'The request is malformed', detail, errors ? { errors } : {});

export const notFound = (code: string, detail: string) => new ProblemError(404, code, 'Not found', detail);

export const conflict = (code: string, detail: string) => new ProblemError(409, code, 'Conflict', detail);

export const unprocessable = (code: string, detail: string, errors?: readonly ProblemFieldError[]) =>
  new ProblemError(422, code, 'The request breaks a business rule', detail, errors ? { errors } : {});

export const unauthorized = (code: string, detail: string) =>
  new ProblemError(401, code, 'Authentication required', detail, { headers: { 'WWW-Authenticate': 'Bearer realm="kredo-sandbox"' } });

export const tooManyRequests = (code: string, detail: string, retryAfterSeconds: number) =>
  new ProblemError(429, code, 'Too many requests', detail, { headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) } });

export const unavailable = (code: string, detail: string, retryAfterSeconds: number) =>
  new ProblemError(503, code, 'Service unavailable', detail, { headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) } });
