/**
 * portfolioAsOf converts debtor by debtor and currency by currency exactly as the stored summaries do, so
 * for the summaries' date the PDF ageing report's portfolio, country and currency rows agree with the
 * portfolio summary to the cent (issue 13) — also now that it reads the ageing tables directly for speed
 * (issue 14). Checked on generated portfolios: seeds, dates, ageing bases and currencies without a rate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../money/exchange-rates';
import { addDays, type IsoDate } from '../../time/iso-date';
import { ageingBuckets, DEFAULT_AGEING, DEFAULT_INVOICE_DATE_AGEING } from '../ageing/ageing-config';
import { encodeLedgerChunk } from '../ledger/ledger-chunk';
import { DATA_TIERS } from '../../generator/data-tiers';
import { generateChunks, generateExchangeRates, generatePolicy } from '../../generator/generate-portfolio';
import { planPortfolio } from '../../generator/plan-portfolio';
import { summarisePortfolio } from '../summaries/portfolio-summary';
import { summariseChunk } from '../summaries/summarise-chunk';
import { portfolioAsOf } from './portfolio-as-of';

const TODAY = '2026-11-24' as IsoDate;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('portfolioAsOf', () => {
  it('agrees with the portfolio summary of the same date to the cent, and its currency rows add up to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: -400, max: 30 }),
        fc.constantFrom(DEFAULT_AGEING, DEFAULT_INVOICE_DATE_AGEING),
        fc.constantFrom([], ['SEK'], ['GBP', 'USD']),
        (seed, dayOffset, ageing, withoutRates: readonly string[]) => {
          const policy = generatePolicy(TODAY);
          const plan = planPortfolio({ ...DATA_TIERS.S, debtors: 60, items: 1_500, payments: 400 }, { seed, today: TODAY });
          const chunks = [...generateChunks(plan, policy)].map((chunk) => encodeLedgerChunk(chunk.chunkId, chunk.ledgers, chunk.debtors.map((debtor) => debtor.country)).numbers);
          const rates = new ExchangeRateTable(generateExchangeRates(seed, TODAY).filter((rate) => !withoutRates.includes(rate.base) && !withoutRates.includes(rate.quote)));
          const asOf = addDays(TODAY, dayOffset);
          const summaries = chunks.flatMap((numbers) => summariseChunk(numbers, { asOf, policy, rates, ageing, limitsOf: () => [] }));
          const portfolio = summarisePortfolio(summaries, { asOf, currency: policy.currency, bucketCount: ageingBuckets(ageing).length });

          const result = portfolioAsOf(chunks, { asOf, config: ageing, rates, currency: policy.currency });
          expect(result.bucketsMinor).toEqual(portfolio.bucketsMinor);
          expect(Object.fromEntries(result.byCountry.map((row) => [row.country, row.bucketsMinor]))).toEqual(
            Object.fromEntries(portfolio.byCountry.filter((segment) => segment.openMinor !== 0 || segment.bucketsMinor.some((amount) => amount !== 0)).map((segment) => [segment.key, segment.bucketsMinor])),
          );
          expect(result.dso).toBe(portfolio.dso);
          expect(result.unconvertedCurrencies).toEqual(portfolio.unconvertedCurrencies);
          const converted = result.byCurrency.flatMap((row) => (row.bucketsMinor ? [row.bucketsMinor] : []));
          expect(ageingBuckets(ageing).map((_, bucket) => sum(converted.map((buckets) => buckets[bucket]!)))).toEqual(portfolio.bucketsMinor);
        },
      ),
      { numRuns: 15 },
    );
  });
});
