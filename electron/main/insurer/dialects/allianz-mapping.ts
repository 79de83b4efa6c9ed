import type { CompanyIdentifier, IdentifierType } from '../../../../shared/domain/identifiers/identifier-type';
import { minorUnitDigits, toDecimalString } from '../../../../shared/money/money';
import type { InsurerRequestRecord, InsurerLossRecord } from '../../../../shared/sync/insurer-lookup';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import type { LossSubmission } from '../../../../shared/sync/loss-submission';
import type { ClientAuth } from '../insurer-client';

/**
 * Allianz Trade's API (developers.allianz-trade.com) mapped onto Kredo's canonical model, in one file so that
 * someone with access to Allianz Trade's developer portal can correct it in one place. Source:
 * insurer-apis.md §1.1, from Allianz Trade's getting-started and API-design pages and public client code
 * calling the real API. Every name marked UNVERIFIED is Kredo's best guess, not seen in public material; the
 * built-in sandbox's Allianz dialect (electron/sandbox/allianz-routes.ts) sends exactly these guesses, so the
 * sandbox cannot prove them.
 */

/**
 * Routes, relative to the host. The UAT host puts its environment in the path (seen:
 * `https://api-services.uat.1placedessaisons.com/uatm/v1/idp/oauth2/authorize`, `/uatm/riskinfo/v3/covers`,
 * but `/search/uatm-v2/companies/matching`), production none (`https://api.allianz-trade.com/v1/idp/…`,
 * `/riskinfo/v3/…`); `prefix` is that environment (`''` or `/uatm`), taken from the address typed in Settings.
 */
