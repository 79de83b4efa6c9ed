import { parseAmount } from '../../shared/import/parse-amount';
import { minorUnitDigits } from '../../shared/money/money';
import { isIsoDate } from '../../shared/time/iso-date';
import type { FaultInjector } from './fault-injection';
import { changeGrade } from './buyer-grades';
import { activeCoverOf } from './cover-decisions';
import { advanceInsurerTimeline, announceCoverChange } from './insurer-timeline';
import { badRequest, unprocessable } from './problem';
import { coverView } from './resource-views';
import type { RateLimiter } from './rate-limiter';
import { jsonBody, type Route } from './route-table';
import { DEFAULT_SETTINGS, type SandboxSettings, type SandboxState } from './sandbox-state';
import { forgetIdempotencyKeys } from './idempotency';
import { expireAllTokens } from './token-auth';
import { parseDuration, type VirtualClock } from './virtual-clock';

/**
 * The test-control side of the sandbox under /admin (insurer-apis.md §3.4 `/_sim/…`): the virtual clock,
 * fault injection, expired tokens, cursors and idempotency keys, insurer-initiated reductions and
 * withdrawals, grade changes, settings and reset. Only from this
 * machine and only with the admin token, and never subject to the faults it controls.
 */
export interface AdminEnv {
  readonly state: SandboxState;
  readonly clock: VirtualClock;
  readonly faults: FaultInjector;
  readonly limiter: RateLimiter;
  /** Moves virtual time; the server then lets the insurer's timeline catch up. */
  setClockOffset(offsetMs: number): void;
  reset(): void;
}

const clockView = (env: AdminEnv) => ({ now: env.clock.nowIso(), today: env.clock.today(), offsetMs: env.state.clockOffsetMs });

const object = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('invalid_body', 'Send a JSON object.');
  return value as Record<string, unknown>;
};

function moveClock(body: Record<string, unknown>, env: AdminEnv) {
  const nowMs = env.clock.now().getTime();
  let target: number;
  if (typeof body.advance === 'string') {
    const duration = parseDuration(body.advance);
    if (duration === undefined) throw badRequest('invalid_duration', 'advance must be an ISO 8601 duration in weeks, days, hours, minutes or seconds, such as "P30D" or "PT4H".');
    target = nowMs + duration;
  } else if (typeof body.set === 'string' && !Number.isNaN(Date.parse(body.set))) {
    target = Date.parse(body.set);
  } else {
    throw badRequest('invalid_body', 'Send {"advance": "P30D"} or {"set": "2026-12-01T09:00:00Z"}.');
  }
  if (target < nowMs) throw unprocessable('clock_backwards', 'The virtual clock only moves forward: decisions and events already issued stay in the past.');
  env.setClockOffset(env.state.clockOffsetMs + (target - nowMs));
  advanceInsurerTimeline(env.state, env.clock.now());
  return { status: 200, body: clockView(env) };
}

function announce(type: 'REDUCTION' | 'WITHDRAWAL') {
  return (context: Parameters<Route<AdminEnv>['handle']>[0], env: AdminEnv) => {
    const body = object(jsonBody(context));
    if (body.effectiveFrom !== undefined && !isIsoDate(body.effectiveFrom)) throw badRequest('invalid_body', 'effectiveFrom must be a YYYY-MM-DD date.');
    let newAmountMinor: number | undefined;
    if (body.newAmount !== undefined) {
      const parsed = typeof body.newAmount === 'string' ? parseAmount(body.newAmount, '.', minorUnitDigits(env.state.policy.currency)) : undefined;
      if (!parsed?.ok) throw badRequest('invalid_body', 'newAmount must be a decimal string such as "25000.00".');
      newAmountMinor = parsed.minor;
    }
    announceCoverChange(env.state, {
      companyId: context.params.companyId!,
      type,
      ...(newAmountMinor !== undefined && { newAmountMinor }),
      ...(isIsoDate(body.effectiveFrom) && { effectiveFrom: body.effectiveFrom }),
    }, env.clock.now());
    const cover = activeCoverOf(env.state, context.params.companyId!) ?? env.state.covers.findLast((candidate) => candidate.companyId === context.params.companyId)!;
    return { status: 200, body: coverView(cover) };
  };
}

