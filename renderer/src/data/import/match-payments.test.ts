import { describe, expect, it } from 'vitest';
import { encodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import { NO_ALIASES } from '../../../../shared/domain/debtors/debtor';
import type { DebtorLedger, LedgerPayment } from '../../../../shared/domain/ledger/ledger-types';
import { testItem } from '../../../../shared/domain/ledger/test-ledger';
import { createBetalingskenmerk } from '../../../../shared/domain/references/betalingskenmerk';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { toIsoDate } from '../../../../shared/time/iso-date';
import type { StoredDebtor } from '../db/schema';
import type { StoreIndex } from './chunk-loader';
import { matchPayments, type LedgerColumns } from './match-payments';
import { indexForMatching } from './matching-store-index';

/**
 * matchPayments reads the store's ledger columns the way an import does, without Dexie: which open invoices
 * and which debtors a bank statement can match (issue 12, item 11).
 */
const kenmerk = createBetalingskenmerk('20260201');

const debtor = (id: string, name: string, chunkId: number): StoredDebtor => ({
  id, customerCode: id, name, country: 'NL', currency: 'EUR', paymentTermsDays: 30, language: 'nl', jurisdiction: 'NL', identifiers: [], contacts: [], segment: '', createdOn: toIsoDate('2026-01-01'), chunkId,
});

const earlierPayment = (id: string, debtorId: string, counterpartyIban: string): LedgerPayment => ({
  id, debtorId, date: toIsoDate('2026-09-15'), currency: 'EUR', amountMinor: 30_000, unappliedMinor: 0, reference: '', remittance: '', counterpartyName: '', counterpartyIban,
});

const ledger = (debtorId: string, items: DebtorLedger['items'], payments: DebtorLedger['payments'] = []): DebtorLedger => ({ debtorId, items, payments, allocations: [] });

const debtors = [
  debtor('D1', 'Bakker Bouw B.V.', 1), debtor('D2', 'De Vries Metaal B.V.', 1),
  // Visser Techniek took over Visser Installatie: merged, it keeps the old name as an alias.
  { ...debtor('D3', 'Visser Techniek B.V.', 1), aliases: { ...NO_ALIASES, names: ['Visser Installatie B.V.'] } },
  debtor('D4', 'Berg Logistiek B.V.', 2), debtor('D5', 'Berg Installatie B.V.', 2),
];
const chunks = [
  encodeLedgerChunk(1, [
    ledger('D1', [
      testItem('D1', '2026-0101', { invoiceDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 50_000 }),
      testItem('D1', '2026-0102', { invoiceDate: '2026-10-01', dueDate: '2026-11-01', amountMinor: 30_000 }),
      // Paid in September, and a credit note of the same amount: neither is an invoice this money can pay.
      testItem('D1', '2026-0090', { invoiceDate: '2026-08-01', dueDate: '2026-09-01', amountMinor: 30_000, openMinor: 0 }),
      testItem('D1', 'CN-0091', { invoiceDate: '2026-08-15', dueDate: '2026-08-15', amountMinor: -30_000 }),
    ], [earlierPayment('BT-OLD', 'D1', 'NL20INGB0001234567'), earlierPayment('BT-OLD2', 'D1', 'NL39RABO0300065264')]),
    ledger('D2', [{ ...testItem('D2', '2026-0201', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 20_000 }), paymentReference: kenmerk }]),
    ledger('D3', [testItem('D3', '2026-0301', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 12_500 }), testItem('D3', '2026-0302', { invoiceDate: '2026-10-15', dueDate: '2026-11-14', amountMinor: 7_500 })]),
  ], ['NL', 'NL', 'NL']),
  // Two group companies that have paid from one account, in another chunk.
  encodeLedgerChunk(2, [
    ledger('D4', [testItem('D4', '2026-0401', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 30_000 })], [earlierPayment('BT-D4', 'D4', 'NL66ABNA0000000003')]),
    ledger('D5', [testItem('D5', '2026-0501', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 30_000 })], [earlierPayment('BT-D5', 'D5', 'NL66 ABNA 0000 0000 03')]),
  ], ['NL', 'NL']),
];
// A chunk whose texts are missing (the two tables are read apart) is passed over, not a reason to fail.
const withoutTexts = encodeLedgerChunk(3, [ledger('D6', [testItem('D6', '2026-0601', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 30_000 })], [earlierPayment('BT-D6', 'D6', 'NL20INGB0001234567')])], ['NL']);
const columns = (reviewIds: readonly string[] = []): LedgerColumns => ({
  numbers: [...chunks.map((chunk) => chunk.numbers), withoutTexts.numbers],
  textsOf: new Map(chunks.map((chunk) => [chunk.numbers.chunkId, chunk.texts])),
  reviewIds: new Set(reviewIds),
});
const index: StoreIndex = {
  byCustomerCode: new Map(debtors.map((entry) => [entry.customerCode, entry])),
  byId: new Map(debtors.map((entry) => [entry.id, entry])),
  debtorCount: debtors.length,
  lastChunk: { chunkId: 2, size: 2 },
};

const line = (id: string, amountMinor: number, fields: Partial<BankTransaction> = {}): BankTransaction => ({
  id, position: 1, accountIban: 'NL91ABNA0417164300', bookingDate: toIsoDate('2026-11-20'), valueDate: toIsoDate('2026-11-20'), amountMinor, currency: 'EUR',
  direction: 'credit', isReversal: false, counterpartyName: '', counterpartyIban: '', structuredReference: '', remittance: '', endToEndId: '', bankReference: '', ...fields,
});

