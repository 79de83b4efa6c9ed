import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeOpenItemBatch, encodeOpenItemBatch } from '../../../../shared/import/open-item-batch';
import { groupRecordsByCustomer, OpenItemLineGroups } from '../../../../shared/import/open-item-lines';
import type { ImportedOpenItem } from '../../../../shared/import/open-item-record';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { commitImport } from './commit-import';
import { prepareOpenItems } from './prepare-open-items';

const today = toIsoDate('2026-11-24');
let db: KredoDb | undefined;
let counter = 0;
afterEach(() => db?.close());

const record = fc.record({
  customerCode: fc.constantFrom('1001', '1002', '1003', '1004'),
  customerName: fc.constantFrom('', 'Bakker B.V.'),
  vatNumber: fc.constantFrom('', '', 'NL004495445B01'),
  companyNumber: fc.constant(''),
  invoiceNumber: fc.constantFrom('A1', 'A2', 'A3', 'B1'),
  invoiceDate: fc.constant(toIsoDate('2026-10-01')),
  dueDate: fc.constantFrom(undefined, toIsoDate('2026-10-31')),
  currency: fc.constantFrom('EUR', 'EUR', 'SEK'),
  openMinor: fc.constantFrom(0, 100, 250, -50),
  amountMinor: fc.constantFrom(undefined, 300),
  paymentReference: fc.constant(''),
}) as fc.Arbitrary<ImportedOpenItem>;
// One line per invoice of a customer code, as the parse leaves them.
const file = fc.uniqueArray(record, { selector: (one) => `${one.customerCode}/${one.invoiceNumber}`, maxLength: 14 });

/** Batches of two lines, each decoded into records (the way before issue 14's rewrite) or read in place. */
function groups(records: readonly ImportedOpenItem[], inPlace: boolean) {
  const batches = [];
  for (let at = 0; at < records.length; at += 2) batches.push(encodeOpenItemBatch(records.slice(at, at + 2)));
  if (!inPlace) return groupRecordsByCustomer(batches.flatMap((batch) => decodeOpenItemBatch(batch)));
  const lines = new OpenItemLineGroups();
  for (const batch of batches) lines.add(batch);
  return lines.byCustomer;
}

describe('an open-items import read in place', () => {
  // Guard for issue 14's rewrite: the same preview and the same chunks to store as from records, on a store with ledgers.
  it('prepares the same preview and stores the same chunks as from decoded records', async () => {
    await fc.assert(
      fc.asyncProperty(file, file, fc.boolean(), async (first, second, closeMissing) => {
        counter += 1;
        db?.close();
        const store = (db = new KredoDb(`lines-test-${counter}`));
        const firstPrepared = await prepareOpenItems(store, groups(first, true), { today, isFullExport: true });
        await commitImport(store, { record: { id: `i-${counter}`, fileName: 'a.csv', fileHash: 'h', kind: 'open-items', at: '2026-11-24T10:00:00.000Z', report: {} }, updates: firstPrepared.updates(false), toReview: [], today, homeCurrency: 'EUR' });

        const fromRecords = await prepareOpenItems(store, groups(second, false), { today, isFullExport: true });
        const inPlace = await prepareOpenItems(store, groups(second, true), { today, isFullExport: true });
        expect(inPlace.preview).toEqual(fromRecords.preview);
        expect(inPlace.updates(closeMissing)).toEqual(fromRecords.updates(closeMissing));
      }),
      { numRuns: 40 },
    );
  });
});
