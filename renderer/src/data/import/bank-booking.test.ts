import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import { DATA_TIERS } from '../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { bookPayment } from '../../../../shared/import/plan-bank-payments';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { replacePortfolio } from '../store/replace-portfolio';
import { loadEditableChunk, loadStoreIndex } from './chunk-loader';
import { loadLedgerColumns, matchPayments } from './match-payments';
import { prepareBankPayments } from './prepare-bank-payments';

const TODAY = toIsoDate('2026-11-24');
let db: KredoDb | undefined;
afterEach(() => db?.close());

/**
 * A bank import books on the stored ledger columns (ChunkBookings) instead of decoding every chunk it
 * touches: on a generated portfolio, each chunk it would store is the one booking on the decoded ledgers
 * stores, payment by payment in file order (issue 14).
 */
describe('prepareBankPayments', () => {
  it('stores each touched chunk exactly as booking every payment on the decoded ledgers does', async () => {
    db = new KredoDb('bank-booking-test');
    const plan = planPortfolio({ ...DATA_TIERS.S, debtors: 300, items: 6_000, payments: 1_500 }, { seed: 7, today: TODAY });
    const policy = generatePolicy(TODAY);
    const chunks = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
    await replacePortfolio(db, { policy, rates: generateExchangeRates(7, TODAY), chunks, chunkCount: plan.chunkCount, asOf: TODAY, at: '2026-11-24T08:00:00.000Z', source: 'benchmark' });

    // Lines paying open invoices by reference, by number in the text, by name alone (oldest first), a debtor
    // paying twice, and money nobody is owed.
    const open = chunks.flatMap((chunk) => chunk.ledgers.flatMap((ledger, slot) => ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0).map((item) => ({ item, name: chunk.debtors[slot]!.name }))));
    const transactions = Array.from({ length: 400 }, (_, index): BankTransaction => {
      const { item, name } = open[(index * 7919) % open.length]!;
      const kind = index % 5;
      return {
        id: `T${index}`, position: index, accountIban: 'NL91ABNA0417164300', bookingDate: TODAY, valueDate: TODAY, amountMinor: kind === 4 ? 999 : kind === 3 ? item.openMinor + 5_000 : item.openMinor - (index % 2) * 100, currency: item.currency,
        direction: 'credit', isReversal: false, counterpartyName: name, counterpartyIban: '',
        structuredReference: kind === 0 ? item.paymentReference : '', remittance: kind === 1 ? `Factuur ${item.number}` : '', endToEndId: '', bankReference: `B${index}`,
      };
    });
    const prepared = await prepareBankPayments(db, transactions, { fileName: 'statement.xml', at: '2026-11-24T09:00:00.000Z' });
    expect(prepared.preview.booked.count).toBeGreaterThan(200);

    // The decoded way, as prepareBankPayments did before: every booked line on its debtor's decoded ledger, in file order.
    const index = await loadStoreIndex(db);
    const { decisions } = matchPayments(await loadLedgerColumns(db), index, transactions);
    const decoded = new Map<number, Awaited<ReturnType<typeof loadEditableChunk>>>();
    for (const [position, decision] of decisions.entries()) {
      if (decision.kind !== 'book') continue;
      const debtor = index.byId.get(decision.match.debtorId)!;
      const chunk = decoded.get(debtor.chunkId) ?? (await loadEditableChunk(db, debtor.chunkId));
      decoded.set(debtor.chunkId, chunk);
      const slot = chunk.debtors.findIndex((candidate) => candidate.id === debtor.id);
      chunk.ledgers[slot] = bookPayment(chunk.ledgers[slot]!, transactions[position]!, decision.match.itemIds);
    }
    const stored = prepared.updates.map((update) => ('ledger' in update ? update.ledger : encodeLedgerChunk(update.chunkId, update.ledgers, update.debtors.map((debtor) => debtor.country))));
    const expected = [...decoded.values()].map((chunk) => encodeLedgerChunk(chunk.chunkId, chunk.ledgers, chunk.debtors.map((debtor) => debtor.country)));
    expect(stored.map((chunk) => chunk.numbers.chunkId).sort()).toEqual(expected.map((chunk) => chunk.numbers.chunkId).sort());
    for (const chunk of expected) expect(stored.find((candidate) => candidate.numbers.chunkId === chunk.numbers.chunkId)).toEqual(chunk);
  });
});
