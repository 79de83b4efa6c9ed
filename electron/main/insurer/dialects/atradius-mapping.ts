import type { CompanyIdentifier, IdentifierType } from '../../../../shared/domain/identifiers/identifier-type';
import { minorUnitDigits, toDecimalString } from '../../../../shared/money/money';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import type { InsurerRequestRecord } from '../../../../shared/sync/insurer-lookup';
import type { ClientAuth } from '../insurer-client';

/**
 * Atradius's API (api.atradius.com) mapped onto Kredo's canonical model, in one file so that someone with
 * access to Atradius's developer handbooks (behind registration) can correct it in one place.
 * Source: insurer-apis.md §1.2.2, from public client code calling the real API. Every name marked
 * UNVERIFIED below is Kredo's best guess, not seen in public material; the built-in sandbox's Atradius
 * dialect (electron/sandbox/atradius-routes.ts) sends exactly these guesses, so the sandbox cannot prove them.
 */

/** Routes, relative to the host (https://api.atradius.com, UAT https://api-uat.atradius.com). */
export const ATRADIUS_PATHS = {
  /** Seen: `/authenticate/v2/tokens` (v1 in one client's UAT). */
  token: '/authenticate/v2/tokens',
  /** Seen: organisation-management v1 buyers, by national identifier. */
  buyers: '/credit-insurance/organisation-management/v1/buyers',
  /** Seen: cover-management v1 covers (GET with fromDate, POST a new cover, PUT supersede / reduce / cancel). */
  covers: '/credit-insurance/cover-management/v1/covers',
  /** UNVERIFIED: no public material shows a policy route; this path and its fields are Kredo's guess. */
  policy: (policyId: string) => `/credit-insurance/policy-management/v1/policies/${encodeURIComponent(policyId)}`,
} as const;

export interface AtradiusSecrets {
  readonly appKey: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Where Atradius's error array says what went wrong: `{"errors":[{"detail","source":{"parameter"}}]}` (seen). */
interface AtradiusError {
  readonly detail?: unknown;
  readonly source?: { readonly parameter?: unknown; readonly pointer?: unknown };
}

/**
 * Atradius's error texts (seen in public client code) as Kredo's problem codes, which locales/*\/errors.json
 * translate. The texts are matched loosely: the client code compares them as whole strings.
 */
const ERROR_TEXTS: readonly (readonly [RegExp, string])[] = [
  [/no buyer match found/i, 'no_buyer_match'],
  [/already exists for this buyer/i, 'cover_already_exists'],
  [/multiple of 1000/i, 'amount_not_multiple_of_1000'],
  [/cannot supersede existing cover/i, 'amount_not_an_increase'],
  [/action has been refused/i, 'action_refused'],
  // UNVERIFIED: the text for a second application while one is with an underwriter is not public; the
  // sandbox sends this one. Mapped to the canonical 409 code so Kredo looks its own request up (outbox-check.ts).
  [/already being assessed/i, 'request_already_pending'],
];

/** Codes by status when the text is not one Kredo knows (statuses seen: 400 401 403 404 405 406 408 422 500 503). */
const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'invalid_body',
  401: 'invalid_credentials',
  403: 'policy_not_in_scope',
  404: 'no_buyer_match',
  409: 'request_already_pending',
  422: 'action_refused',
};

/** Atradius's JSON:API-style error body as a Kredo problem code and the insurer's own words. */
export function atradiusProblemOf(body: unknown, status: number): { type?: string; detail?: string } {
  const errors = (body as { errors?: unknown } | null | undefined)?.errors;
  const first = Array.isArray(errors) ? (errors[0] as AtradiusError | undefined) : undefined;
  const detail = typeof first?.detail === 'string' ? first.detail : undefined;
  const known = detail === undefined ? undefined : ERROR_TEXTS.find(([pattern]) => pattern.test(detail))?.[1];
  const type = known ?? STATUS_CODES[status];
  return { ...(type !== undefined && { type }), ...(detail !== undefined && { detail }) };
}

