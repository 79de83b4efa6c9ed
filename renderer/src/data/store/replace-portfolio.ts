import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import { ageingBuckets } from '../../../../shared/domain/ageing/ageing-config';
import { encodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import type { InsurancePolicy } from '../../../../shared/domain/policy/insurance-policy';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { summarisePortfolio, type PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import { summariseChunk } from '../../../../shared/domain/summaries/summarise-chunk';
import type { GeneratedChunk } from '../../../../shared/generator/generate-portfolio';
import { ExchangeRateTable, type ExchangeRate } from '../../../../shared/money/exchange-rates';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { groupLimits, summaryContext } from './summary-context';

export interface PortfolioInput {
  readonly policy: InsurancePolicy;
  readonly rates: readonly ExchangeRate[];
  readonly chunks: Iterable<GeneratedChunk>;
  readonly chunkCount: number;
  readonly asOf: IsoDate;
  /** When the portfolio was made, for the audit trail. */
  readonly at: string;
  readonly source: 'demo' | 'benchmark';
  readonly onProgress?: (chunksDone: number, chunkCount: number) => void;
}

/** Tables a new portfolio replaces; the audit trail is append-only and keeps its history. */
const REPLACED_TABLES = ['debtorChunks', 'limitChunks', 'ledgerNumbers', 'ledgerTexts', 'summaryChunks', 'portfolio', 'policies', 'exchangeRates', 'dunningActions', 'meta'] as const;

/**
 * Replaces the whole portfolio (the demo, a benchmark tier) in one transaction: either all of it is stored
 * or, if anything fails or the app is closed half-way, none of it and the old portfolio stays. Each chunk
 * is encoded and summarised as it is written, so the summaries are ready the moment it commits.
 */
export async function replacePortfolio(db: KredoDb, input: PortfolioInput): Promise<PortfolioSummary> {
  const rates = new ExchangeRateTable(input.rates);
  const bucketCount = ageingBuckets(summaryContext(input.policy, rates, new Map(), input.asOf).ageing).length;
  return db.transaction('rw', [...REPLACED_TABLES.map((name) => db.table(name)), db.audit], async () => {
    await Promise.all(REPLACED_TABLES.map((name) => db.table(name).clear()));
    await db.policies.put(input.policy);
    await db.exchangeRates.bulkPut([...input.rates]);

    const all: DebtorSummary[] = [];
    let done = 0;
    for (const chunk of input.chunks) {
      const { numbers, texts } = encodeLedgerChunk(chunk.chunkId, chunk.ledgers, chunk.debtors.map((debtor) => debtor.country));
      const summaries = summariseChunk(numbers, summaryContext(input.policy, rates, groupLimits(chunk.limits), input.asOf));
      all.push(...summaries);
      await Promise.all([
        db.debtorChunks.put({ chunkId: chunk.chunkId, debtors: chunk.debtors.map((debtor) => ({ ...debtor, chunkId: chunk.chunkId })) }),
        db.limitChunks.put({ chunkId: chunk.chunkId, limits: chunk.limits }),
        db.ledgerNumbers.put(numbers),
        db.ledgerTexts.put(texts),
        db.summaryChunks.put({ chunkId: chunk.chunkId, asOf: input.asOf, summaries }),
      ]);
      done += 1;
      input.onProgress?.(done, input.chunkCount);
    }

    const portfolio = summarisePortfolio(all, { asOf: input.asOf, currency: input.policy.currency, bucketCount });
    await db.portfolio.put({ id: 'current', ...portfolio });
    await db.meta.bulkPut([
      { key: 'portfolioSource', value: input.source },
      { key: 'nextChunkId', value: done },
    ]);
    const entry: AuditEntry = {
      at: input.at,
      actor: 'user',
      action: input.source === 'demo' ? 'portfolio.demoOpened' : 'portfolio.generated',
      entityType: 'portfolio',
      entityId: 'current',
      details: { debtors: portfolio.debtorCount, openItems: portfolio.openItemCount },
    };
    await db.audit.add(entry);
    return portfolio;
  });
}