export function allianzPaths(prefix: string) {
  const environment = prefix.replace(/^\//, '');
  return {
    /** Seen (official getting-started page). */
    token: `${prefix}/v1/idp/oauth2/authorize`,
    /** Seen in UAT client code as `/search/uatm-v2/companies/matching`; production `/search/v2/…` is inferred. */
    matching: environment === '' ? '/search/v2/companies/matching' : `/search/${environment}-v2/companies/matching`,
    /** Seen: POST a cover request (answers a job id), GET one cover. */
    covers: `${prefix}/riskinfo/v3/covers`,
    cover: (coverId: string) => `${prefix}/riskinfo/v3/covers/${encodeURIComponent(coverId)}`,
    /** Seen: the portfolio-wide cover read and the pending cover requests. */
    coverSearch: `${prefix}/riskinfo/v3/covers/search`,
    coverRequestSearch: `${prefix}/riskinfo/v3/coverRequests/search`,
    /** Seen: `GET /riskinfo/v3/jobs/{jobId}` → `{jobStatusCode, resourceUrl}`. */
    job: (jobId: string) => `${prefix}/riskinfo/v3/jobs/${encodeURIComponent(jobId)}`,
    /** UNVERIFIED: no public material shows a policy route; this path is Kredo's guess. */
    policy: (policyId: string) => `${prefix}/policy/v1/policies/${encodeURIComponent(policyId)}`,
    /** UNVERIFIED: Payment Overdues is documented (OVD/EXP/RES), its routes are not public; these are Kredo's guess. */
    overdues: `${prefix}/payment-overdues/v1/overdues`,
    overdue: (overdueId: string) => `${prefix}/payment-overdues/v1/overdues/${encodeURIComponent(overdueId)}`,
    overdueJob: (jobId: string) => `${prefix}/payment-overdues/v1/jobs/${encodeURIComponent(jobId)}`,
  } as const;
}
export type AllianzPaths = ReturnType<typeof allianzPaths>;

/** A policy is addressed by business unit, policy id and extension (seen: `{businessUnitCode, policyId, extensionId}`; `""` is the main policy). */
export interface AllianzPolicyRef {
  readonly businessUnitCode: string;
  readonly policyId: string;
  readonly extensionId: string;
}

/**
 * Allianz Trade's error texts as Kredo's problem codes, which locales/*\/errors.json translate. UNVERIFIED:
 * the error body's shape is not public; Kredo reads `{"errors":[{"code","message"}]}` and also a bare
 * `{"code","message"}`, and matches the texts loosely.
 */
const ERROR_TEXTS: readonly (readonly [RegExp, string])[] = [
  [/multiple of 1000/i, 'amount_not_multiple_of_1000'],
  [/no company (found|match)/i, 'no_buyer_match'],
  // tp24: while a cover request is pending no other request can be made for the debtor. The text is UNVERIFIED;
  // it maps to the canonical 409 code so Kredo looks its own request up (outbox-check.ts).
  [/request .*(already )?in progress/i, 'request_already_pending'],
  [/not an increase|must be (higher|greater) than/i, 'amount_not_an_increase'],
  [/not a reduction|must be lower than/i, 'amount_not_a_reduction'],
  [/no cover in force|no active cover/i, 'no_cover_in_force'],
  [/notification (period|deadline)/i, 'notification_deadline_passed'],
];

/** Codes by status when the text is not one Kredo knows. */
const STATUS_CODES: Readonly<Record<number, string>> = { 400: 'invalid_body', 401: 'invalid_credentials', 403: 'policy_not_in_scope', 404: 'no_buyer_match', 409: 'request_already_pending', 422: 'action_refused' };

export function allianzProblemOf(body: unknown, status: number): { type?: string; detail?: string } {
  const outer = (body ?? {}) as { errors?: unknown; code?: unknown; message?: unknown };
  const first = (Array.isArray(outer.errors) ? outer.errors[0] : outer) as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof first?.message === 'string' ? first.message : undefined;
  const known = detail === undefined ? undefined : ERROR_TEXTS.find(([pattern]) => pattern.test(detail))?.[1];
  const type = known ?? STATUS_CODES[status];
  return { ...(type !== undefined && { type }), ...(detail !== undefined && { detail }) };
}

/**
 * Sign-in (seen, official): `POST …/v1/idp/oauth2/authorize` with `{"apiKey"}` answers
 * `{"access_token","token_type":"Bearer","expires_in":3600}`. The token cannot be renewed: when it expires the
 * client signs in again (insurer-client.ts does so before expiry and on a 401).
 */
export function allianzAuth(apiKey: string, paths: AllianzPaths): ClientAuth {
  return {
    signIn: () => ({ path: paths.token, init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiKey }) } }),
    readToken(body) {
      const { access_token: value, expires_in: expiresIn } = (body ?? {}) as { access_token?: unknown; expires_in?: unknown };
      if (typeof value !== 'string' || value === '') return undefined;
      return { value, expiresInSeconds: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 3_600 };
    },
    headers: (token) => ({ Authorization: `Bearer ${token}` }),
    problemOf: allianzProblemOf,
  };
}

/**
 * Kredo's identifier types as `companyIdentifiers[].idTypeCode`. Seen only: `companyIdentifierTypeCode: "EH"`
 * (Allianz's own id) and the portal's "Chamber of Commerce UID"/VAT; every code here is UNVERIFIED.
 */
const ID_TYPES: Readonly<Partial<Record<IdentifierType, string>>> = { NL_KVK: 'KVK', SE_ORGNR: 'ORGNR', GB_CRN: 'CRN', NL_RSIN: 'RSIN', NL_VAT: 'VAT', SE_VAT: 'VAT', GB_VAT: 'VAT' };
const ID_ORDER: readonly IdentifierType[] = ['NL_KVK', 'SE_ORGNR', 'GB_CRN', 'NL_RSIN', 'NL_VAT', 'SE_VAT', 'GB_VAT'];
/** Matches below this score are not taken as the debtor (seen: `minimumScore`; the scale is UNVERIFIED, 0–100 assumed). */
export const MINIMUM_MATCH_SCORE = 90;