describe('matchPayments', () => {
  it('finds the debtor by the accounts it paid from before, and pays its open invoice of exactly the amount', () => {
    const { decisions, itemNumbers } = matchPayments(columns(), index, [line('T1', 30_000, { counterpartyIban: 'NL20 INGB 0001 2345 67' }), line('T2', 50_000, { counterpartyIban: 'NL39RABO0300065264' })]);
    expect(decisions).toEqual([
      { kind: 'book', match: { kind: 'matched', method: 'iban', debtorId: 'D1', itemIds: ['D1|2026-0102'], fit: 'exact' } },
      { kind: 'book', match: { kind: 'matched', method: 'iban', debtorId: 'D1', itemIds: ['D1|2026-0101'], fit: 'exact' } },
    ]);
    expect(itemNumbers.get('D1|2026-0102')).toBe('2026-0102');
  });

  it('pays a debtor found by name its oldest open invoices, comparing with what they owe', () => {
    const { decisions } = matchPayments(columns(), index, [line('T1', 80_000, { counterpartyName: 'BAKKER BOUW BV' })]);
    expect(decisions).toEqual([{ kind: 'book', match: { kind: 'matched', method: 'name', debtorId: 'D1', itemIds: [], fit: 'exact' } }]);
  });

  it('matches a reference and an invoice number to the open invoices they name, and only those are read', () => {
    const { decisions, candidateCount } = matchPayments(columns(), index, [line('T1', 20_000, { structuredReference: kenmerk }), line('T2', 12_500, { remittance: 'Factuur 2026-0301' })]);
    expect(decisions).toEqual([
      { kind: 'book', match: { kind: 'matched', method: 'reference', debtorId: 'D2', itemIds: ['D2|2026-0201'], fit: 'exact' } },
      { kind: 'book', match: { kind: 'matched', method: 'invoice-number', debtorId: 'D3', itemIds: ['D3|2026-0301'], fit: 'exact' } },
    ]);
    expect(candidateCount).toBe(2);
  });

  it('leaves a payment from an account two debtors have paid from to the controller', () => {
    const { decisions } = matchPayments(columns(), index, [line('T1', 30_000, { counterpartyIban: 'NL66ABNA0000000003', counterpartyName: 'Berg Groep' })]);
    expect(decisions).toEqual([{ kind: 'review', match: { kind: 'ambiguous', debtorIds: ['D4', 'D5'] } }]);
  });

  it('leaves a settled invoice’s number to the controller rather than pay it twice', () => {
    const { decisions } = matchPayments(columns(), index, [line('T1', 30_000, { remittance: 'Factuur 2026-0090' })]);
    expect(decisions).toEqual([{ kind: 'review', match: { kind: 'unmatched' } }]);
  });

  it('skips lines already booked or waiting for review, also when other lines are matched by account or name', () => {
    const { decisions } = matchPayments(columns(['T2']), index, [line('BT-OLD', 30_000, { counterpartyIban: 'NL20INGB0001234567' }), line('T2', 5_000), line('T3', 30_000, { counterpartyIban: 'NL20INGB0001234567' })]);
    expect(decisions).toEqual([{ kind: 'duplicate' }, { kind: 'duplicate' }, { kind: 'book', match: { kind: 'matched', method: 'iban', debtorId: 'D1', itemIds: ['D1|2026-0102'], fit: 'exact' } }]);
  });

  it('finds a debtor by the name of a debtor merged into it', () => {
    const { decisions } = matchPayments(columns(), index, [line('T1', 20_000, { counterpartyName: 'VISSER INSTALLATIE BV' })]);
    expect(decisions).toEqual([{ kind: 'book', match: { kind: 'matched', method: 'name', debtorId: 'D3', itemIds: [], fit: 'exact' } }]);
  });

  it('with the store indexed ahead, as a bank import does while the file is analysed, reads no stored payment again and decides the same', () => {
    const lines = [
      line('BT-OLD', 30_000, { counterpartyIban: 'NL20INGB0001234567' }), line('T2', 5_000), line('T3', 30_000, { counterpartyIban: 'NL20 INGB 0001 2345 67' }),
      line('T4', 80_000, { counterpartyName: 'BAKKER BOUW BV' }), line('T5', 20_000, { counterpartyName: 'VISSER INSTALLATIE BV' }),
      line('T6', 30_000, { counterpartyIban: 'NL66ABNA0000000003', counterpartyName: 'Berg Groep' }), line('T7', 20_000, { structuredReference: kenmerk }),
    ];
    const stored = indexForMatching(columns(['T2']), index);
    // Every stored payment's id and account, counted as matching reads them from the columns.
    let reads = 0;
    const counted = (values: readonly string[]) => new Proxy(values, { get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) && (reads += 1), Reflect.get(target, key, receiver)) });
    const watched: LedgerColumns = {
      ...columns(['T2']),
      textsOf: new Map([...columns().textsOf].map(([chunkId, texts]) => [chunkId, { ...texts, paymentIds: counted(texts.paymentIds), paymentCounterpartyIbans: counted(texts.paymentCounterpartyIbans) }])),
    };
    const { decisions } = matchPayments(watched, index, lines, [], stored);
    expect(reads).toBe(0);
    expect(decisions).toEqual(matchPayments(columns(['T2']), index, lines).decisions);
    expect(decisions.map((decision) => decision.kind)).toEqual(['duplicate', 'duplicate', 'book', 'book', 'book', 'review', 'book']);
  });
});
