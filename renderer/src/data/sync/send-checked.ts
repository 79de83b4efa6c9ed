import type { Table } from 'dexie';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import type { InsurerSyncPort } from '../../../../shared/sync/insurer-sync-port';
import { dueEntries } from '../../../../shared/sync/limit-outbox';
import { checkFailed, idempotencyKeyOf, needsCheck, notFoundAtInsurer, type CheckableEntry } from '../../../../shared/sync/outbox-check';
import { MAX_RETRY_AFTER_MS, retryDelay, type CallOutcome } from '../../../../shared/sync/retry-policy';
import type { KredoDb } from '../db/kredo-db';
import type { SyncClock } from './run-sync';
import { debtorFor, describeError } from './sync-support';

export interface OutboxReport {
  readonly sent: number;
  readonly refused: number;
  readonly waiting: number;
  /** When the insurer asked Kredo to come back: the sync stops here rather than ask again at once. */
  readonly retryAt?: string;
}

/** What became of one outbox entry in this sync. */
export type SendStep = 'sent' | 'found' | 'refused' | 'checking' | 'waiting';

export interface SendResult<E> {
  readonly next: E;
  readonly step: SendStep;
  /** When the insurer asked Kredo to come back (Retry-After beyond what the client waits in a call). */
  readonly retryAt?: string;
}

/** How one outbox (limit requests, loss submissions) is looked up at the insurer, sent and recorded. */
export interface OutboxOps<E extends CheckableEntry & { readonly debtorId: string }> {
  readonly table: Table<E, string>;
  /** For the audit trail: `limit`, or the loss submission's kind. */
  readonly kindOf: (entry: E) => string;
  /** The entry acknowledged with what the insurer's list holds, and the insurer's id; undefined when not there. */
  find(entry: E, companyId: string): Promise<{ readonly entry: E; readonly insurerId: string } | undefined>;
  /** Sends it and returns it acknowledged. */
  send(entry: E, buyer: { readonly companyId: string; readonly customerCode: string }): Promise<E>;
  failed(entry: E, outcome: Exclude<CallOutcome, { kind: 'ok' }>, now: Date, problemCode?: string): E;
}

/** The insurer's "come back at", as the client hands it on (insurer-client.ts), within MAX_RETRY_AFTER_MS. */
function waitAsked(error: unknown, now: Date): { readonly retryAt: string; readonly delayMs: number } | undefined {
  const retryAt = (error as { params?: { retryAt?: unknown } } | null)?.params?.retryAt;
  if (typeof retryAt !== 'string' || Number.isNaN(Date.parse(retryAt))) return undefined;
  const delayMs = Math.min(Math.max(0, Date.parse(retryAt) - now.getTime()), MAX_RETRY_AFTER_MS);
  return { retryAt: new Date(now.getTime() + delayMs).toISOString(), delayMs };
}

/**
 * One entry of an outbox through the insurer: before sending it again after a lost answer or past the
 * insurer's key window, it is looked up in the insurer's own list (found → acknowledged; not found → sent
 * under a new key, with a line in the audit trail); a 409 leaves it to be checked (outbox-check.ts). The
 * entry and its audit line are stored together after the attempt, so a crash sends it again, never twice.
 */
