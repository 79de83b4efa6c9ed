import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { LimitRequestType } from '../../../../shared/sync/limit-outbox';
import type { LossKind } from '../../../../shared/sync/loss-submission';
import type { KredoDb } from '../db/kredo-db';

/** One request to the insurer as the outbox on the Insurer sync screen lists it: a limit request or a loss submission. */
export interface OutboxRow {
  readonly id: string;
  readonly kind: 'limit' | LossKind;
  readonly debtorId: string;
  /** Absent when the debtor is no longer in the store (merged away, say). */
  readonly debtorName?: string;
  readonly chunkId?: number;
  readonly createdAt: string;
  readonly sentAt?: string;
  readonly lastAttemptAt?: string;
  readonly notBefore?: string;
  readonly state: string;
  readonly attempts: number;
  readonly lastProblem?: { readonly status: number; readonly code?: string };
  readonly requestType?: LimitRequestType;
  readonly amountMinor?: number;
  readonly currency?: string;
  /** Loss submissions: the insurer's status and answer. */
  readonly insurerStatus?: string;
  readonly outcome?: string;
  /** A decided limit request: the limit the insurer decided, when Kredo holds its cover. */
  readonly decided?: Pick<CreditLimit, 'status' | 'decidedAmountMinor' | 'currency'>;
}

export interface OutboxPage {
  readonly total: number;
  /** Newest first (the controller's own requests: hundreds a year, not the portfolio). */
  readonly rows: readonly OutboxRow[];
}

const newestFirst = (a: { readonly createdAt: string; readonly id: string }, b: { readonly createdAt: string; readonly id: string }) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1;

/**
 * One page of everything sent or to be sent to the insurer (issue 17). Both outboxes are read whole — they hold
 * the controller's own requests — but names and decided limits only for the page's rows: the debtor chunks
 * until each name is found, and each decided cover through the limit chunks' cover-id index (migration 0014).
 */
export async function readOutbox(db: KredoDb, page: { readonly offset: number; readonly limit: number }): Promise<OutboxPage> {
  const [limits, losses] = await Promise.all([db.limitOutbox.toArray(), db.lossOutbox.toArray()]);
  const all: OutboxRow[] = [
    ...limits.map((entry): OutboxRow => ({
      id: entry.id, kind: 'limit', debtorId: entry.debtorId, createdAt: entry.createdAt, state: entry.state, attempts: entry.attempts, requestType: entry.type, currency: entry.currency,
      ...(entry.amountMinor !== undefined && { amountMinor: entry.amountMinor }),
      ...(entry.sentAt !== undefined && { sentAt: entry.sentAt }),
      ...(entry.lastAttemptAt !== undefined && { lastAttemptAt: entry.lastAttemptAt }),
      ...(entry.notBefore !== undefined && { notBefore: entry.notBefore }),
      ...(entry.lastProblem !== undefined && { lastProblem: entry.lastProblem }),
      ...(entry.coverId !== undefined && { coverId: entry.coverId }),
    })),
    ...losses.map((entry): OutboxRow => ({
      id: entry.id, kind: entry.kind, debtorId: entry.debtorId, createdAt: entry.createdAt, state: entry.state, attempts: entry.attempts,
      amountMinor: entry.invoices.reduce((sum, invoice) => sum + invoice.grossAmountMinor, 0),
      ...(entry.invoices[0] && { currency: entry.invoices[0].currency }),
      ...(entry.sentAt !== undefined && { sentAt: entry.sentAt }),
      ...(entry.lastAttemptAt !== undefined && { lastAttemptAt: entry.lastAttemptAt }),
      ...(entry.notBefore !== undefined && { notBefore: entry.notBefore }),
      ...(entry.lastProblem !== undefined && { lastProblem: entry.lastProblem }),
      ...(entry.insurerStatus !== undefined && { insurerStatus: entry.insurerStatus }),
      ...(entry.outcome !== undefined && { outcome: entry.outcome }),
    })),
  ].sort(newestFirst);
  const shown = all.slice(page.offset, page.offset + page.limit);
  const missing = new Set(shown.map((row) => row.debtorId));
  const names = new Map<string, { readonly name: string; readonly chunkId: number }>();
  if (missing.size > 0) {
    await db.debtorChunks.toCollection().until(() => missing.size === 0).each((chunk) => {
      for (const debtor of chunk.debtors) {
        if (!missing.delete(debtor.id)) continue;
        names.set(debtor.id, { name: debtor.name, chunkId: chunk.chunkId });
      }
    });
  }
  const rows = await Promise.all(
    shown.map(async (row) => {
      const { coverId, ...rest } = row as OutboxRow & { readonly coverId?: string };
      const debtor = names.get(row.debtorId);
      const limit = row.state === 'DECIDED' && coverId ? await decidedLimit(db, coverId) : undefined;
      return { ...rest, ...(debtor && { debtorName: debtor.name, chunkId: debtor.chunkId }), ...(limit && { decided: { status: limit.status, decidedAmountMinor: limit.decidedAmountMinor, currency: limit.currency } }) };
    }),
  );
  return { total: all.length, rows };
}

async function decidedLimit(db: KredoDb, coverId: string): Promise<CreditLimit | undefined> {
  const chunk = await db.limitChunks.where('coverIds').equals(coverId).first();
  return chunk?.limits.find((limit) => limit.coverId === coverId) ?? chunk?.limits.find((limit) => limit.otherCovers?.some((other) => other.coverId === coverId));
}
