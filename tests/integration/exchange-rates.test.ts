import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRateFile } from '../../electron/main/rates/read-rate-file';
import { bytesToBase64 } from '../../renderer/src/data/backup/backup-format';
import { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { importRates, saveManualRate } from '../../renderer/src/data/rates/store-rates';
import { createImportOperations } from '../../renderer/src/data/worker/import-operations';
import { DEFAULT_AGEING } from '../../shared/domain/ageing/ageing-config';
import { portfolioAsOf } from '../../shared/domain/dashboard/portfolio-as-of';
import { encodeOpenItemBatch } from '../../shared/import/open-item-batch';
import type { OpenItemRecord } from '../../shared/import/open-item-record';
import type { ParseSummary } from '../../shared/ipc/import-contract';
import { ExchangeRateTable } from '../../shared/money/exchange-rates';
import { toIsoDate, type IsoDate } from '../../shared/time/iso-date';

/**
 * Exchange rates end to end in the store (issue 13): a portfolio invoiced in EUR, SEK and GBP, first
 * without rates and then with the ECB's file. The expected figures are worked out by hand from the
 * fixtures' rates, converting each debtor's open amount once and rounding half up to the cent.
 */
const today = toIsoDate('2026-11-24');
const at = '2026-11-24T10:00:00.000Z';
let db: KredoDb;
let counter = 0;
afterEach(() => db?.close());

const item = (customerCode: string, invoiceNumber: string, currency: string, invoiceDate: string, dueDate: string, openMinor: number): OpenItemRecord => ({
  row: 2, customerCode, customerName: `Customer ${customerCode}`, invoiceNumber, invoiceDate: toIsoDate(invoiceDate), dueDate: toIsoDate(dueDate), currency,
  openMinor, amountMinor: undefined, paymentReference: '', vatNumber: '', companyNumber: '', description: '',
});

/** The open items of tests/fixtures/rates/open-items-eur-sek-gbp.csv. */
const ITEMS = [
  item('2001', 'G-2026-01', 'GBP', '2026-09-15', '2026-10-15', 1_234_500),
  item('2001', 'G-2026-02', 'GBP', '2026-11-10', '2026-12-10', 250_000),
  item('2002', 'S-2026-01', 'SEK', '2026-10-01', '2026-10-31', 8_500_000),
  item('2002', 'S-2026-02', 'SEK', '2026-11-15', '2026-12-15', 4_000_000),
  item('2003', 'E-2026-01', 'EUR', '2026-10-01', '2026-10-31', 123_456),
  item('2003', 'E-2026-02', 'EUR', '2026-11-20', '2026-12-20', 300_000),
];

async function storeWithOpenItems(): Promise<KredoDb> {
  counter += 1;
  db = new KredoDb(`exchange-rates-${counter}`);
  const stream = new Blob([JSON.stringify(encodeOpenItemBatch(ITEMS))]).stream().pipeThrough(new CompressionStream('gzip'));
  const batch = bytesToBase64(new Uint8Array(await new Response(stream).arrayBuffer()));
  const summary: ParseSummary = { fileId: 'f1', recordKind: 'open-items', batchCount: 1, recordCount: ITEMS.length, rowCount: ITEMS.length, settledRows: 0, rejections: [], rejectionCount: 0, fileHash: 'hash-f1' };
  const operations = createImportOperations(db);
  await operations.prepare({ fileId: 'f1', fileName: 'open-items.csv', recordKind: 'open-items', today, at }, { readBatch: async (index) => (index === 0 ? batch : null), summary: async () => summary });
  await operations.commit({ importId: 'f1', closeMissing: false, at, today, homeCurrency: 'EUR' }, async () => undefined);
  return db;
}

const rateFile = (name: string) => {
  const data = readFileSync(path.resolve('tests/fixtures/rates', name));
  return { file: name, ...readRateFile(data, name, { today, currencies: ['EUR', 'SEK', 'GBP'] }) };
};

describe('exchange rates in the store', () => {
  it('without rates, carries the SEK and GBP amounts unconverted instead of counting them as nothing', async () => {
    const store = await storeWithOpenItems();
    const portfolio = (await store.portfolio.get('current'))!;
    expect(portfolio).toMatchObject({ currency: 'EUR', openMinor: 423_456, overdueMinor: 123_456, unconvertedCurrencies: ['GBP', 'SEK'] });
    expect(portfolio.unconverted).toEqual({
      GBP: { openMinor: 1_484_500, overdueMinor: 1_234_500, exposureMinor: 1_484_500, bucketsMinor: [250_000, 0, 1_234_500, 0, 0], debtorCount: 1 },
      SEK: { openMinor: 12_500_000, overdueMinor: 8_500_000, exposureMinor: 12_500_000, bucketsMinor: [4_000_000, 8_500_000, 0, 0, 0], debtorCount: 1 },
    });
  });

  it('with the ECB’s daily file, converts everything: totals equal the hand-computed figures to the cent', async () => {
    const store = await storeWithOpenItems();
    const { stored } = await importRates(store, { reading: rateFile('eurofxref-daily-2026-11-24.xml'), at, today });
    expect(stored).toBe(3); // GBP, SEK and USD (a pivot); the other 27 currencies are not needed.
    const portfolio = (await store.portfolio.get('current'))!;
    // £14,845.00 / 0.87230 = €17,018.23 (of which £12,345.00 overdue = €14,152.24); 125,000.00 kr / 11.0515 = €11,310.68
    // (85,000.00 kr overdue = €7,691.26); plus €4,234.56 (€1,234.56 overdue).
    expect(portfolio).toMatchObject({ openMinor: 3_256_347, overdueMinor: 2_307_806, exposureMinor: 3_256_347, unconvertedCurrencies: [], unconverted: {} });
    expect(portfolio.bucketsMinor).toEqual([948_541, 892_582, 1_415_224, 0, 0]);
    expect(await store.audit.filter((entry) => entry.action === 'policy.ratesImported').count()).toBe(1);
  });

  it('ages a past date with the rates of that date: Saturday 21 November uses Friday’s rates', async () => {
    const store = await storeWithOpenItems();
    await importRates(store, { reading: rateFile('eurofxref-hist.zip'), at, today });
    const rates = new ExchangeRateTable(await store.exchangeRates.toArray());
    const asOf = portfolioAsOf(await store.ledgerNumbers.toArray(), { asOf: toIsoDate('2026-11-21'), config: DEFAULT_AGEING, rates, currency: 'EUR' });
    // £14,845.00 / 0.86920 = €17,078.92; 125,000.00 kr / 11.0215 = €11,341.47; plus €4,234.56.
    expect(asOf.bucketsMinor.reduce((sum, amount) => sum + amount, 0)).toBe(3_265_495);
    expect(rates.rateUsed('GBP', 'EUR', toIsoDate('2026-11-21'))).toEqual({ date: '2026-11-20', via: undefined });
    expect(asOf.unconvertedCurrencies).toEqual([]);
  });

  it('keeps a rate typed by hand over the file’s, and refuses bad input without changing anything', async () => {
    const store = await storeWithOpenItems();
    const typed = await saveManualRate(store, { input: { date: '2026-11-24', base: 'GBP', quote: 'EUR', rate: '1,15', confirmed: false }, at, today });
    expect(typed.errors).toEqual([]);
    await importRates(store, { reading: rateFile('eurofxref-daily-2026-11-24.xml'), at, today });
    // £14,845.00 × 1.15 = €17,071.75, the typed rate, not the ECB's.
    const afterImport = (await store.portfolio.get('current'))!;
    expect(afterImport.openMinor).toBe(1_707_175 + 1_131_068 + 423_456);

    const rateCount = await store.exchangeRates.count();
    for (const input of [
      { date: '2026-11-24', base: 'XYZ', quote: 'EUR', rate: '1.1', confirmed: false },
      { date: '2026-11-24', base: 'GBP', quote: 'EUR', rate: '-1.15', confirmed: false },
      { date: '2026-11-25', base: 'GBP', quote: 'EUR', rate: '1.15', confirmed: false },
      { date: '2026-11-24', base: 'GBP', quote: 'EUR', rate: '2.40', confirmed: false },
    ]) {
      const refused = await saveManualRate(store, { input, at, today: today as IsoDate });
      expect(refused.errors.length, JSON.stringify(input)).toBeGreaterThan(0);
    }
    expect(await store.exchangeRates.count()).toBe(rateCount);
    expect(await store.portfolio.get('current')).toEqual(afterImport);
  });
});
