import type { CompanyIdentifier } from '../../shared/domain/identifiers/identifier-type';
import type { CodedText, LimitStatus } from '../../shared/domain/limits/credit-limit';
import type { InsurancePolicy } from '../../shared/domain/policy/insurance-policy';
import type { IsoDate } from '../../shared/time/iso-date';
import type { LossState } from './loss-state';

/**
 * Everything the insurer sandbox remembers, as plain JSON so it can be written to one file after every
 * change and read back on start. Amounts are integer minor units here; only the HTTP views turn them
 * into decimal strings (insurer-apis.md §3.1).
 */
export interface SandboxCompany {
  /** The insurer's own buyer id, which the client stores beside its identifiers. */
  readonly companyId: string;
  /** The demo debtor this buyer was made from, so the app's demo and the sandbox describe the same firms; `PROSPECT-n` for a company that is no demo debtor (seed-prospects.ts). */
  readonly debtorId: string;
  readonly legalName: string;
  readonly country: string;
  readonly address: { readonly street: string; readonly postalCode: string; readonly city: string; readonly country: string };
  readonly identifiers: readonly CompanyIdentifier[];
  grade: number;
  gradeUpdatedOn: IsoDate;
}

export interface SandboxTranche {
  readonly amountMinor: number;
  readonly effectiveFrom: IsoDate;
  readonly expiresOn: IsoDate | null;
  readonly kind: 'permanent' | 'temporary';
}

export interface SandboxPendingChange {
  readonly type: 'REDUCTION' | 'WITHDRAWAL';
  readonly newAmountMinor: number;
  readonly effectiveFrom: IsoDate;
  readonly noticeGivenAt: string;
}

/** A cover: the insurer's decision in force for one buyer on the policy. */
export interface SandboxCover {
  readonly coverId: string;
  readonly companyId: string;
  customerReference: string | null;
  status: LimitStatus;
  readonly currency: string;
  requestedAmountMinor: number | null;
  decidedAmountMinor: number;
  tranches: SandboxTranche[];
  conditions: CodedText[];
  reasons: CodedText[];
  pendingChange: SandboxPendingChange | null;
  decidedAt: string | null;
  updatedAt: string;
  version: number;
  /** A credit check (the policy's fixed amount, no amount asked: buyer-checks.ts); absent for a credit limit. */
  coverType?: 'CREDIT_CHECK';
}

export const COVER_REQUEST_TYPES = ['NEW', 'INCREASE', 'REDUCE', 'CANCEL'] as const;
export type CoverRequestType = (typeof COVER_REQUEST_TYPES)[number];

export interface SandboxCoverRequest {
  readonly requestId: string;
  readonly jobId: string;
  readonly companyId: string;
  readonly coverId: string;
  readonly type: CoverRequestType;
  readonly requestedAmountMinor: number | null;
  readonly currency: string;
  readonly creditTermsDays: number | null;
  readonly comment: string | null;
  readonly customerReference: string | null;
  status: 'PENDING' | 'DECIDED' | 'WITHDRAWN';
  readonly receivedAt: string;
  /** When an underwriter will have decided a referred request (virtual time). */
  decideAt: string | null;
  decidedAt: string | null;
  outcome: LimitStatus | null;
  /** A credit check's application (buyer-checks.ts); absent for a credit limit. */
  readonly coverType?: 'CREDIT_CHECK';
}

export const FEED_EVENT_TYPES = [
  'REQUEST_RECEIVED', 'REQUEST_REFERRED', 'REQUEST_WITHDRAWN', 'DECISION_ISSUED', 'LIMIT_REDUCTION_NOTIFIED',
  'LIMIT_REDUCED', 'LIMIT_WITHDRAWN', 'LIMIT_CANCELLED', 'TEMPORARY_TRANCHE_EXPIRED',
  'OVERDUE_ACKNOWLEDGED', 'SUPPLY_BAN_IMPOSED', 'COLLECTION_STATUS_CHANGED', 'CLAIM_STATUS_CHANGED', 'SETTLEMENT_PAID', 'GRADE_CHANGED',
] as const;
export type FeedEventType = (typeof FEED_EVENT_TYPES)[number];