/**
 * Sign-in with three secrets (seen): `POST /authenticate/v2/tokens` with `Atradius-App-Key` and HTTP Basic
 * client id and secret; every later call sends the bearer token and the app key again. The answer is
 * `{"data":{"access_token"}}` (v2) or `{"data":{"accessToken"}}` (v1); `expires_in` is "about 3600" —
 * UNVERIFIED whether it sits inside `data`, so both places are read, and an hour assumed when absent.
 */
export function atradiusAuth(secrets: AtradiusSecrets): ClientAuth {
  const basic = Buffer.from(`${secrets.clientId}:${secrets.clientSecret}`, 'utf8').toString('base64');
  return {
    signIn: () => ({ path: ATRADIUS_PATHS.token, init: { method: 'POST', headers: { 'Atradius-App-Key': secrets.appKey, Authorization: `Basic ${basic}` } } }),
    readToken(body) {
      const outer = (body ?? {}) as { data?: Record<string, unknown>; expires_in?: unknown };
      const data = outer.data ?? {};
      const value = data['access_token'] ?? data['accessToken'];
      const expiresIn = data['expires_in'] ?? outer.expires_in;
      if (typeof value !== 'string' || value === '') return undefined;
      return { value, expiresInSeconds: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 3_600 };
    },
    headers: (token) => ({ Authorization: `Bearer ${token}`, 'Atradius-App-Key': secrets.appKey }),
    problemOf: atradiusProblemOf,
  };
}

/** ISO 3166 alpha-2 (Kredo's debtors) → alpha-3 (Atradius, seen: `country=FRA`). */
const ALPHA3: Readonly<Record<string, string>> = {
  NL: 'NLD', SE: 'SWE', GB: 'GBR', BE: 'BEL', DE: 'DEU', FR: 'FRA', DK: 'DNK', NO: 'NOR', FI: 'FIN', ES: 'ESP', IT: 'ITA',
  PT: 'PRT', AT: 'AUT', CH: 'CHE', IE: 'IRL', LU: 'LUX', PL: 'POL', CZ: 'CZE', US: 'USA', CA: 'CAN', EE: 'EST', LV: 'LVA', LT: 'LTU',
};
export const alpha3Of = (country: string): string | undefined => ALPHA3[country.toUpperCase()];

/**
 * Kredo's identifier types as Atradius `uidType` codes. Only `SN` (French SIREN) is seen in public code;
 * every code here is UNVERIFIED. VAT numbers are tried last: the registry number is the company itself.
 */
const UID_TYPES: Readonly<Partial<Record<IdentifierType, string>>> = { NL_KVK: 'KVK', SE_ORGNR: 'ORGNR', GB_CRN: 'CRN', NL_RSIN: 'RSIN', NL_VAT: 'VAT', SE_VAT: 'VAT', GB_VAT: 'VAT' };
const UID_ORDER: readonly IdentifierType[] = ['NL_KVK', 'SE_ORGNR', 'GB_CRN', 'NL_RSIN', 'NL_VAT', 'SE_VAT', 'GB_VAT'];

/** The buyer look-ups to try, best identifier first: `?country=NLD&uid=…&uidType=KVK`. */
export function buyerQueries(country: string, identifiers: readonly CompanyIdentifier[]): URLSearchParams[] {
  const alpha3 = alpha3Of(country);
  if (!alpha3) return [];
  return [...identifiers]
    .filter((identifier) => UID_TYPES[identifier.type] !== undefined)
    .sort((a, b) => UID_ORDER.indexOf(a.type) - UID_ORDER.indexOf(b.type))
    .map((identifier) => new URLSearchParams({ country: alpha3, uid: identifier.value, uidType: UID_TYPES[identifier.type]! }));
}

/**
 * A buyer of the organisation-management search as the credit check shows it. `buyerId`, `buyerName` and
 * `buyerRating` are seen in public client code; the address (`buyerAddress {addressLine1, postCode, town}`) is
 * UNVERIFIED, and so is that `buyerRating` is on the 1–10 scale (a rating outside it is left out).
 */