/** The company-matching bodies to try, best identifier first (seen fields: `countryCode`, `companyIdentifiers[{idTypeCode, idValue}]`, `requestedSize`, `minimumScore`). */
export function matchingBodies(country: string, identifiers: readonly CompanyIdentifier[]) {
  return [...identifiers]
    .filter((identifier) => ID_TYPES[identifier.type] !== undefined)
    .sort((a, b) => ID_ORDER.indexOf(a.type) - ID_ORDER.indexOf(b.type))
    .map((identifier) => ({ requestedSize: 1, countryCode: country.toUpperCase(), companyIdentifiers: [{ idTypeCode: ID_TYPES[identifier.type]!, idValue: identifier.value }], minimumScore: MINIMUM_MATCH_SCORE }));
}

/** The company of the best match (seen: `results[].company.companyId`; the score's name `matchingScore` is UNVERIFIED). */
export function matchedCompanyId(body: unknown): string | undefined {
  const first = ((body as { results?: unknown } | undefined)?.results as { company?: { companyId?: unknown }; matchingScore?: unknown }[] | undefined)?.[0];
  if (!first || (typeof first.matchingScore === 'number' && first.matchingScore < MINIMUM_MATCH_SCORE)) return undefined;
  const id = first.company?.companyId;
  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

/**
 * The best match as the credit check shows it: `company.legalData.companyName` and `company.address.countryCode`
 * are what the sandbox answers; the street fields (`streetName`, `postCode`, `town`) are UNVERIFIED. The grade
 * comes with a grade-only cover request (GradeCover), not with the match: it stays unknown here.
 */
export function matchedCompanyOf(body: unknown, country: string): { companyId: string; name: string; country: string; address?: { street: string; postalCode: string; city: string } } | undefined {
  const companyId = matchedCompanyId(body);
  if (!companyId) return undefined;
  const company = ((body as { results?: { company?: { legalData?: { companyName?: unknown }; address?: { countryCode?: unknown; streetName?: unknown; postCode?: unknown; town?: unknown } } }[] }).results ?? [])[0]?.company;
  const address = company?.address;
  const code = typeof address?.countryCode === 'string' && /^[A-Z]{2}$/.test(address.countryCode) ? address.countryCode : country.toUpperCase();
  return {
    companyId,
    name: typeof company?.legalData?.companyName === 'string' ? company.legalData.companyName.slice(0, 300) : '',
    country: code,
    // UNVERIFIED names (the sandbox sends no street address, as Kredo cannot know Allianz's): without a town the
    // check shows no address at all.
    ...(typeof address?.town === 'string' && address.town.trim() !== '' && { address: { street: String(address.streetName ?? ''), postalCode: String(address.postCode ?? ''), city: address.town } }),
  };
}

/** Allianz amounts are numbers (seen: `requestedAmount: 50000`, `decision.permanent.permanentAmount`); Kredo's are exact decimal strings. */
export function decimalOf(amount: unknown, currency: string): string | undefined {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return undefined;
  return amount.toFixed(minorUnitDigits(currency));
}
const numberOf = (amountMinor: number, currency: string) => Number(toDecimalString({ amountMinor, currency }));

/**
 * Cover request types. Seen: `Primary` (a first request; the portal's increase is a first request on an existing
 * limit) and `GradeCover`. UNVERIFIED: `Increase`, and that a reduction is a PATCH and a cancellation a DELETE of
 * the cover (the API-design page names POST, PATCH and DELETE as the asynchronous calls).
 */
const REQUEST_TYPES: Readonly<Record<LimitOutboxEntry['type'], string>> = { NEW: 'Primary', INCREASE: 'Increase', REDUCE: 'Reduction', CANCEL: 'Cancellation' };
const TYPES_OF: Readonly<Record<string, LimitOutboxEntry['type']>> = Object.fromEntries(Object.entries(REQUEST_TYPES).map(([type, code]) => [code, type as LimitOutboxEntry['type']]));

/** How each request goes out: POST a new or increased cover, PATCH a reduction, DELETE a cancellation (UNVERIFIED). */
export const REQUEST_METHODS: Readonly<Record<LimitOutboxEntry['type'], 'POST' | 'PATCH' | 'DELETE'>> = { NEW: 'POST', INCREASE: 'POST', REDUCE: 'PATCH', CANCEL: 'DELETE' };

/** The body of a cover request (seen for `Primary`: `{requestTypeCode, policy, creditLimitDetails{requestedAmount, currencyCode}, companyId, isRequestUrgent}`). */
export function coverRequestBody(entry: LimitOutboxEntry, policy: AllianzPolicyRef, buyer: { readonly companyId: string; readonly customerCode: string }) {
  return {
    requestTypeCode: REQUEST_TYPES[entry.type],
    policy,
    companyId: buyer.companyId,
    ...(entry.amountMinor !== undefined && entry.type !== 'CANCEL' && { creditLimitDetails: { requestedAmount: numberOf(entry.amountMinor, entry.currency), currencyCode: entry.currency } }),
    // The portal's own reference, at most 20 characters (EOLIS help); UNVERIFIED field name. It comes back on
    // the cover: how a new cover finds its debtor (applyInsurerCovers).
    customerReference: buyer.customerCode.slice(0, 20),
    isRequestUrgent: false,
  };
}

/**
 * A grade-only request (issue 18 item 3). Seen: `requestTypeCode: "GradeCover"` ("a grade can be requested without
 * a limit", insurer-apis.md §1.1.7), sent like any cover request and answered by a job. UNVERIFIED: that the body
 * carries no `creditLimitDetails`, and the grade's place on the job's resource (below).
 */
export const GRADE_REQUEST_TYPE = 'GradeCover';
export function gradeRequestBody(policy: AllianzPolicyRef, companyId: string) {
  return { requestTypeCode: GRADE_REQUEST_TYPE, policy, companyId, isRequestUrgent: false };
}

/**
 * The grade on a processed grade-only request's resource, 1 (exceptional) to 10 (at risk of failure) — Allianz's
 * official scale (§1.1.7). UNVERIFIED: `grade.gradeValue` (also read: a bare `grade` number, `gradeCode`); the
 * generated Company Grade schema's A–E letters contradict the official scale and are not read.
 */
export function gradeOfGradeCover(body: unknown): number | undefined {
  const resource = (body ?? {}) as { grade?: unknown; gradeCode?: unknown };
  const grade = typeof resource.grade === 'object' && resource.grade !== null ? (resource.grade as { gradeValue?: unknown }).gradeValue : resource.grade ?? resource.gradeCode;
  const value = typeof grade === 'string' ? Number(grade) : grade;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10 ? value : undefined;
}

/** Job statuses (seen: pending → processed; one client compares with `PROCESSED`). UNVERIFIED: `FAILED`. */
export type JobState = 'pending' | 'processed' | 'failed';
export function jobStateOf(body: unknown): { state: JobState; resourceUrl?: string; requestId?: string } | undefined {
  const job = (body ?? {}) as { jobStatusCode?: unknown; resourceUrl?: unknown; requestId?: unknown };
  const code = typeof job.jobStatusCode === 'string' ? job.jobStatusCode.toUpperCase() : undefined;
  const state: JobState | undefined = code === 'PENDING' ? 'pending' : code === 'PROCESSED' ? 'processed' : code === 'FAILED' ? 'failed' : undefined;
  if (!state) return undefined;
  return { state, ...(typeof job.resourceUrl === 'string' && job.resourceUrl !== '' && { resourceUrl: job.resourceUrl }), ...(typeof job.requestId === 'string' && { requestId: job.requestId }) };
}

/** The job id a POST / PATCH / DELETE answers: seen as the bare JSON body; `{jobId}` read too. */
export function jobIdOf(body: unknown): string | undefined {
  if (typeof body === 'string' && body !== '') return body;
  if (typeof body === 'number') return String(body);
  const id = (body as { jobId?: unknown } | undefined)?.jobId;
  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

/** One `creditLimitsAggregation.creditLimits[]` item (seen: `technicalDecisionStatusCode`, `amount`, `startDate`). */
interface AllianzCreditLimit {
  readonly technicalDecisionStatusCode?: unknown;
  readonly amount?: unknown;
  readonly startDate?: unknown;
  /** UNVERIFIED: when a temporary part ends, and whether it is `Permanent` or `Temporary` (v2's `decision.permanent` suggests both). */
  readonly endDate?: unknown;
  readonly creditLimitTypeCode?: unknown;
}

/** An Allianz cover as `GET /riskinfo/v3/covers/{coverId}` and the cover search hold it. */
export interface AllianzCover {
  /** Seen. */
  readonly coverId?: unknown;
  /** Seen as `company.companyId` (v2); UNVERIFIED for v3, where `companyId` at the top is read too. */
  readonly company?: { readonly companyId?: unknown };
  readonly companyId?: unknown;
  /** Seen in v2: `Agreement`. UNVERIFIED: the other codes below. */
  readonly coverStatusCode?: unknown;
  readonly currencyCode?: unknown;
  readonly customerReference?: unknown;
  readonly requestedAmount?: unknown;
  readonly creditLimitsAggregation?: { readonly totalAmount?: unknown; readonly creditLimits?: readonly AllianzCreditLimit[] };
  /** UNVERIFIED: conditions and the announced reduction or withdrawal (Allianz may reduce or withdraw at any time, §1.1.9). */
  readonly conditions?: readonly { readonly code?: unknown; readonly label?: unknown }[];
  readonly announcedDecision?: { readonly decisionTypeCode?: unknown; readonly amount?: unknown; readonly effectiveDate?: unknown; readonly notificationDate?: unknown } | null;
  /** Seen on cover requests (`creationDate`, `lastUpdateDate`); UNVERIFIED on covers. */
  readonly decisionDate?: unknown;
  readonly lastUpdateDate?: unknown;
}

/** Cover status codes: `Agreement` seen (v2); the rest UNVERIFIED. */
const STATUSES: Readonly<Record<string, string>> = {
  Pending: 'PENDING',
  Agreement: 'APPROVED',
  PartialAgreement: 'PARTIALLY_APPROVED',
  Refusal: 'REFUSED',
  Reduction: 'REDUCED',
  Withdrawal: 'WITHDRAWN',
  Cancellation: 'CANCELLED',
  Expiry: 'EXPIRED',
};
export const ALLIANZ_STATUS_CODES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(STATUSES).map(([code, status]) => [status, code]));

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);
const day = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined);
const instantOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || value.length <= 10 ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};

