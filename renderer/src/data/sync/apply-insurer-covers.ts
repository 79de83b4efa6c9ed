import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import { applyInsurerCover, type InsurerCover } from '../../../../shared/sync/insurer-cover';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { groupLimits, summaryContext } from '../store/summary-context';
import { chunksNaming } from './chunks-naming';
import { refreshSummariesOf } from '../store/refresh-chunk-summaries';
import { writeLimitChanges, type DeltaOptions } from '../store/write-chunk-changes';

interface Target {
  readonly chunkId: number;
  readonly debtorId: string;
}

/** What one applied cover changed, for the controller's notification ("the insurer cut X's limit"). */
export interface InsurerLimitChange {
  readonly at: string;
  readonly debtorId: string;
  readonly debtorName: string;
  readonly currency: string;
  readonly status: CreditLimit['status'];
  readonly amountMinor: number;
  /** Absent when Kredo had no insurer limit for the debtor before. */
  readonly previousStatus?: CreditLimit['status'];
  readonly previousAmountMinor?: number;
  readonly pendingChange?: CreditLimit['pendingChange'];
}

export interface AppliedCovers {
  /** Debtors whose insurer limit changed. */
  readonly changed: readonly string[];
  readonly changes: readonly InsurerLimitChange[];
  /** Covers for buyers Kredo does not know (kept out; the insurer may cover buyers not in this ledger). */
  readonly unmatched: readonly string[];
}

/** How many insurer changes the notification list keeps; older ones stay in the audit trail. */
export const RECENT_CHANGES_KEPT = 200;

const samePendingChange = (a: CreditLimit['pendingChange'], b: CreditLimit['pendingChange']) =>
  a?.type === b?.type && a?.newAmountMinor === b?.newAmountMinor && a?.effectiveFrom === b?.effectiveFrom;

/** The tables applyInsurerCovers writes or reads: a caller's transaction around it must hold them all. */
export const coverTables = (db: KredoDb) => [db.debtorChunks, db.worklistDebtorChunks, db.limitChunks, db.limitDeltas, db.summaryDeltas, db.ledgerNumbers, db.summaryChunks, db.portfolio, db.policies, db.exchangeRates, db.audit, db.syncState];

/**
 * Applies covers from the insurer to the stored limits — the insurer owns limits, Kredo only mirrors them —
 * and recomputes the affected chunks' summaries and the portfolio, in one transaction with an audit entry
 * per change: all of a sync page lands, or none. A cover is matched to its debtor by cover id (any the debtor
 * has had), then by the customer reference (Kredo sends the customer number), then by the insurer's buyer id;
 * which of a debtor's covers is in force is applyInsurerCover's business.
 */
