import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { proposePaymentPlan } from '../../../../shared/domain/dunning/plan-proposal';
import { statutoryInterestOnInvoice } from '../../../../shared/domain/law/invoice-interest';
import { mergeRateTables } from '../../../../shared/domain/law/rate-table-merge';
import type { LedgerItem } from '../../../../shared/domain/ledger/ledger-types';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { agreePaymentPlan } from '../dunning/agree-payment-plan';
import { makeLetterDocument } from '../dunning/send-letter';
import type { KredoDb } from '../db/kredo-db';
import { readDebtorLedger } from '../store/read-ledger';
import { importInterestRates, loadRateTable, removeInterestRate, saveInterestRate } from './interest-rates';

const today = toIsoDate('2026-12-06');
const at = '2026-12-06T09:00:00.000Z';

/** A Dutch demo debtor with open euro invoices overdue since the second half of 2026, whose rate a row for 1 July 2026 sets. */
async function dutchDebtor(db: KredoDb) {
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      if (debtor.jurisdiction !== 'NL') continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const items = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && !item.dispute && item.dueDate > '2026-06-30' && item.dueDate < '2026-11-01' && item.currency === 'EUR');
      if (items.length > 0) return { debtor, chunkId: chunk.chunkId, ledger, items };
    }
  }
  throw new Error('no Dutch demo debtor with invoices overdue since the second half of 2026');
}

const interestOf = (items: readonly LedgerItem[], ledger: Parameters<typeof statutoryInterestOnInvoice>[1], rates: ReturnType<typeof mergeRateTables>) =>
  items.reduce((sum, item) => sum + statutoryInterestOnInvoice(item, ledger, 'NL', today, rates), 0);

describe('the controller’s interest rates in the store', () => {
  it('change the interest of the next letter to the cent, and removing the row changes it back', async () => {
    const db = await openDemoStore('interest-rates-letter', today);
    const { debtor, ledger, items } = await dutchDebtor(db);
    const letter = () => makeLetterDocument(db, { debtorId: debtor.id, actionId: `a-${Math.random()}`, step: 'formal-notice', itemIds: items.map((item) => item.id), today, payBy: undefined, at });
    const before = (await letter())!;

    expect(await saveInterestRate(db, { input: { kind: 'NL_HANDELSRENTE', validFrom: '2026-07-01', rate: '11,40', source: 'dnb.nl', confirmed: false }, today, at })).toEqual({ errors: [] });
    const after = (await letter())!;
    // Each invoice's interest with 11.40 % instead of the shipped 10.40 % from 1 July 2026, summed as the letter does.
    const shipped = mergeRateTables([]);
    const mine = await loadRateTable(db);
    const difference = interestOf(items, ledger, mine) - interestOf(items, ledger, shipped);
    expect(difference).toBeGreaterThan(0);
    expect(after.totalDueMinor).toBe(before.totalDueMinor + difference);

    await removeInterestRate(db, { id: 'NL_HANDELSRENTE:2026-07-01', at });
    expect((await letter())!.totalDueMinor).toBe(before.totalDueMinor);
    expect((await db.audit.toArray()).map((entry) => entry.action)).toEqual(expect.arrayContaining(['policy.interestRateAdded', 'policy.interestRateRemoved']));
    db.close();
  });

  it('change a payment plan agreed next, and bad input changes nothing', async () => {
    const db = await openDemoStore('interest-rates-plan', today);
    const { debtor, chunkId, ledger, items } = await dutchDebtor(db);
    const terms = { itemIds: items.map((item) => item.id), includeInterest: true, interestDuringPlan: true, firstDueOn: toIsoDate('2026-12-31'), count: 3, everyMonths: 1 };

    const refused = await saveInterestRate(db, { input: { kind: 'NL_HANDELSRENTE', validFrom: '2026-12-01', rate: '-2', source: '', confirmed: false }, today, at });
    expect(refused.errors.map((error) => [error.field, error.code])).toEqual([['validFrom', 'notHalfYearStart'], ['rate', 'belowMinimum']]);
    expect(await db.interestRates.count()).toBe(0);

    const file = 'table,from,rate,source\nNL_HANDELSRENTE,2026-07-01,"12,90",dnb.nl\n';
    expect(await importInterestRates(db, { text: file, fileName: 'rates.csv', confirmed: false, today, at })).toMatchObject({ stored: 0, problems: [{ line: 2, code: 'largeJump' }] });
    expect(await importInterestRates(db, { text: file, fileName: 'rates.csv', confirmed: true, today, at })).toEqual({ stored: 1, problems: [] });

    const { plan } = await agreePaymentPlan(db, { debtorId: debtor.id, chunkId, terms, today, at });
    const expected = proposePaymentPlan({ ...terms, ledger, jurisdiction: 'NL', agreedOn: today, rates: await loadRateTable(db) });
    const withShippedRates = proposePaymentPlan({ ...terms, ledger, jurisdiction: 'NL', agreedOn: today });
    expect(expected.planRateBp).toBe(1290);
    expect(plan).toMatchObject({ totalMinor: expected.totalMinor, instalments: expected.instalments });
    expect(plan!.totalMinor).toBeGreaterThan(withShippedRates.totalMinor);
    db.close();
  });
});
