import { DEFAULT_AGEING, type AgeingConfig } from '../../../../shared/domain/ageing/ageing-config';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { InsurancePolicy } from '../../../../shared/domain/policy/insurance-policy';
import type { SummaryContext } from '../../../../shared/domain/summaries/summarise-chunk';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';

export function groupLimits(limits: Iterable<CreditLimit>): Map<string, CreditLimit[]> {
  const byDebtor = new Map<string, CreditLimit[]>();
  for (const limit of limits) {
    const list = byDebtor.get(limit.debtorId);
    if (list) list.push(limit);
    else byDebtor.set(limit.debtorId, [limit]);
  }
  return byDebtor;
}

export function summaryContext(policy: InsurancePolicy, rates: ExchangeRateTable, limits: Map<string, CreditLimit[]>, asOf: IsoDate, ageing: AgeingConfig = DEFAULT_AGEING): SummaryContext {
  return { asOf, policy, rates, ageing, limitsOf: (debtorId) => limits.get(debtorId) ?? [] };
}

/** Reads what summaries are computed against: the policy, the exchange rates and every debtor's limits. */
export async function loadSummaryContext(db: KredoDb, asOf: IsoDate): Promise<SummaryContext | undefined> {
  // Asked for together: without a policy the rates and limits are read for nothing, but with one (every day
  // but the first) they no longer wait for it.
  const [[policy], rates, limitChunks] = await Promise.all([db.policies.toArray(), db.exchangeRates.toArray(), db.limitChunks.toArray()]);
  if (!policy) return undefined;
  return summaryContext(policy, new ExchangeRateTable(rates), groupLimits(limitChunks.flatMap((chunk) => chunk.limits)), asOf);
}
