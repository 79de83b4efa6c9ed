import { useLiveQuery } from 'dexie-react-hooks';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import { limitAlerts, type LimitAlert } from '../../../../shared/domain/limits/limit-alerts';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import type { PolicyTerms } from '../../../../shared/sync/policy-terms';
import { uiDb } from '../../data/queries/ui-db';
import type { InsurerLimitChange } from '../../data/sync/apply-insurer-covers';

export interface DebtorRef {
  readonly debtorId: string;
  readonly chunkId: number;
  readonly name: string;
  readonly customerCode: string;
}

export interface LimitsOverview {
  readonly policy: PolicyTerms | undefined;
  readonly debtors: ReadonlyMap<string, DebtorRef>;
  readonly summaries: ReadonlyMap<string, DebtorSummary>;
  readonly alerts: readonly LimitAlert[];
  /** Limit requests, newest first. */
  readonly requests: readonly LimitOutboxEntry[];
  /** Insurer limits with an announced reduction or withdrawal, soonest first. */
  readonly reductions: readonly CreditLimit[];
  /** Limit changes the insurer made, newest first. */
  readonly changes: readonly InsurerLimitChange[];
}

/**
 * Everything the Limits screen shows, in one live query: it updates as soon as a sync or a request lands.
 * Reads every chunk's debtors, limits and summaries (like the portfolio grid; measured in `npm run bench`).
 */
export function useLimitsOverview(): LimitsOverview | undefined {
  return useLiveQuery(async () => {
    const [debtorChunks, summaryChunks, limitChunks, outbox, recent, policies] = await Promise.all([
      uiDb.debtorChunks.toArray(),
      uiDb.summaryChunks.toArray(),
      uiDb.limitChunks.toArray(),
      uiDb.limitOutbox.toArray(),
      uiDb.syncState.get('recentChanges'),
      uiDb.policies.toArray(),
    ]);
    const debtors = new Map<string, DebtorRef>();
    for (const chunk of debtorChunks) for (const debtor of chunk.debtors) debtors.set(debtor.id, { debtorId: debtor.id, chunkId: chunk.chunkId, name: debtor.name, customerCode: debtor.customerCode });
    const summaries = new Map(summaryChunks.flatMap((chunk) => chunk.summaries.map((summary) => [summary.debtorId, summary] as const)));
    const policy = policies[0] as PolicyTerms | undefined;
    const reductions = limitChunks
      .flatMap((chunk) => chunk.limits)
      .filter((limit) => limit.source === 'insurer' && limit.pendingChange)
      .sort((a, b) => (a.pendingChange!.effectiveFrom < b.pendingChange!.effectiveFrom ? -1 : a.pendingChange!.effectiveFrom > b.pendingChange!.effectiveFrom ? 1 : 0));
    return {
      policy,
      debtors,
      summaries,
      alerts: policy ? limitAlerts([...summaries.values()], policy) : [],
      requests: [...outbox].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
      reductions,
      changes: (recent?.value as InsurerLimitChange[] | undefined) ?? [],
    };
  }, []);
}