export async function applyInsurerCovers(db: KredoDb, covers: readonly InsurerCover[], options: { readonly today: IsoDate; readonly at: string } & DeltaOptions): Promise<AppliedCovers> {
  return db.transaction('rw', coverTables(db), async () => {
    // Only the chunks that hold one of the covers' ids, customer numbers or buyer ids (issue 14): matching
    // over them finds what matching over every chunk would, since no other chunk names any of them.
    // The policy and rates the summaries need are read meanwhile (small tables): one round trip less.
    const terms = Promise.all([db.policies.toArray(), db.exchangeRates.toArray()]);
    // A page that changes nothing never awaits them; a failed read fails the transaction whoever awaits it.
    terms.catch(() => undefined);
    const { debtorChunks, limitChunks, names } = await chunksNaming(db, covers);
    const byCover = new Map<string, Target>();
    for (const chunk of limitChunks) {
      for (const limit of chunk.limits) {
        // Every cover id the debtor has had, so that a late event of a superseded cover still finds its debtor.
        for (const cover of [limit, ...(limit.otherCovers ?? [])]) if (cover.coverId) byCover.set(cover.coverId, { chunkId: chunk.chunkId, debtorId: limit.debtorId });
      }
    }
    // Built on first use: a feed page whose covers Kredo knows by id (nearly every one) needs neither the
    // references of every debtor read nor, when nothing the controller sees changed, their names.
    let byReferenceBuilt: Map<string, Target> | undefined;
    const byReference = (key: string): Target | undefined => {
      if (!byReferenceBuilt) {
        byReferenceBuilt = new Map();
        for (const chunk of debtorChunks) {
          for (const debtor of chunk.debtors) {
            byReferenceBuilt.set(`ref:${debtor.customerCode}`, { chunkId: chunk.chunkId, debtorId: debtor.id });
            if (debtor.insurerBuyerId) byReferenceBuilt.set(`buyer:${debtor.insurerBuyerId}`, { chunkId: chunk.chunkId, debtorId: debtor.id });
            // A debtor merged into this one: the insurer still knows it by its customer number and buyer id.
            for (const code of debtor.aliases?.customerCodes ?? []) if (!byReferenceBuilt.has(`ref:${code}`)) byReferenceBuilt.set(`ref:${code}`, { chunkId: chunk.chunkId, debtorId: debtor.id });
            for (const buyerId of debtor.aliases?.insurerBuyerIds ?? []) if (!byReferenceBuilt.has(`buyer:${buyerId}`)) byReferenceBuilt.set(`buyer:${buyerId}`, { chunkId: chunk.chunkId, debtorId: debtor.id });
          }
        }
      }
      return byReferenceBuilt.get(key);
    };
    let namesBuilt: Map<string, string> | undefined;
    const nameOf = (debtorId: string): string | undefined => {
      namesBuilt ??= new Map(names.flatMap((chunk) => chunk.ids.map((id, index) => [id, chunk.names[index]!] as const)));
      return namesBuilt.get(debtorId);
    };
    const limitsByChunk = new Map(limitChunks.map((chunk) => [chunk.chunkId, [...chunk.limits]]));
    /** Each chunk's changed limits by debtor, in the order first changed. */
    const changedLimits = new Map<number, Map<string, CreditLimit>>();
    const dirty = new Set<number>();
    /** Debtors whose limits changed in force, by chunk: their summaries are computed again. */
    const summariesDirty = new Map<number, Set<string>>();
    const changed: string[] = [];
    const changes: InsurerLimitChange[] = [];
    const unmatched: string[] = [];
    const audit: AuditEntry[] = [];
    for (const cover of covers) {
      const target = byCover.get(cover.coverId) ?? (cover.customerReference ? byReference(`ref:${cover.customerReference}`) : undefined) ?? byReference(`buyer:${cover.companyId}`);
      if (!target) {
        unmatched.push(cover.coverId);
        continue;
      }
      const limits = limitsByChunk.get(target.chunkId) ?? [];
      const index = limits.findIndex((limit) => limit.debtorId === target.debtorId && limit.source === 'insurer');
      const previous = index >= 0 ? limits[index] : undefined;
      const next = applyInsurerCover(previous, cover, target.debtorId);
      if (next === previous) continue;
      if (index >= 0) limits[index] = next;
      else limits.push(next);
      limitsByChunk.set(target.chunkId, limits);
      byCover.set(cover.coverId, target);
      dirty.add(target.chunkId);
      changedLimits.set(target.chunkId, (changedLimits.get(target.chunkId) ?? new Map()).set(target.debtorId, next));
      if (!previous || previous.status !== next.status || previous.decidedAmountMinor !== next.decidedAmountMinor || !samePendingChange(previous.pendingChange, next.pendingChange) || JSON.stringify(previous.tranches) !== JSON.stringify(next.tranches)) {
        summariesDirty.set(target.chunkId, (summariesDirty.get(target.chunkId) ?? new Set()).add(target.debtorId));
      }
      // A newer version that changes nothing the controller sees (the first resync of limits Kredo already
      // holds, say) is stored quietly: no notification, no audit line.
      if (previous && previous.status === next.status && previous.decidedAmountMinor === next.decidedAmountMinor && samePendingChange(previous.pendingChange, next.pendingChange)) continue;
      changed.push(target.debtorId);
      changes.push({
        at: options.at,
        debtorId: target.debtorId,
        debtorName: nameOf(target.debtorId) ?? target.debtorId,
        currency: next.currency,
        status: next.status,
        amountMinor: next.decidedAmountMinor,
        ...(previous && { previousStatus: previous.status, previousAmountMinor: previous.decidedAmountMinor }),
        ...(next.pendingChange && { pendingChange: next.pendingChange }),
      });
      audit.push({
        at: options.at,
        actor: 'sync',
        action: 'limit.insurerChanged',
        entityType: 'limit',
        entityId: target.debtorId,
        details: {
          coverId: next.coverId ?? cover.coverId,
          status: next.status,
          amountMinor: next.decidedAmountMinor,
          currency: next.currency,
          ...(previous && { previousStatus: previous.status, previousAmountMinor: previous.decidedAmountMinor }),
          ...(next.pendingChange && { pendingType: next.pendingChange.type, pendingAmountMinor: next.pendingChange.newAmountMinor, pendingEffectiveFrom: next.pendingChange.effectiveFrom }),
        },
      });
    }
    if (dirty.size === 0) return { changed, changes, unmatched };
    // Not awaited on its own: the summaries' reads queue behind it in the same transaction, which fails
    // whole if it fails (awaited with the audit lines below).
    // Only the changed debtors' limits when few of a chunk's changed (write-chunk-changes.ts): a few KiB, not the chunk.
    const readChunks = new Map(limitChunks.map((chunk) => [chunk.chunkId, chunk]));
    const limitsWritten = writeLimitChanges(db, [...dirty].map((chunkId) => ({ chunk: readChunks.get(chunkId) ?? { chunkId, limits: [] }, limits: limitsByChunk.get(chunkId) ?? [], changed: [...changedLimits.get(chunkId)!.values()] })), options);
    // Only chunks whose limits changed in force need fresh summaries: the first resync of a tier-L portfolio
    // stamps 17,000 limits with the insurer's version and would otherwise recompute every summary.
    if (summariesDirty.size > 0) {
      const [[policy], rates] = await terms;
      if (!policy) {
        await limitsWritten;
        return { changed: [], changes: [], unmatched };
      }
      // Only debtors of the chunks whose limits changed in force are summarised, and each debtor's limits live in its own chunk.
      const context = summaryContext(policy, new ExchangeRateTable(rates), groupLimits([...summariesDirty.keys()].flatMap((chunkId) => limitsByChunk.get(chunkId) ?? [])), options.today);
      await refreshSummariesOf(db, summariesDirty, context, options);
    }
    await Promise.all([limitsWritten, db.audit.bulkAdd(audit)]);
    // The Limits screen's list of insurer changes is written with the limits themselves: kept in a later
    // write, a crash in between left the limits changed and the list without them (tests/e2e/process-kill).
    if (changes.length > 0) {
      const kept = ((await db.syncState.get('recentChanges'))?.value as InsurerLimitChange[] | undefined) ?? [];
      await db.syncState.put({ key: 'recentChanges', value: [...[...changes].reverse(), ...kept].slice(0, RECENT_CHANGES_KEPT) });
    }
    return { changed, changes, unmatched };
  });
}