/**
 * An Allianz cover in Kredo's canonical shape (shared/sync/insurer-cover.ts), to be checked against that schema
 * by the caller: a field Allianz did not send stays missing and the cover is set aside, never guessed. There is
 * no version: the last change's instant in milliseconds stands in for it, so a later change always wins.
 */
export function canonicalCoverOf(cover: AllianzCover, policyCurrency: string): Record<string, unknown> {
  const currency = text(cover.currencyCode) ?? policyCurrency;
  const limits = cover.creditLimitsAggregation?.creditLimits ?? [];
  const total = cover.creditLimitsAggregation?.totalAmount;
  const decided = decimalOf(typeof total === 'number' ? total : limits.reduce<number | undefined>((sum, limit) => (sum === undefined || typeof limit.amount !== 'number' ? undefined : sum + limit.amount), 0), currency);
  const updatedAt = instantOf(cover.lastUpdateDate) ?? instantOf(cover.decisionDate);
  const announced = cover.announcedDecision;
  const changeType = announced?.decisionTypeCode === 'Reduction' ? 'REDUCTION' : announced?.decisionTypeCode === 'Withdrawal' ? 'WITHDRAWAL' : undefined;
  return {
    coverId: text(cover.coverId),
    companyId: text(cover.company?.companyId) ?? text(cover.companyId),
    customerReference: text(cover.customerReference) ?? null,
    status: STATUSES[String(cover.coverStatusCode)],
    requestedAmount: decimalOf(cover.requestedAmount, currency) ?? null,
    decidedAmount: decided,
    currency,
    tranches: limits.flatMap((limit) => {
      const amount = decimalOf(limit.amount, currency);
      if (amount === undefined || Number(amount) === 0) return [];
      const expiresAt = day(limit.endDate) ?? null;
      return [{ amount, effectiveFrom: day(limit.startDate), expiresAt, kind: limit.creditLimitTypeCode === 'Temporary' || expiresAt !== null ? 'temporary' : 'permanent' }];
    }),
    conditions: (cover.conditions ?? []).flatMap((condition) => (typeof condition.label === 'string' ? [{ code: text(condition.code)?.slice(0, 40) ?? 'ALLIANZ', description: condition.label.slice(0, 500) }] : [])),
    reasons: [],
    pendingChange: announced && changeType ? { type: changeType, newAmount: decimalOf(announced.amount, currency), effectiveFrom: day(announced.effectiveDate), noticeGivenAt: instantOf(announced.notificationDate) } : null,
    decidedAt: instantOf(cover.decisionDate) ?? null,
    updatedAt,
    version: updatedAt === undefined ? undefined : Date.parse(updatedAt),
  };
}

