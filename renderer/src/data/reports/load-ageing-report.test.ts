import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_AGEING } from '../../../../shared/domain/ageing/ageing-config';
import { portfolioAsOf } from '../../../../shared/domain/dashboard/portfolio-as-of';
import { DATA_TIERS } from '../../../../shared/generator/data-tiers';
import { generateChunks, generateExchangeRates, generatePolicy, type GeneratedChunk } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import { addDays, toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { replacePortfolio } from '../store/replace-portfolio';
import { loadAgeingReport, type AgeingReportLabels } from './load-ageing-report';

const today = toIsoDate('2026-11-24');
const labels: AgeingReportLabels = { bucketLabels: ['0', '1', '2', '3', '4'], kpis: [], countryName: (code) => code, otherDebtors: (count) => `${count} others` };

let db: KredoDb | undefined;
let counter = 0;
afterEach(() => db?.close());

/**
 * A small generated portfolio written to a fresh store as of `asOf`; every `mixEvery`-th debtor (when set) owes
 * some of its invoices in another currency, which the generator never does (each debtor trades in one).
 */
async function storeOf(seed: number, asOf: ReturnType<typeof toIsoDate>, mixEvery: number | undefined, withoutRates: readonly string[]): Promise<KredoDb> {
  const policy = generatePolicy(today);
  const plan = planPortfolio({ ...DATA_TIERS.S, debtors: 60, items: 1_200, payments: 300 }, { seed, today });
  const chunks = [...generateChunks(plan, policy)].map((chunk): GeneratedChunk => ({
    ...chunk,
    ledgers: chunk.ledgers.map((ledger, slot) =>
      mixEvery !== undefined && slot % mixEvery === 0 ? { ...ledger, items: ledger.items.map((item, row) => (row % 2 === 1 ? { ...item, currency: item.currency === 'GBP' ? 'SEK' : 'GBP' } : item)) } : ledger,
    ),
  }));
  const rates = generateExchangeRates(seed, today).filter((rate) => !withoutRates.includes(rate.quote));
  counter += 1;
  db = new KredoDb(`ageing-report-test-${counter}`);
  await replacePortfolio(db, { policy, rates, chunks, chunkCount: plan.chunkCount, asOf, at: `${asOf}T09:00:00.000Z`, source: 'demo' });
  return db;
}

/** The currency rows as the report made them before issue 14: every ledger aged with portfolioAsOf. */
async function currencyRowsFromLedgers(store: KredoDb) {
  const portfolio = (await store.portfolio.get('current'))!;
  const rates = new ExchangeRateTable(await store.exchangeRates.toArray());
  const current = portfolioAsOf(await store.ledgerNumbers.toArray(), { asOf: portfolio.asOf, config: DEFAULT_AGEING, rates, currency: portfolio.currency });
  const sumOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);
  return {
    byCurrency: current.byCurrency.flatMap((entry) => (entry.bucketsMinor ? [{ label: entry.currency, openMinor: sumOf(entry.bucketsMinor), overdueMinor: sumOf(entry.bucketsMinor.slice(1)), bucketsMinor: entry.bucketsMinor }] : [])),
    unconverted: current.byCurrency.filter((entry) => !entry.bucketsMinor).map((entry) => ({ amountMinor: sumOf(entry.nativeBucketsMinor), currency: entry.currency })),
  };
}

describe('loadAgeingReport', () => {
  it('prints per invoice currency exactly what ageing every ledger gives, to the cent, whatever currencies debtors owe in and rates are missing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: -120, max: 0 }),
        fc.constantFrom(undefined, 2, 5),
        fc.constantFrom([], ['SEK'], ['GBP'], ['SEK', 'GBP']),
        async (seed, dayOffset, mixEvery, withoutRates: readonly string[]) => {
          const store = await storeOf(seed, addDays(today, dayOffset), mixEvery, withoutRates);
          const report = await loadAgeingReport(store, { today, generatedAt: `${today}T09:00:00.000Z` }, labels);
          const expected = await currencyRowsFromLedgers(store);
          expect(report?.byCurrency).toStrictEqual(expected.byCurrency);
          expect(report?.unconverted).toStrictEqual(expected.unconverted);
          store.close();
        },
      ),
      { numRuns: 12 },
    );
  });

  it('reads no ledger while every debtor owes in one currency (issue 14: 60 MB of columns at tier L)', async () => {
    const store = await storeOf(7, today, undefined, ['GBP']);
    const toArray = vi.spyOn(store.ledgerNumbers, 'toArray');
    const bulkGet = vi.spyOn(store.ledgerNumbers, 'bulkGet');
    const report = await loadAgeingReport(store, { today, generatedAt: `${today}T09:00:00.000Z` }, labels);
    expect(toArray).not.toHaveBeenCalled();
    expect(bulkGet).not.toHaveBeenCalled();
    expect(report?.unconverted?.map((entry) => entry.currency)).toEqual(['GBP']);
    expect(report?.byCurrency.map((row) => row.label).sort()).toEqual(['EUR', 'SEK']);
  });

  it('reads no debtor whole while every debtor chunk has its worklist debtors, and prints the same debtor lines as from the debtors read whole (issue 14)', async () => {
    for (const seed of [3, 11, 29]) {
      const store = await storeOf(seed, today, undefined, []);
      const request = { today, generatedAt: `${today}T09:00:00.000Z` };
      const toArray = vi.spyOn(store.debtorChunks, 'toArray');
      const bulkGet = vi.spyOn(store.debtorChunks, 'bulkGet');
      const report = await loadAgeingReport(store, request, labels);
      expect(toArray).not.toHaveBeenCalled();
      expect(bulkGet).not.toHaveBeenCalled();
      // Names, customer numbers and risk scores (the grade) as printed: some debtors must be graded for the check to weigh.
      const debtors = (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
      expect(debtors.some((debtor) => debtor.grade !== undefined)).toBe(true);
      expect(report?.debtors.slice(0, 3).map((row) => row.label)).toEqual(report?.debtors.slice(0, 3).map((row) => debtors.find((debtor) => row.detail?.startsWith(`${debtor.customerCode} ·`))?.name));
      // A store whose chunks lack them (written before migration 0024, or one chunk of two) reads those debtors whole: the same report.
      const firstChunk = (await store.worklistDebtorChunks.toCollection().primaryKeys())[0]!;
      await store.worklistDebtorChunks.delete(firstChunk);
      expect(await loadAgeingReport(store, request, labels)).toStrictEqual(report);
      expect(bulkGet).toHaveBeenCalledWith([firstChunk]);
      await store.worklistDebtorChunks.clear();
      expect(await loadAgeingReport(store, request, labels)).toStrictEqual(report);
      store.close();
    }
  });
});
