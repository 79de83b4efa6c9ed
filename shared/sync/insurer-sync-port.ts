import type { CompanyIdentifier } from '../domain/identifiers/identifier-type';
import type { InsurerCover } from './insurer-cover';
import type { InsurerLossRecord, InsurerRequestRecord } from './insurer-lookup';
import type { RejectedItem } from './insurer-rejects';
import type { LimitOutboxEntry } from './limit-outbox';
import type { LossSubmission } from './loss-submission';

/**
 * What the sync engine (in the data worker, next to the store) needs from the insurer. The main process
 * implements it over HTTP with the credentials (electron/main/insurer/insurer-gateway.ts); errors arrive
 * as codes: `insurer.unavailable` (try later), `insurer.refused` (the request itself was refused),
 * `insurer.resyncNeeded` (the feed cursor expired).
 */
export interface InsurerSyncPort {
  /** Every cover, read `pageSize` at a time, and the feed cursor to continue from; those that do not fit the schema apart. */
  fullResync(pageSize?: number): Promise<{ readonly covers: readonly InsurerCover[]; readonly cursor: string; readonly rejected?: readonly RejectedItem[] }>;
  changes(cursor: string): Promise<{ readonly items: readonly unknown[]; readonly nextCursor: string; readonly hasMore: boolean }>;
  lookupBuyer(country: string, identifiers: readonly CompanyIdentifier[]): Promise<string | undefined>;
  /** A 201 whose cover does not fit the schema is decided all the same, with `rejected` saying what is wrong. */
  submit(entry: LimitOutboxEntry, buyer: { readonly companyId: string; readonly customerCode: string }): Promise<{ readonly decided: boolean; readonly requestId?: string; readonly cover?: InsurerCover; readonly rejected?: RejectedItem }>;
  /** Sends an overdue notification, collection handover or claim; the insurer answers with its id and status. */
  /**
   * A submission as the insurer holds it now, as feed-event data (`{claim}`, `{settlement}` …): after a
   * full resync the feed's history is gone, so open submissions are read one by one instead.
   */
  lossStatus(kind: LossSubmission['kind'], insurerId: string): Promise<readonly Record<string, unknown>[]>;
  submitLoss(entry: LossSubmission, buyer: { readonly companyId: string; readonly customerCode: string }): Promise<{ readonly insurerId: string; readonly status: string }>;
  /**
   * The insurer's cover requests for a buyer made or decided since `since`, and its overdue notifications,
   * collection cases or claims: where a request whose answer was lost is looked up (outbox-check.ts).
   */
  coverRequests(companyId: string, since: string): Promise<readonly InsurerRequestRecord[]>;
  lossRecords(kind: LossSubmission['kind'], companyId: string, since: string): Promise<readonly InsurerLossRecord[]>;
}

/** The error codes the port's methods throw, as KredoError codes. */
export const SYNC_ERROR_CODES = { unavailable: 'insurer.unavailable', refused: 'insurer.refused', resyncNeeded: 'insurer.resyncNeeded' } as const;
