import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterPaymentReference } from '../../../../shared/domain/references/letter-payment-reference';
import { PaymentMatcher, type MatchableItem, type MatchableLetter } from '../../../../shared/import/payment-matcher';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { parseCamt } from './camt';

/**
 * Issue 16, item 6: a payment quoting a letter's own payment reference pays exactly the invoices that
 * letter listed. The bank lines are read from a CAMT.053 statement (ABN AMRO layout, tests/fixtures/imports),
 * with the reference in `Strd/CdtrRefInf/Ref` (Issr CUR, law-and-formats.md B.2) or typed into `Ustrd` with
 * spaces, the way a payer copies it from the letter.
 */
const item = (debtorId: string, number: string, openMinor: number, dueDate: string): MatchableItem => ({ itemId: `${debtorId}|${number}`, debtorId, number, paymentReference: '', openMinor, currency: 'EUR', dueDate: toIsoDate(dueDate) });

// Bakker Bouw owes four invoices; its reminder listed the two oldest (€400 + €240 = the €640.00 line).
const items = [item('D1', '2026-0101', 40_000, '2026-09-01'), item('D1', '2026-0102', 24_000, '2026-09-15'), item('D1', '2026-0103', 64_000, '2026-10-01'), item('D1', '2026-0104', 10_000, '2026-11-01'), item('D2', '2026-0201', 123_456, '2026-10-01')];
const reminder = letterPaymentReference('NL', 41);
const britishLetter = letterPaymentReference('GB', 42);
const letters: MatchableLetter[] = [
  { reference: reminder.reference, debtorId: 'D1', itemIds: ['D1|2026-0102', 'D1|2026-0101'] },
  { reference: britishLetter.reference, debtorId: 'D2', itemIds: ['D2|2026-0201'] },
];

async function statement(edit: (xml: string) => string) {
  const xml = edit(await readFile(path.resolve('tests/fixtures/imports/camt053-v02-abn-amro.xml'), 'utf8'));
  return parseCamt(xml, 'camt.xml').statements.flatMap((parsed) => parsed.transactions);
}

describe('a payment quoting a letter’s payment reference', () => {
  it('pays the invoices that letter listed when the reference is in CdtrRefInf, and no other open invoice of the debtor', async () => {
    const lines = await statement((xml) => xml.replace('<Ref>8000000020260105</Ref>', `<Ref>${reminder.reference}</Ref>`));
    const line = lines.find((transaction) => transaction.amountMinor === 64_000)!;
    expect(line.structuredReference.replace(/\s/g, '')).toBe(reminder.reference);
    // €640.00 is also exactly invoice 2026-0103: the letter's reference wins over the amount.
    expect(new PaymentMatcher(items, [], letters).match(line)).toEqual({ kind: 'matched', method: 'reference', debtorId: 'D1', itemIds: ['D1|2026-0101', 'D1|2026-0102'], fit: 'exact' });
  });

  it('reads the reference typed with spaces into the free text, as printed on the letter', async () => {
    const lines = await statement((xml) => xml.replace('<Ustrd>Factuur 2026-0101</Ustrd>', `<Ustrd>Herinnering ${britishLetter.printed.toLowerCase()} dank u</Ustrd>`));
    const line = lines.find((transaction) => transaction.amountMinor === 123_456)!;
    expect(new PaymentMatcher(items, [], letters).match(line)).toEqual({ kind: 'matched', method: 'reference', debtorId: 'D2', itemIds: ['D2|2026-0201'], fit: 'exact' });
  });

  it('leaves out a listed invoice that is paid meanwhile, and matches nothing by a reference with a wrong check digit', async () => {
    const lines = await statement((xml) => xml.replace('<Ref>8000000020260105</Ref>', `<Ref>${reminder.reference}</Ref>`));
    const line = lines.find((transaction) => transaction.amountMinor === 64_000)!;
    const stillOpen = items.filter((candidate) => candidate.itemId !== 'D1|2026-0101');
    expect(new PaymentMatcher(stillOpen, [], letters).match(line)).toEqual({ kind: 'matched', method: 'reference', debtorId: 'D1', itemIds: ['D1|2026-0102'], fit: 'over' });
    const slipped = { ...line, structuredReference: `${reminder.reference.slice(0, -1)}${(Number(reminder.reference.at(-1)) + 1) % 10}` };
    expect(new PaymentMatcher(items, [], letters).match(slipped).kind).not.toBe('matched');
  });
});
