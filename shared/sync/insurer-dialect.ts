import type { CheckRequestKind } from './check-request';
import type { LossKind } from './loss-submission';

/**
 * The API dialects Kredo speaks with an insurer (issue 18, insurer-apis.md §1 and §3): Kredo's own canonical
 * API (what the built-in sandbox speaks first), Atradius's published REST API and Allianz Trade's (API key →
 * bearer token, riskinfo v3 covers with asynchronous jobs, Payment Overdues).
 */
export const INSURER_DIALECTS = ['canonical', 'atradius', 'allianz'] as const;
export type InsurerDialect = (typeof INSURER_DIALECTS)[number];

/** What a dialect's API can do, so the screens offer only what will work and say where the rest is done. */
export interface DialectCapabilities {
  /** Overdue notifications, collection handovers and claims through the API: any of them. */
  readonly lossSubmissions: boolean;
  /** Which of them the API takes; the others are submitted in the insurer's portal. */
  readonly lossKinds: readonly LossKind[];
  /** A change feed with a cursor; without one Kredo polls the covers changed since a watermark. */
  readonly changeFeed: boolean;
  /** The requests about a prospective buyer the API takes besides a limit: a grade-only request, a credit check (check-request.ts). */
  readonly checkRequests: readonly CheckRequestKind[];
}

export const DIALECT_CAPABILITIES: Readonly<Record<InsurerDialect, DialectCapabilities>> = {
  // Kredo's own API offers both (insurer-apis.md §3.2: `type: GRADE_ONLY`, `coverType: CREDIT_CHECK`), so an
  // insurer speaking it can grade a buyer or answer a credit check the way Allianz Trade and Atradius do.
  canonical: { lossSubmissions: true, lossKinds: ['overdue', 'collection', 'claim'], changeFeed: true, checkRequests: ['GRADE_ONLY', 'CREDIT_CHECK'] },
  // Atradius publishes buyer and cover management; no public material shows overdue, collection or claim
  // routes (a "Non-Payments API" is named in one third-party note only, unverified): those go through Atrium.
  // Its credit check (`coverType: credit-check`) is a cover without an amount asked; its buyers come with a rating
  // already, so there is no grade-only request (§1.2.1, §1.2.2).
  atradius: { lossSubmissions: false, lossKinds: [], changeFeed: false, checkRequests: ['CREDIT_CHECK'] },
  // Allianz Trade publishes a Payment Overdues API (OVD, EXP, RES: insurer-apis.md §1.1.6). Its claims and
  // collections APIs appear only in machine-generated material (§1.1.8): those go through EOLIS. No change
  // feed either: cover search and cover-request search polled from a watermark.
  // A grade comes with a grade-only cover request (`GradeCover`, §1.1.7), not with company matching; Allianz has
  // no credit-check product.
  allianz: { lossSubmissions: true, lossKinds: ['overdue'], changeFeed: false, checkRequests: ['GRADE_ONLY'] },
};

/** The secrets each dialect signs in with: one API key (canonical, Allianz Trade), or Atradius's app key, client id and client secret. */
export const DIALECT_SECRETS = {
  canonical: ['apiKey'],
  atradius: ['appKey', 'clientId', 'clientSecret'],
  allianz: ['apiKey'],
} as const satisfies Record<InsurerDialect, readonly string[]>;

/**
 * Where a dialect's test environment is, offered as the address to start with (insurer-apis.md §1.1.2 and
 * §1.2.2: test first). Allianz Trade's UAT host carries its environment in the path (`/uatm`).
 */
export const DIALECT_TEST_URLS: Readonly<Record<InsurerDialect, string>> = {
  canonical: '',
  atradius: 'https://api-uat.atradius.com',
  allianz: 'https://api-services.uat.1placedessaisons.com/uatm',
};

/**
 * How each dialect takes a turnover (sales) declaration (issue 18 item 4), beside DIALECT_CAPABILITIES: `api` is
 * sent from Kredo and answered with the premium; `portal` means no public API takes it, so Kredo prepares the
 * declaration as a file (CSV) for the controller to enter in the insurer's portal, and the screen says so.
 */
export const DIALECT_TURNOVER_DECLARATIONS: Readonly<Record<InsurerDialect, 'api' | 'portal'>> = {
  // Kredo's own API: POST /v1/policies/{policyId}/turnover-declarations (insurer-apis.md §3.2).
  canonical: 'api',
  // Atradius's published APIs are organisation management (buyers) and cover management (§1.2.2); turnover for
  // the advance premium (§1.2.1 glossary) is declared in Atrium. No public turnover route: unverified that none exists.
  atradius: 'portal',
  // Allianz Trade's EOLIS does "sales and invoice reporting, i.e. turnover declarations" in the portal (§1.1.1);
  // a Policy API appears only in machine-generated material (§1.1.8), not as a documented route: portal it is.
  allianz: 'portal',
};