export function buyerOf(item: unknown, country: string): { companyId: string; name: string; country: string; address?: { street: string; postalCode: string; city: string }; rating?: unknown } | undefined {
  const buyer = item as { buyerId?: unknown; buyerName?: unknown; buyerRating?: unknown; buyerAddress?: { addressLine1?: unknown; postCode?: unknown; town?: unknown } } | undefined;
  const companyId = typeof buyer?.buyerId === 'number' ? String(buyer.buyerId) : buyer?.buyerId;
  if (typeof companyId !== 'string' || companyId === '') return undefined;
  const address = buyer?.buyerAddress;
  return {
    companyId,
    name: typeof buyer?.buyerName === 'string' ? buyer.buyerName.slice(0, 300) : '',
    country: country.toUpperCase(),
    // UNVERIFIED, so it may well be absent or named otherwise: without a town the check shows no address at all.
    ...(typeof address?.town === 'string' && address.town.trim() !== '' && { address: { street: String(address.addressLine1 ?? ''), postalCode: String(address.postCode ?? ''), city: address.town } }),
    rating: buyer?.buyerRating,
  };
}

/** Atradius amounts are numbers in the policy currency (seen); Kredo's are exact decimal strings. */
export function decimalOf(amount: unknown, currency: string): string | undefined {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return undefined;
  return amount.toFixed(minorUnitDigits(currency));
}

/** One `…AmtDecision` (seen): `{decisionAmtInPolicyCurrency, decisionExpiryDate, decisionConditions[{conditionDescription}]}`. */
interface AmountDecision {
  readonly decisionAmtInPolicyCurrency?: unknown;
  /** UNVERIFIED: when the tranche starts; the decision date is used when absent. */
  readonly decisionEffectiveDate?: unknown;
  readonly decisionExpiryDate?: unknown;
  readonly decisionConditions?: readonly { readonly conditionCode?: unknown; readonly conditionDescription?: unknown }[];
}

/** An Atradius cover as the covers list and the POST / PUT answers hold it. */
export interface AtradiusCover {
  /** UNVERIFIED name of the cover's id. */
  readonly coverId?: unknown;
  /** Seen (the buyer id of organisation management). */
  readonly buyerId?: unknown;
  /** Seen as a request field; UNVERIFIED that the cover returns it. */
  readonly customerRefNumber?: unknown;
  /** Seen: `credit-check` | `credit-limit`. */
  readonly coverType?: unknown;
  /** Seen: `DECISION` | `REFERRED`. UNVERIFIED: `CANCELLED`, `WITHDRAWN`, `EXPIRED` for a cover that ended. */
  readonly coverStatus?: unknown;
  /** UNVERIFIED: the cover's currency; the policy currency is assumed when absent. */
  readonly currencyCode?: unknown;
  readonly creditLimitApplicationAmountInPolicyCurrency?: unknown;
  readonly totalDecision?: { readonly decisionAmtInPolicyCurrency?: unknown };
  readonly firstAmtDecision?: AmountDecision | null;
  readonly secondAmtDecision?: AmountDecision | null;
  /** UNVERIFIED: Atradius announces reductions and withdrawals 30 days ahead (support.atradius.be); how the API shows it is not public. */
  readonly announcedChange?: { readonly changeType?: unknown; readonly newDecisionAmtInPolicyCurrency?: unknown; readonly effectiveDate?: unknown; readonly announcementDate?: unknown } | null;
  /** UNVERIFIED: the application behind the latest decision (or the one referred), and when and what it asked. */
  readonly applicationId?: unknown;
  readonly applicationType?: unknown;
  readonly applicationDate?: unknown;
  /** UNVERIFIED: when it was decided and last changed; `fromDate` filters on a date like these (seen). */
  readonly decisionDate?: unknown;
  readonly lastUpdatedDate?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const day = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined);
/** Atradius's instants may lack a zone (the seen `fromDate=2024-01-01T00:00:00`): read as UTC. UNVERIFIED. */
export const instantOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || value.length <= 10 ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};
/** `fromDate` as the seen sample writes it: seconds, no zone (UTC). */
export const fromDateOf = (instant: string): string => new Date(instant).toISOString().slice(0, 19);