export interface SandboxEvent {
  /** Position in the feed; cursors point between positions. */
  readonly seq: number;
  readonly eventId: string;
  readonly occurredAt: string;
  readonly type: FeedEventType;
  readonly resourceType: 'cover' | 'cover-request' | 'overdue' | 'collection-case' | 'claim' | 'settlement' | 'company';
  readonly resourceId: string;
  readonly companyId: string;
  readonly data: Record<string, unknown>;
}

export interface ApiKeyRecord {
  readonly apiKey: string;
  readonly clientId: string;
  readonly policyIds: readonly string[];
}

export interface TokenRecord {
  readonly token: string;
  readonly clientId: string;
  expiresAt: string;
}

/** Consecutive bad credentials from one caller, and the lockout they earned. */
export interface LockoutRecord {
  failures: number;
  lockouts: number;
  lockedUntil: string | null;
}

/** A write's answer, kept so that the same Idempotency-Key gets the same answer again. */
export interface IdempotencyRecord {
  readonly scope: string;
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  readonly storedAt: string;
}

export interface SandboxSettings {
  tokenTtlSeconds: number;
  /** How long (virtual hours) an underwriter takes over a referred request. */
  referralHours: number;
  /** How long a change-feed cursor stays valid (virtual hours); Cesce keeps two days. */
  feedRetentionHours: number;
  /** Consecutive bad credentials before a lockout, and the first lockout's length (it doubles each time). */
  maxAuthFailures: number;
  lockoutMinutes: number;
  /** Real-time token bucket per caller: sustained requests per second and burst size. */
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** How long a stored Idempotency-Key answer is replayed (virtual hours). */
  idempotencyHours: number;
  /** How long (virtual hours) the insurer takes to answer an overdue notification. */
  overdueResponseHours: number;
  /** A collection case: hours until the collectors start, then days until they recover or give up. */
  collectionStartHours: number;
  collectionResolutionDays: number;
  /** A claim: hours until assessment starts, days the assessment takes, days from approval to payment. */
  claimAssessmentHours: number;
  claimDecisionDays: number;
  indemnityPaymentDays: number;
}

export type SandboxPolicy = InsurancePolicy & {
  /** The most the insurer covers on one buyer under this policy. */
  readonly maxCoverPerBuyerMinor: number;
};

export interface SandboxState extends LossState {
  readonly format: 1;
  readonly seed: number;
  /** Virtual time = the host clock + this offset; admin routes move it forward. */
  clockOffsetMs: number;
  readonly policy: SandboxPolicy;
  companies: SandboxCompany[];
  covers: SandboxCover[];
  requests: SandboxCoverRequest[];
  events: SandboxEvent[];
  nextSeq: number;
  nextRequestNumber: number;
  /** Cursors carry the epoch they were made in; raising it expires every cursor at once. */
  cursorEpoch: number;
  apiKeys: ApiKeyRecord[];
  tokens: TokenRecord[];
  lockouts: Record<string, LockoutRecord>;
  idempotency: Record<string, IdempotencyRecord>;
  settings: SandboxSettings;
}

export const DEFAULT_SETTINGS: SandboxSettings = {
  tokenTtlSeconds: 3_600,
  referralHours: 4,
  feedRetentionHours: 48,
  maxAuthFailures: 5,
  lockoutMinutes: 5,
  rateLimitPerSecond: 10,
  rateLimitBurst: 20,
  idempotencyHours: 24,
  overdueResponseHours: 24,
  collectionStartHours: 24,
  collectionResolutionDays: 30,
  claimAssessmentHours: 24,
  claimDecisionDays: 14,
  indemnityPaymentDays: 30,
};

/** The API key the demo uses; printed by `npm run sandbox`. Not a secret: the sandbox holds no real data. */
export const DEMO_API_KEY = 'ks_demo_4f7c2a9e1b8d4c6e';
