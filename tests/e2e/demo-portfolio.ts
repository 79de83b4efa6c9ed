import { ageingBuckets, DEFAULT_AGEING } from '../../shared/domain/ageing/ageing-config';
import { encodeLedgerChunk } from '../../shared/domain/ledger/ledger-chunk';
import type { DebtorSummary } from '../../shared/domain/summaries/debtor-summary';
import { summarisePortfolio, type PortfolioSummary } from '../../shared/domain/summaries/portfolio-summary';
import { summariseChunk } from '../../shared/domain/summaries/summarise-chunk';
import { DATA_TIERS, DEMO_SEED } from '../../shared/generator/data-tiers';
import { generateChunks, generateExchangeRates, generatePolicy } from '../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../shared/generator/plan-portfolio';
import { ExchangeRateTable } from '../../shared/money/exchange-rates';
import type { IsoDate } from '../../shared/time/iso-date';

/** The demo portfolio is data tier S. */
export const DEMO_DEBTORS = DATA_TIERS.S.debtors;

export interface StoreCounts {
  readonly debtors: number;
  readonly items: number;
  readonly payments: number;
  readonly allocations: number;
  /** Sum of all item amounts in minor units: any lost or altered invoice changes it. */
  readonly amountChecksum: number;
}

/** What the demo portfolio must contain, worked out in Node by the same generator the app runs. */
export interface ExpectedDebtor {
  readonly name: string;
  readonly country: string;
  readonly summary: DebtorSummary;
}

export function expectedDemo(today: IsoDate): { counts: StoreCounts; portfolio: PortfolioSummary; debtors: ExpectedDebtor[] } {
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
  const policy = generatePolicy(today);
  const rates = new ExchangeRateTable(generateExchangeRates(DEMO_SEED, today));
  const counts = { debtors: 0, items: 0, payments: 0, allocations: 0, amountChecksum: 0 };
  const summaries: DebtorSummary[] = [];
  const debtors: ExpectedDebtor[] = [];
  for (const chunk of generateChunks(plan, policy)) {
    const { numbers } = encodeLedgerChunk(chunk.chunkId, chunk.ledgers, chunk.debtors.map((debtor) => debtor.country));
    const limits = new Map(chunk.debtors.map((debtor) => [debtor.id, chunk.limits.filter((limit) => limit.debtorId === debtor.id)]));
    const chunkSummaries = summariseChunk(numbers, { asOf: today, policy, rates, ageing: DEFAULT_AGEING, limitsOf: (id) => limits.get(id) ?? [] });
    summaries.push(...chunkSummaries);
    const byId = new Map(chunkSummaries.map((summary) => [summary.debtorId, summary]));
    for (const debtor of chunk.debtors) debtors.push({ name: debtor.name, country: debtor.country, summary: byId.get(debtor.id)! });
    counts.debtors += chunk.debtors.length;
    counts.items += numbers.itemDebtor.length;
    counts.payments += numbers.paymentDebtor.length;
    counts.allocations += numbers.allocationItem.length;
    counts.amountChecksum += numbers.itemAmount.reduce((sum, amount) => sum + amount, 0);
  }
  return { counts, debtors, portfolio: summarisePortfolio(summaries, { asOf: today, currency: policy.currency, bucketCount: ageingBuckets(DEFAULT_AGEING).length }) };
}

/**
 * Counts what the app's IndexedDB really holds, read in the page with the plain IndexedDB API (not
 * through the app's code), so the test sees the stored records themselves.
 */
export function countStoredRecords(): Promise<StoreCounts> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('kredo');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const database = request.result;
      const transaction = database.transaction(['debtorChunks', 'ledgerNumbers'], 'readonly');
      const debtorChunks = transaction.objectStore('debtorChunks').getAll();
      const chunks = transaction.objectStore('ledgerNumbers').getAll();
      transaction.oncomplete = () => {
        const debtors = (debtorChunks.result as { debtors: unknown[] }[]).reduce((sum, chunk) => sum + chunk.debtors.length, 0);
        const counts = { debtors, items: 0, payments: 0, allocations: 0, amountChecksum: 0 };
        for (const chunk of chunks.result as { itemDebtor: Int32Array; paymentDebtor: Int32Array; allocationItem: Int32Array; itemAmount: Float64Array }[]) {
          counts.items += chunk.itemDebtor.length;
          counts.payments += chunk.paymentDebtor.length;
          counts.allocations += chunk.allocationItem.length;
          counts.amountChecksum += chunk.itemAmount.reduce((sum, amount) => sum + amount, 0);
        }
        database.close();
        resolve(counts);
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}