/** Application types (UNVERIFIED names) and Kredo's request types: `supersede` / `reduce` / `cancel` are the seen PUT actions. */
const APPLICATION_TYPES: Readonly<Record<string, LimitOutboxEntry['type']>> = { new: 'NEW', supersede: 'INCREASE', reduce: 'REDUCE', cancel: 'CANCEL' };
export const PUT_ACTIONS: Readonly<Partial<Record<LimitOutboxEntry['type'], string>>> = { INCREASE: 'supersede', REDUCE: 'reduce', CANCEL: 'cancel' };

const ENDED: Readonly<Record<string, string>> = { CANCELLED: 'CANCELLED', WITHDRAWN: 'WITHDRAWN', EXPIRED: 'EXPIRED' };

/** Whether a covers-list item is an application still with an underwriter (`REFERRED`): not a decision. */
export const isReferred = (cover: AtradiusCover): boolean => cover.coverStatus === 'REFERRED';

/**
 * An Atradius cover in Kredo's canonical shape (shared/sync/insurer-cover.ts), to be checked against that
 * schema by the caller: a field Atradius did not send stays missing and the cover is set aside, never guessed.
 * Atradius shows no status beyond DECISION, so Kredo reads it from the amounts: 0 is a refusal (seen:
 * "0 means refused"), less than applied for a partial approval, otherwise approved. There is no version
 * either: the last change's instant in milliseconds stands in for it, so a later change always wins.
 */
export function canonicalCoverOf(cover: AtradiusCover, policyCurrency: string): Record<string, unknown> {
  const currency = text(cover.currencyCode) ?? policyCurrency;
  const decided = decimalOf(cover.totalDecision?.decisionAmtInPolicyCurrency, currency);
  const requested = decimalOf(cover.creditLimitApplicationAmountInPolicyCurrency, currency);
  const decidedAt = instantOf(cover.decisionDate);
  const updatedAt = instantOf(cover.lastUpdatedDate) ?? decidedAt;
  const status = ENDED[String(cover.coverStatus)] ?? (decided === undefined ? undefined : Number(decided) === 0 ? 'REFUSED' : requested !== undefined && Number(decided) < Number(requested) ? 'PARTIALLY_APPROVED' : 'APPROVED');
  const tranche = (decision: AmountDecision | null | undefined, kind: 'permanent' | 'temporary') => {
    const amount = decision ? decimalOf(decision.decisionAmtInPolicyCurrency, currency) : undefined;
    if (!decision || amount === undefined || Number(amount) === 0) return [];
    return [{ amount, effectiveFrom: day(decision.decisionEffectiveDate) ?? day(cover.decisionDate), expiresAt: day(decision.decisionExpiryDate) ?? null, kind: day(decision.decisionExpiryDate) ? 'temporary' : kind }];
  };
  const conditions = [cover.firstAmtDecision, cover.secondAmtDecision].flatMap((decision) =>
    (decision?.decisionConditions ?? []).flatMap((condition) => (typeof condition.conditionDescription === 'string' ? [{ code: text(condition.conditionCode)?.slice(0, 40) ?? 'ATRADIUS', description: condition.conditionDescription.slice(0, 500) }] : [])),
  );
  const change = cover.announcedChange;
  const changeType = change?.changeType === 'REDUCTION' || change?.changeType === 'WITHDRAWAL' ? change.changeType : undefined;
  return {
    coverId: text(cover.coverId),
    companyId: text(cover.buyerId),
    customerReference: text(cover.customerRefNumber) ?? null,
    status,
    requestedAmount: requested ?? null,
    decidedAmount: decided,
    currency,
    tranches: [...tranche(cover.firstAmtDecision, 'permanent'), ...tranche(cover.secondAmtDecision, 'temporary')],
    conditions,
    reasons: [],
    pendingChange: change && changeType ? { type: changeType, newAmount: decimalOf(change.newDecisionAmtInPolicyCurrency, currency), effectiveFrom: day(change.effectiveDate), noticeGivenAt: instantOf(change.announcementDate) } : null,
    decidedAt: decidedAt ?? null,
    updatedAt,
    version: updatedAt === undefined ? undefined : Date.parse(updatedAt),
  };
}

