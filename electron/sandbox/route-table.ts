import type { IncomingHttpHeaders } from 'node:http';
import { badRequest, ProblemError } from './problem';

/**
 * A small router: enough for the sandbox's two dozen routes without a dependency. Paths are written as
 * `/v1/policies/:policyId/covers`; a path that exists with another method answers 405.
 */
export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  readonly params: Readonly<Record<string, string>>;
  readonly correlationId: string;
  /** Who is calling, for lockouts and rate limits (the remote address). */
  readonly caller: string;
}

export interface SandboxResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface Route<Env> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly handle: (context: RequestContext, env: Env) => SandboxResponse;
  /** Reachable without a bearer token. */
  readonly public?: boolean;
}

interface CompiledRoute<Env> extends Route<Env> {
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

export interface RouteMatch<Env> {
  readonly route: Route<Env>;
  readonly params: Record<string, string>;
}

export function routeTable<Env>(routes: readonly Route<Env>[]) {
  const compiled: CompiledRoute<Env>[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { ...route, pattern: new RegExp(`^${source}/?$`), names };
  });
  return {
    match(method: string, path: string): RouteMatch<Env> {
      let pathKnown = false;
      for (const route of compiled) {
        const found = route.pattern.exec(path);
        if (!found) continue;
        pathKnown = true;
        if (route.method !== method) continue;
        const params: Record<string, string> = {};
        route.names.forEach((name, index) => {
          params[name] = decodeURIComponent(found[index + 1]!);
        });
        return { route, params };
      }
      if (pathKnown) throw new ProblemError(405, 'method_not_allowed', 'Method not allowed', `${method} is not supported on ${path}.`);
      throw new ProblemError(404, 'no_such_route', 'Not found', `There is no ${path}.`);
    },
  };
}

/** The body as JSON; a malformed body is the client's error (400). */
export function jsonBody(context: RequestContext): unknown {
  if (context.rawBody.trim() === '') return {};
  try {
    return JSON.parse(context.rawBody);
  } catch {
    throw badRequest('invalid_json', 'The body is not valid JSON.');
  }
}

/** `page` and `pageSize` query parameters (insurer-apis.md §3.1 "Pagination"). */
export function paging(query: URLSearchParams, maxPageSize = 500): { page: number; pageSize: number } {
  const read = (name: string, fallback: number, max: number) => {
    const text = query.get(name);
    if (text === null) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > max) throw badRequest('invalid_parameter', `${name} must be a whole number from 1 to ${max}.`, [{ code: 'invalid', detail: `1–${max}`, source: { parameter: name } }]);
    return value;
  };
  return { page: read('page', 1, 1_000_000), pageSize: read('pageSize', 100, maxPageSize) };
}

/**
 * One page of a list, with the Total-Items and Total-Pages headers Allianz sends. `view` turns only the page's records into their HTTP shape: a tier-L policy has
 * 20,000 covers, and shaping all of them for every page of 500 made a full read quadratic.
 */
export function pageOf<T, V = T>(items: readonly T[], page: number, pageSize: number, extra: Record<string, unknown> = {}, view: (item: T) => V = (item) => item as unknown as V): SandboxResponse {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  return {
    status: 200,
    headers: { 'Total-Items': String(items.length), 'Total-Pages': String(totalPages) },
    body: { items: items.slice((page - 1) * pageSize, page * pageSize).map(view), page, pageSize, totalItems: items.length, totalPages, ...extra },
  };
}