export async function sendChecked<E extends CheckableEntry & { readonly debtorId: string }>(db: KredoDb, port: InsurerSyncPort, entry: E, clock: SyncClock, ops: OutboxOps<E>): Promise<SendResult<E> | undefined> {
  const debtor = await debtorFor(db, entry.debtorId);
  if (!debtor) return undefined;
  const now = clock.now();
  const at = now.toISOString();
  const audit: AuditEntry[] = [];
  const store = async (result: SendResult<E>): Promise<SendResult<E>> => {
    // When it was sent is kept with it for the outbox on the Insurer sync screen; the first acknowledgement counts.
    const acknowledged = (result.step === 'sent' || result.step === 'found') && result.next.sentAt === undefined;
    const stamped: E = { ...result.next, lastAttemptAt: at, ...(acknowledged && { sentAt: at }) };
    await db.transaction('rw', ops.table, db.audit, async () => {
      await ops.table.put(stamped);
      if (audit.length > 0) await db.audit.bulkAdd(audit);
    });
    return { ...result, next: stamped };
  };
  // A read that did not get through: wait as asked, or back off; nothing was sent, nothing can be lost.
  const readFailed = (error: unknown): Promise<SendResult<E>> => {
    const asked = waitAsked(error, now);
    const waited = checkFailed(entry, asked?.delayMs ?? retryDelay(entry.attempts, undefined, clock.random), now);
    return store({ next: { ...waited, attempts: entry.attempts + 1 }, step: 'waiting', ...(asked && { retryAt: asked.retryAt }) });
  };

  let companyId: string | undefined;
  try {
    companyId = debtor.insurerBuyerId ?? (await port.lookupBuyer(debtor.country, debtor.identifiers));
  } catch (error) {
    return readFailed(error);
  }
  if (!companyId) return store({ next: ops.failed(entry, { kind: 'rejected', status: 404 }, now, 'no_buyer_match'), step: 'refused' });

  let current = entry;
  if (needsCheck(entry, now)) {
    let found: Awaited<ReturnType<OutboxOps<E>['find']>>;
    try {
      found = await ops.find(entry, companyId);
    } catch (error) {
      return readFailed(error);
    }
    const details = { outboxId: entry.id, kind: ops.kindOf(entry) };
    if (found) {
      audit.push({ at, actor: 'sync', action: 'insurer.requestFound', entityType: 'debtor', entityId: entry.debtorId, details: { ...details, insurerId: found.insurerId } });
      return store({ next: found.entry, step: 'found' });
    }
    // Not at the insurer: sent again under a new key, since the old one may still replay the insurer's 409.
    current = notFoundAtInsurer(entry, crypto.randomUUID(), now);
    audit.push({ at, actor: 'sync', action: 'insurer.requestResent', entityType: 'debtor', entityId: entry.debtorId, details: { ...details, previousKey: idempotencyKeyOf(entry), newKey: idempotencyKeyOf(current) } });
  }

  try {
    return await store({ next: await ops.send(current, { companyId, customerCode: debtor.customerCode }), step: 'sent' });
  } catch (error) {
    const problem = describeError(error);
    if (problem.code === 'insurer.refused') {
      const next = ops.failed(current, { kind: 'rejected', status: problem.status }, now, problem.problemType);
      return store({ next, step: next.state === 'REJECTED' ? 'refused' : 'checking' });
    }
    const asked = waitAsked(error, now);
    const outcome: Exclude<CallOutcome, { kind: 'ok' }> = asked
      ? { kind: 'retry', reason: 'unavailable', delayMs: asked.delayMs, retryAfterMs: asked.delayMs }
      : { kind: 'retry', reason: 'network', delayMs: retryDelay(current.attempts, undefined, clock.random) };
    return store({ next: ops.failed(current, outcome, now), step: 'waiting', ...(asked && { retryAt: asked.retryAt }) });
  }
}

/**
 * Sends what is due in an outbox (limit requests, loss submissions), oldest first, each through
 * sendChecked. A forced sync (the controller asked for one now) takes every waiting entry as due. It stops
 * at the first entry the insurer did not answer — the rest would wait too — or that it asked to come back
 * for, reporting when.
 */
export async function sendDueChecked<E extends CheckableEntry & { readonly debtorId: string }>(db: KredoDb, port: InsurerSyncPort, clock: SyncClock, ops: OutboxOps<E>): Promise<OutboxReport> {
  let sent = 0;
  let refused = 0;
  let waiting = 0;
  // The far future makes every waiting entry due.
  for (const entry of dueEntries(await ops.table.toArray(), clock.force ? new Date(8.64e15) : clock.now())) {
    const result = await sendChecked(db, port, entry, clock, ops);
    if (!result) continue;
    if (result.step === 'sent' || result.step === 'found') sent += 1;
    else if (result.step === 'refused') refused += 1;
    else waiting += 1;
    if (result.retryAt) return { sent, refused, waiting, retryAt: result.retryAt };
    if (result.step === 'waiting') break;
  }
  return { sent, refused, waiting };
}