/** The application an item holds, as the record the lost-answer look-up compares (shared/sync/insurer-lookup.ts). */
export function requestRecordOfCover(cover: AtradiusCover, policyCurrency: string): InsurerRequestRecord | undefined {
  const requestId = text(cover.applicationId);
  const type = APPLICATION_TYPES[String(cover.applicationType)];
  const receivedAt = instantOf(cover.applicationDate);
  if (!requestId || !type || !receivedAt) return undefined;
  const currency = text(cover.currencyCode) ?? policyCurrency;
  const requested = decimalOf(cover.creditLimitApplicationAmountInPolicyCurrency, currency);
  const amountMinor = type === 'CANCEL' || requested === undefined ? null : Math.round(Number(requested) * 10 ** minorUnitDigits(currency));
  return { requestId, type, amountMinor, currency, status: isReferred(cover) ? 'PENDING' : 'DECIDED', receivedAt, ...(text(cover.coverId) && { coverId: text(cover.coverId)! }) };
}

/**
 * The body of a cover application (seen: `{customerId, policyId, buyerId, coverType, creditLimitAmount,
 * currencyCode, customerRefNumber}`); a change to a cover is a PUT with `action` (seen: supersede, reduce,
 * cancel). UNVERIFIED: that the PUT body names the buyer rather than a cover id.
 */
export function applicationBody(entry: LimitOutboxEntry, ids: { readonly customerId: string; readonly policyId: string }, buyer: { readonly companyId: string; readonly customerCode: string }) {
  const amount = entry.amountMinor === undefined ? undefined : Number(toDecimalString({ amountMinor: entry.amountMinor, currency: entry.currency }));
  return {
    customerId: ids.customerId,
    policyId: ids.policyId,
    buyerId: buyer.companyId,
    coverType: 'credit-limit',
    ...(PUT_ACTIONS[entry.type] !== undefined && { action: PUT_ACTIONS[entry.type] }),
    ...(amount !== undefined && entry.type !== 'CANCEL' && { creditLimitAmount: amount }),
    currencyCode: entry.currency,
    // The customer number comes back on the cover: how a new cover finds its debtor (applyInsurerCovers).
    customerRefNumber: buyer.customerCode,
  };
}

/**
 * A credit check (issue 18 item 3): Atradius's "review / credit check", a fixed amount set in the policy with an
 * immediate positive or negative answer (insurer-apis.md §1.2.1). Seen: `coverType: credit-check` among the cover
 * types and the application's fields above. UNVERIFIED: that a credit check is applied for by the same POST with
 * no `creditLimitAmount` (the amount being the policy's), and that it is answered 201 with the cover — a refusal
 * as `totalDecision.decisionAmtInPolicyCurrency: 0`, as for a credit limit.
 */
export function creditCheckBody(ids: { readonly customerId: string; readonly policyId: string }, buyer: { readonly companyId: string; readonly customerCode?: string }, currency: string) {
  return {
    customerId: ids.customerId,
    policyId: ids.policyId,
    buyerId: buyer.companyId,
    coverType: 'credit-check',
    currencyCode: currency,
    ...(buyer.customerCode !== undefined && buyer.customerCode !== '' && { customerRefNumber: buyer.customerCode }),
  };
}

/**
 * Turnover (sales) declarations (issue 18 item 4): no public Atradius API takes them. The published APIs are
 * organisation management and cover management (insurer-apis.md §1.2.2); turnover for the advance premium
 * (§1.2.1 glossary: "an advance premium is settled after turnover is declared") is declared in Atrium. So the
 * Atradius gateway has no `declareTurnover` and Kredo saves a CSV for Atrium (DIALECT_TURNOVER_DECLARATIONS:
 * 'portal'). UNVERIFIED that Atradius has no such route behind its developer registration: if one exists, map it here.
 */
export const ATRADIUS_TURNOVER_DECLARATIONS = 'portal' as const;