function updateSettings(body: Record<string, unknown>, env: AdminEnv) {
  for (const [name, value] of Object.entries(body)) {
    if (!(name in DEFAULT_SETTINGS)) throw badRequest('invalid_setting', `${name} is not a setting.`);
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) throw badRequest('invalid_setting', `${name} must be a number, 0 or more.`);
  }
  Object.assign(env.state.settings, body as Partial<SandboxSettings>);
  env.limiter.reset();
  return { status: 200, body: env.state.settings };
}

/** How many loss records the insurer holds, and how many are still moving (for GET /admin/state). */
const lossCounts = (state: SandboxState) => ({
  overdues: state.overdues.length,
  unansweredOverdues: state.overdues.filter((overdue) => overdue.status === 'RECEIVED').length,
  collectionCases: state.collectionCases.length,
  openCollectionCases: state.collectionCases.filter((collectionCase) => collectionCase.closedAt === null).length,
  claims: state.claims.length,
  openClaims: state.claims.filter((claim) => claim.nextStepAt !== null).length,
  settlements: state.settlements.length,
});

export const ADMIN_ROUTES: readonly Route<AdminEnv>[] = [
  { method: 'GET', path: '/admin/clock', handle: (_context, env) => ({ status: 200, body: clockView(env) }) },
  { method: 'POST', path: '/admin/clock', handle: (context, env) => moveClock(object(jsonBody(context)), env) },
  { method: 'GET', path: '/admin/faults', handle: (_context, env) => ({ status: 200, body: env.faults.settings }) },
  { method: 'POST', path: '/admin/faults', handle: (context, env) => ({ status: 200, body: env.faults.update(jsonBody(context)) }) },
  {
    method: 'DELETE',
    path: '/admin/faults',
    handle: (_context, env) => {
      env.faults.clear();
      return { status: 204 };
    },
  },
  { method: 'POST', path: '/admin/tokens/expire', handle: (_context, env) => ({ status: 200, body: { expired: expireAllTokens(env.state) } }) },
  {
    method: 'POST',
    path: '/admin/cursors/expire',
    handle: (_context, env) => {
      env.state.cursorEpoch += 1;
      return { status: 200, body: { cursorEpoch: env.state.cursorEpoch } };
    },
  },
  { method: 'POST', path: '/admin/idempotency/expire', handle: (_context, env) => ({ status: 200, body: { forgotten: forgetIdempotencyKeys(env.state) } }) },
  { method: 'POST', path: '/admin/buyers/:companyId/reduction', handle: announce('REDUCTION') },
  { method: 'POST', path: '/admin/buyers/:companyId/withdrawal', handle: announce('WITHDRAWAL') },
  { method: 'POST', path: '/admin/buyers/:companyId/grade', handle: (context, env) => ({ status: 200, body: changeGrade(env.state, context.params.companyId!, object(jsonBody(context)).grade, env.clock.now()) }) },
  { method: 'GET', path: '/admin/settings', handle: (_context, env) => ({ status: 200, body: env.state.settings }) },
  { method: 'POST', path: '/admin/settings', handle: (context, env) => updateSettings(object(jsonBody(context)), env) },
  {
    method: 'GET',
    path: '/admin/state',
    handle: (_context, env) => ({
      status: 200,
      body: { ...clockView(env), companies: env.state.companies.length, covers: env.state.covers.length, pendingRequests: env.state.requests.filter((request) => request.status === 'PENDING').length, events: env.state.events.length, ...lossCounts(env.state), cursorEpoch: env.state.cursorEpoch, apiKeys: env.state.apiKeys.map((key) => key.clientId) },
    }),
  },
  {
    method: 'POST',
    path: '/admin/reset',
    handle: (_context, env) => {
      env.reset();
      return { status: 204 };
    },
  },
];
