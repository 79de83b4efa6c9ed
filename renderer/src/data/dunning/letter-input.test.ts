import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Debtor } from '../../../../shared/domain/debtors/debtor';
import { wikCollectionCosts } from '../../../../shared/domain/law/collection-costs';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { readDebtorLedger } from '../store/read-ledger';
import { DEMO_CREDITOR } from './creditor';
import { letterInputFor } from './letter-input';

const today = '2026-11-24' as IsoDate;

/** The first demo debtor under each law with invoices overdue by more than a month, in the law's currency. */
async function overdueDebtors(): Promise<Map<string, { debtor: Debtor; ledger: DebtorLedger; itemIds: string[] }>> {
  const db = await openDemoStore('letter-input', today);
  const found = new Map<string, { debtor: Debtor; ledger: DebtorLedger; itemIds: string[] }>();
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      if (found.has(debtor.jurisdiction)) continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const items = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && !item.dispute && item.dueDate < '2026-10-20' && item.currency === debtor.currency);
      if (items.length >= 2) found.set(debtor.jurisdiction, { debtor, ledger, itemIds: items.map((item) => item.id) });
    }
  }
  db.close();
  return found;
}

describe('a letter’s figures from the store', async () => {
  const debtors = await overdueDebtors();
  const input = (jurisdiction: string, step: 'reminder-1' | 'formal-notice') => {
    const { debtor, ledger, itemIds } = debtors.get(jurisdiction)!;
    return letterInputFor({ debtor, ledger, itemIds, step, today, payBy: '2026-12-08' as IsoDate, creditor: DEMO_CREDITOR, letterNumber: 1 });
  };

  it('keeps a first reminder friendly: the open invoices, no interest, no costs', () => {
    const letter = input('NL', 'reminder-1');
    expect(letter.invoices.length).toBeGreaterThanOrEqual(2);
    expect(letter.invoices.every((invoice) => invoice.interestMinor === 0)).toBe(true);
    expect(letter.costs).toEqual([]);
    expect(letter.interestRateBp).toBeUndefined();
  });

  it('puts each law’s interest and costs in a formal notice', () => {
    const nl = input('NL', 'formal-notice');
    const principal = nl.invoices.reduce((sum, invoice) => sum + invoice.openMinor, 0);
    expect(nl.invoices.every((invoice) => invoice.interestMinor > 0)).toBe(true);
    // The WIK costs on the whole principal, announced: due only if the fourteen days pass unpaid.
    expect(nl.costs).toEqual([{ code: 'NL_WIK', amountMinor: wikCollectionCosts(principal).amountMinor, status: 'announced' }]);

    const se = input('SE', 'formal-notice');
    expect(se.currency).toBe('SEK');
    expect(se.costs).toEqual(se.invoices.map((invoice) => ({ code: 'SE_FORSENINGSERSATTNING', amountMinor: 45_000, invoiceNumber: invoice.number })));

    const gb = input('GB', 'formal-notice');
    const fixedSum = (open: number) => (open < 100_000 ? 4_000 : open < 1_000_000 ? 7_000 : 10_000);
    expect(gb.costs).toEqual(gb.invoices.map((invoice) => ({ code: 'GB_FIXED_SUM', amountMinor: fixedSum(invoice.openMinor), invoiceNumber: invoice.number })));
    expect(gb.interestRateBp).toBeGreaterThan(800);
  });

  it('addresses each debtor in its postal order, naming the country only abroad (the demo creditor is Dutch)', () => {
    const lines = (jurisdiction: string) => input(jurisdiction, 'reminder-1').debtor.addressLines;
    const { address: nl } = debtors.get('NL')!.debtor;
    expect(lines('NL')).toEqual([nl!.street, `${nl!.postalCode}  ${nl!.city.toUpperCase()}`]);
    expect(lines('SE')).toHaveLength(3);
    expect(lines('SE').at(-1)).toBe('SWEDEN');
    const { address: gb } = debtors.get('GB')!.debtor;
    expect(lines('GB')).toEqual([gb!.street.replace(/^(.*) (\d+)$/, '$2 $1'), gb!.city.toUpperCase(), gb!.postalCode, 'UNITED KINGDOM']);
  });

  it('takes the sender’s country from the letterhead, or else from its company register', () => {
    const { debtor, ledger, itemIds } = debtors.get('SE')!;
    const from = (creditor: typeof DEMO_CREDITOR) => letterInputFor({ debtor, ledger, itemIds, step: 'reminder-1', today, payBy: '2026-12-08' as IsoDate, creditor, letterNumber: 1 }).debtor.addressLines;
    // A letterhead saved before it had a country: the register tells (the organisationsnummer is Swedish).
    const { country: _country, ...withoutCountry } = DEMO_CREDITOR;
    expect(from({ ...withoutCountry, registration: { scheme: 'orgnr', number: '556036-0793' } })).toHaveLength(2);
    expect(from(withoutCountry).at(-1)).toBe('SWEDEN');
    expect(from({ ...DEMO_CREDITOR, country: 'SE' })).toHaveLength(2);
    expect(from({ ...DEMO_CREDITOR, country: 'GB' }).at(-1)).toBe('SWEDEN');
  });
});