/** A cover request as the cover-request search lists it (seen: `requestId`, `creditLimitDetails`, `creationDate`, `lastUpdateDate`, `coverId`). */
export interface AllianzCoverRequest {
  readonly requestId?: unknown;
  readonly coverId?: unknown;
  /** UNVERIFIED on the listed item: the request's type, company and status (`InProgress` is seen as a filter value). */
  readonly requestTypeCode?: unknown;
  readonly companyId?: unknown;
  readonly requestStatusCode?: unknown;
  readonly creditLimitDetails?: { readonly requestedAmount?: unknown; readonly currencyCode?: unknown };
  readonly creationDate?: unknown;
  readonly lastUpdateDate?: unknown;
}

/** Request statuses: `InProgress` seen (a filter value); `Decided` and `Withdrawn` UNVERIFIED. */
const REQUEST_STATUSES: Readonly<Record<string, InsurerRequestRecord['status']>> = { InProgress: 'PENDING', Decided: 'DECIDED', Withdrawn: 'WITHDRAWN' };

/** A listed cover request as the record the lost-answer look-up compares (shared/sync/insurer-lookup.ts). */
export function requestRecordOf(item: AllianzCoverRequest, policyCurrency: string): InsurerRequestRecord | undefined {
  const requestId = text(item.requestId);
  const type = TYPES_OF[String(item.requestTypeCode)];
  const status = REQUEST_STATUSES[String(item.requestStatusCode)];
  const receivedAt = instantOf(item.creationDate);
  if (!requestId || !type || !status || !receivedAt) return undefined;
  const currency = text(item.creditLimitDetails?.currencyCode) ?? policyCurrency;
  const requested = decimalOf(item.creditLimitDetails?.requestedAmount, currency);
  const amountMinor = type === 'CANCEL' || requested === undefined ? null : Math.round(Number(requested) * 10 ** minorUnitDigits(currency));
  return { requestId, type, amountMinor, currency, status, receivedAt, ...(text(item.coverId) && { coverId: text(item.coverId)! }) };
}

