import { parseAmount } from '../../shared/import/parse-amount';
import { divideRounded } from '../../shared/money/basis-points';
import { minorUnitDigits, toDecimalString } from '../../shared/money/money';
import { parsePeriod } from '../../shared/domain/turnover/declaration-period';
import type { ApiEnv } from './api-routes';
import { bodyObject, field } from './loss-input';
import { nextId } from './loss-state';
import { policyOf } from './policy-scope';
import { badRequest, unprocessable, type ProblemFieldError } from './problem';
import { jsonBody, pageOf, paging, type Route } from './route-table';
import type { SandboxState } from './sandbox-state';

/**
 * Turnover (sales) declarations, canonical dialect only (insurer-apis.md §3.2 "Turnover / premium", modelled on
 * Atradius's advance premium settled after turnover is declared, §1.2.1, and EOLIS sales reporting, §1.1.1):
 * one declaration per period of the policy, lines per country in the policy currency, the premium computed at the
 * policy's rate. A second declaration of a period is booked as a correction of the one in force (its version
 * counts up, the earlier one is SUPERSEDED); the same Idempotency-Key replays the first answer (idempotency.ts).
 */
export interface SandboxTurnoverDeclaration {
  readonly declarationId: string;
  readonly period: string;
  readonly version: number;
  readonly correctionOf: string | null;
  status: 'ACCEPTED' | 'SUPERSEDED';
  readonly lines: readonly { readonly country: string; readonly amountMinor: number }[];
  readonly totalMinor: number;
  readonly premiumMinor: number;
  readonly receivedAt: string;
}

/** What the policy says about declaring turnover (shown in GET /policies/{id}): monthly, premium 0.30 % of it. */
export const SANDBOX_TURNOVER_TERMS = { turnoverDeclarationFrequency: 'MONTHLY', premiumRate: '0.0030' } as const;
const PREMIUM_PER_MILLION = 3_000n;

/** Declarations live beside the rest of the state; a state file from before them has none. */
const declarationsOf = (state: SandboxState): SandboxTurnoverDeclaration[] => ((state as { turnoverDeclarations?: SandboxTurnoverDeclaration[] }).turnoverDeclarations ??= []);

const SIGNED_DECIMAL = /^-?\d{1,13}(\.\d{1,4})?$/;

function parseDeclaration(body: unknown, state: SandboxState, today: string): { period: string; lines: { country: string; amountMinor: number }[] } {
  const input = bodyObject(body);
  const errors: ProblemFieldError[] = [];
  const period = typeof input.period === 'string' ? parsePeriod(input.period) : undefined;
  if (!period || period.frequency !== 'monthly') errors.push(field('/period', 'invalid_period', 'A month written YYYY-MM (this policy declares monthly)'));
  const lines = Array.isArray(input.lines) ? input.lines : [];
  if (!Array.isArray(input.lines) || lines.length > 300) errors.push(field('/lines', 'invalid_lines', 'A list of at most 300 lines'));
  const parsed: { country: string; amountMinor: number }[] = [];
  lines.forEach((line: unknown, index) => {
    const { country, amount, currency } = (typeof line === 'object' && line !== null ? line : {}) as Record<string, unknown>;
    if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) errors.push(field(`/lines/${index}/country`, 'invalid_country', 'An ISO 3166 alpha-2 country'));
    if (typeof amount !== 'string' || !SIGNED_DECIMAL.test(amount)) errors.push(field(`/lines/${index}/amount`, 'invalid_amount', 'A decimal string such as "1234.56"'));
    if (currency !== state.policy.currency) errors.push(field(`/lines/${index}/currency`, 'currency_not_policy', `Turnover is declared in the policy currency, ${state.policy.currency}`));
    if (typeof country === 'string' && typeof amount === 'string' && SIGNED_DECIMAL.test(amount)) {
      const minor = parseAmount(amount, '.', minorUnitDigits(state.policy.currency));
      if (minor.ok) parsed.push({ country, amountMinor: minor.minor });
      else errors.push(field(`/lines/${index}/amount`, minor.code, `Not an amount in ${state.policy.currency}`));
    }
  });
  if (errors.length > 0) throw badRequest('invalid_declaration', 'The turnover declaration is malformed.', errors);
  if (new Set(parsed.map((line) => line.country)).size !== parsed.length) throw unprocessable('duplicate_country', 'Declare each country once per period.');
  if (period!.to >= today) throw unprocessable('period_not_ended', `${period!.id} has not ended yet: its turnover can be declared from ${period!.to} on.`);
  if (period!.to < state.policy.startDate || period!.from > state.policy.endDate) throw unprocessable('period_outside_policy', `${period!.id} is outside the policy period.`);
  return { period: period!.id, lines: parsed };
}

export function declareTurnover(state: SandboxState, body: unknown, at: string, today: string): SandboxTurnoverDeclaration {
  const { period, lines } = parseDeclaration(body, state, today);
  const declarations = declarationsOf(state);
  const inForce = declarations.find((declaration) => declaration.period === period && declaration.status === 'ACCEPTED');
  const totalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  const declaration: SandboxTurnoverDeclaration = {
    declarationId: nextId('TOD', declarations),
    period,
    version: (inForce?.version ?? 0) + 1,
    correctionOf: inForce?.declarationId ?? null,
    status: 'ACCEPTED',
    lines,
    totalMinor,
    premiumMinor: divideRounded(BigInt(totalMinor) * PREMIUM_PER_MILLION, 1_000_000n),
    receivedAt: at,
  };
  if (inForce) inForce.status = 'SUPERSEDED';
  declarations.push(declaration);
  return declaration;
}

export function turnoverDeclarationView(declaration: SandboxTurnoverDeclaration, policyId: string, currency: string) {
  const decimal = (amountMinor: number) => toDecimalString({ amountMinor, currency });
  return {
    declarationId: declaration.declarationId,
    period: declaration.period,
    version: declaration.version,
    correctionOf: declaration.correctionOf,
    status: declaration.status,
    lines: declaration.lines.map((line) => ({ country: line.country, amount: decimal(line.amountMinor), currency })),
    totalAmount: decimal(declaration.totalMinor),
    currency,
    premium: { amount: decimal(declaration.premiumMinor), currency, rate: SANDBOX_TURNOVER_TERMS.premiumRate },
    receivedAt: declaration.receivedAt,
    resourceUrl: `/v1/policies/${policyId}/turnover-declarations/${declaration.declarationId}`,
  };
}

const base = '/v1/policies/:policyId/turnover-declarations';

export const TURNOVER_ROUTES: readonly Route<ApiEnv>[] = [
  {
    method: 'POST',
    path: base,
    handle: (context, env) => {
      const policy = policyOf(context, env);
      const view = turnoverDeclarationView(declareTurnover(env.state, jsonBody(context), env.clock.nowIso(), env.clock.today()), policy.id, policy.currency);
      return { status: 201, headers: { Location: view.resourceUrl }, body: view };
    },
  },
  {
    method: 'GET',
    path: base,
    handle: (context, env) => {
      const policy = policyOf(context, env);
      const { page, pageSize } = paging(context.query);
      const period = context.query.get('period');
      const items = declarationsOf(env.state).filter((declaration) => !period || declaration.period === period);
      return pageOf(items, page, pageSize, {}, (declaration) => turnoverDeclarationView(declaration, policy.id, policy.currency));
    },
  },
];
