import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import type { LedgerTextsOverlay } from '../../../../shared/domain/ledger/ledger-overlay';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { readDebtorLedger } from '../store/read-ledger';
import { storeGeneratedPortfolio, statementPaying, type GeneratedChunks } from './bank-statement.test-support';
import { commitImport } from './commit-import';
import { prepareBankPayments } from './prepare-bank-payments';
import { assignPayment } from './review-payments';
import type { StoreUpdate } from './rewrite-chunks';

const TODAY = toIsoDate('2026-11-24');
const AT = '2026-11-24T09:00:00.000Z';
const open: KredoDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** How many records each table has been written (put, add) since `reset`, counted below every middleware. */
function countWrites(db: KredoDb) {
  const written = new Map<string, number>();
  db.use({
    stack: 'dbcore',
    name: 'countWrites',
    level: -1,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: (request) => (written.set(name, (written.get(name) ?? 0) + ('values' in request && request.values ? request.values.length : 0)), table.mutate(request)) };
      },
    }),
  });
  return { of: (name: string) => written.get(name) ?? 0, reset: () => written.clear() };
}

async function storeWith(name: string, seed: number): Promise<{ db: KredoDb; chunks: GeneratedChunks; writes: ReturnType<typeof countWrites> }> {
  const db = new KredoDb(name);
  const writes = countWrites(db);
  open.push(db);
  const chunks = await storeGeneratedPortfolio(db, seed, TODAY, { debtors: 60, items: 900, payments: 200 });
  return { db, chunks, writes };
}

/** Lines paying open invoices by reference, by number, by name alone, too much, money nobody is owed — picked by `picks`. */
const statement = (chunks: GeneratedChunks, picks: readonly number[], prefix: string) => statementPaying(chunks, picks, prefix, TODAY);

/** A bank import as the Imports screen stores it; `whole` stores every touched chunk whole, as before the overlays. */
async function importStatement(db: KredoDb, transactions: readonly BankTransaction[], fileId: string, whole: boolean) {
  const prepared = await prepareBankPayments(db, transactions, { fileName: `${fileId}.xml`, at: AT });
  const updates: StoreUpdate[] = whole ? prepared.updates.map((update) => ('before' in update ? { chunkId: update.chunkId, ledger: update.ledger } : update)) : prepared.updates;
  const portfolio = await commitImport(db, {
    record: { id: fileId, fileName: `${fileId}.xml`, fileHash: fileId, kind: 'bank-transactions', at: AT, report: {} },
    updates,
    toReview: prepared.toReview,
    today: TODAY,
    homeCurrency: 'EUR',
  });
  return { preview: prepared.preview, portfolio };
}

/** Everything a reader of the store sees of the ledgers and their figures. */
async function seen(db: KredoDb) {
  const debtors = (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
  return {
    numbers: await db.ledgerNumbers.toArray(),
    texts: await db.ledgerTexts.toArray(),
    numbersOneByOne: await Promise.all([...new Set(debtors.map((debtor) => debtor.chunkId))].map((chunkId) => db.ledgerNumbers.get(chunkId))),
    textsInBulk: await db.ledgerTexts.bulkGet([...new Set(debtors.map((debtor) => debtor.chunkId))]),
    ledgers: await Promise.all(debtors.map((debtor) => readDebtorLedger(db, debtor.chunkId, debtor.id))),
    openInvoices: await db.openInvoiceChunks.toArray(),
    summaries: await db.summaryChunks.toArray(),
    portfolio: await db.portfolio.toArray(),
    toReview: await db.paymentsToReview.toArray(),
  };
}

/** How many payment rows the text overlays hold, over all their deltas. */
const newPaymentsKept = (overlays: readonly LedgerTextsOverlay[]) => overlays.reduce((sum, overlay) => sum + ('deltas' in overlay ? overlay.deltas.reduce((count, delta) => count + delta.paymentIds.length, 0) : Number.NaN), 0);

describe('a bank import kept as overlays beside the ledger chunks', () => {
  it('writes only the columns it booked, and reads exactly as the same import written whole — over a second statement, its duplicates and an assignment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 50 }), fc.array(fc.nat(), { minLength: 10, maxLength: 40 }), fc.array(fc.nat(), { minLength: 5, maxLength: 20 }), async (seed, firstPicks, secondPicks) => {
        const overlaid = await storeWith(`overlay-${seed}-${firstPicks.length}-${secondPicks.length}`, seed);
        const whole = await storeWith(`whole-${seed}-${firstPicks.length}-${secondPicks.length}`, seed);
        const first = statement(overlaid.chunks, firstPicks, 'A');

        overlaid.writes.reset();
        const a = await importStatement(overlaid.db, first, 'first', false);
        const b = await importStatement(whole.db, first, 'first', true);
        expect(a).toEqual(b);
        expect(a.preview.booked.count).toBeGreaterThan(0);
        // Nor the chunks' open invoices (migration 0029): the open amounts it changed are folded into them as read.
        expect(overlaid.writes.of('ledgerNumberOverlays')).toBeGreaterThan(0);
        expect(overlaid.writes.of('openInvoiceChunks')).toBe(0);
        // The chunks' item columns were not written again: booking is in the overlays.
        expect(await overlaid.db.ledgerNumberOverlays.count()).toBeGreaterThan(0);
        expect(await whole.db.ledgerNumberOverlays.count()).toBe(0);
        // Only the payments it booked are kept beside the chunks, not their earlier ones again.
        expect(newPaymentsKept(await overlaid.db.ledgerTextOverlays.toArray())).toBe(a.preview.booked.count);
        expect(await seen(overlaid.db)).toEqual(await seen(whole.db));

        // Part of the same file again (all duplicates) and new lines: booked on the chunks as read, overlays replaced.
        const second = [...first.slice(0, 5), ...statement(overlaid.chunks, secondPicks, 'B')];
        overlaid.writes.reset();
        const a2 = await importStatement(overlaid.db, second, 'second', false);
        expect(overlaid.writes.of('openInvoiceChunks')).toBe(0);
        const b2 = await importStatement(whole.db, second, 'second', true);
        expect(a2).toEqual(b2);
        expect(a2.preview.duplicates).toBeGreaterThanOrEqual(5);
        // The second statement's bookings follow the first's as deltas of their own.
        expect(newPaymentsKept(await overlaid.db.ledgerTextOverlays.toArray())).toBe(a.preview.booked.count + a2.preview.booked.count);
        expect(await seen(overlaid.db)).toEqual(await seen(whole.db));

        // A line assigned on the review screen rewrites its chunk whole, which takes that chunk's overlays in for good.
        const waiting = (await overlaid.db.paymentsToReview.toArray())[0];
        if (waiting) {
          const debtor = (await overlaid.db.debtorChunks.get(0))!.debtors[0]!;
          const assignment = { paymentId: waiting.id, debtorId: debtor.id, itemIds: [], at: AT, today: TODAY, homeCurrency: 'EUR' };
          await assignPayment(overlaid.db, assignment);
          await assignPayment(whole.db, assignment);
          expect(await overlaid.db.ledgerNumberOverlays.get(0)).toBeUndefined();
          expect(await overlaid.db.ledgerTextOverlays.get(0)).toBeUndefined();
          expect(await seen(overlaid.db)).toEqual(await seen(whole.db));
        }
      }),
      { numRuns: 3 },
    );
  }, 300_000);
});