/**
 * A Payment Overdue (official: `overdueCategoryTypeCode` OVD / EXP / RES). Every other field name is UNVERIFIED:
 * the generated schema's `debtorId`, `overdueAmount`, `dueDate`, `invoiceReference` are machine-made (§1.1.6),
 * so Kredo sends one overdue with its invoices under the names below.
 */
export function overdueBody(entry: LossSubmission, policy: AllianzPolicyRef, buyer: { readonly companyId: string; readonly customerCode: string }) {
  return {
    policy,
    companyId: buyer.companyId,
    overdueCategoryTypeCode: entry.detail.category ?? 'OVD',
    customerReference: buyer.customerCode.slice(0, 20),
    ...(entry.detail.newDueDate && { newDueDate: entry.detail.newDueDate }),
    invoices: entry.invoices.map((invoice) => ({
      invoiceReference: invoice.number,
      invoiceDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      amount: numberOf(invoice.grossAmountMinor, invoice.currency),
      netAmount: numberOf(invoice.netAmountMinor, invoice.currency),
      currencyCode: invoice.currency,
    })),
  };
}

/** An overdue as Allianz shows it (UNVERIFIED names: `overdueStatusCode`, `decisionCode`, dates as on cover requests). */
export interface AllianzOverdue {
  readonly overdueId?: unknown;
  readonly overdueCategoryTypeCode?: unknown;
  readonly overdueStatusCode?: unknown;
  readonly decisionCode?: unknown;
  readonly invoices?: readonly { readonly invoiceReference?: unknown }[];
  readonly creationDate?: unknown;
  readonly lastUpdateDate?: unknown;
}

/** Overdue statuses and the insurer's answers (UNVERIFIED codes) as Kredo's canonical ones (shared/sync/loss-submission.ts). */
const OVERDUE_STATUSES: Readonly<Record<string, string>> = { Received: 'RECEIVED', Acknowledged: 'ACKNOWLEDGED', Rejected: 'REJECTED' };
const OVERDUE_DECISIONS: Readonly<Record<string, string>> = { LimitConfirmed: 'LIMIT_CONFIRMED', SupplyBan: 'SUPPLY_BAN', LimitCancelled: 'LIMIT_CANCELLED' };
export const ALLIANZ_OVERDUE_CODES = {
  status: Object.fromEntries(Object.entries(OVERDUE_STATUSES).map(([code, status]) => [status, code])) as Readonly<Record<string, string>>,
  decision: Object.fromEntries(Object.entries(OVERDUE_DECISIONS).map(([code, outcome]) => [outcome, code])) as Readonly<Record<string, string>>,
};

/** The overdue as the canonical feed data `{overdue: {overdueId, status, outcome}}` that the sync applies. */
export function canonicalOverdueOf(item: AllianzOverdue): { overdueId: string; status: string; outcome: string | null; updatedAt: string } | undefined {
  const overdueId = text(item.overdueId);
  const status = OVERDUE_STATUSES[String(item.overdueStatusCode)];
  const updatedAt = instantOf(item.lastUpdateDate) ?? instantOf(item.creationDate);
  if (!overdueId || !status || !updatedAt) return undefined;
  return { overdueId, status, outcome: OVERDUE_DECISIONS[String(item.decisionCode)] ?? null, updatedAt };
}

/** A listed overdue as the record the lost-answer look-up compares. */
export function overdueRecordOf(item: AllianzOverdue): InsurerLossRecord | undefined {
  const overdue = canonicalOverdueOf(item);
  const receivedAt = instantOf(item.creationDate);
  if (!overdue || !receivedAt) return undefined;
  const numbers = (item.invoices ?? []).flatMap((invoice) => (typeof invoice.invoiceReference === 'string' ? [invoice.invoiceReference] : []));
  return { insurerId: overdue.overdueId, status: overdue.status, receivedAt, invoiceNumbers: numbers, variant: text(item.overdueCategoryTypeCode) ?? null };
}

/**
 * Turnover (sales) declarations (issue 18 item 4): no documented Allianz Trade API takes them. EOLIS does "sales and
 * invoice reporting, i.e. turnover declarations" in the portal (insurer-apis.md §1.1.1); a "Policy" API is listed
 * only in machine-generated catalogue material (§1.1.8, illustrative only). So the Allianz gateway has no
 * `declareTurnover` and Kredo saves a CSV for EOLIS (DIALECT_TURNOVER_DECLARATIONS: 'portal'). UNVERIFIED: if Allianz
 * Trade's developer portal offers a sales-declaration route, map it here.
 */
export const ALLIANZ_TURNOVER_DECLARATIONS = 'portal' as const;
