import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_TIERS } from '../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { TABLE_NAMES } from '../db/schema';
import { replacePortfolio } from '../store/replace-portfolio';
import { commitImport } from './commit-import';
import { prepareBankPayments } from './prepare-bank-payments';
import { CHUNKS_IN_FLIGHT } from './rewrite-chunks';

const TODAY = toIsoDate('2026-11-24');
const AT = '2026-11-24T09:00:00.000Z';
const open: KredoDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A store of twenty chunks, and a statement paying one open invoice of each of its first debtors by reference. */
async function bookedStore(name: string, probe: Middleware<DBCore>) {
  const db = new KredoDb(name);
  open.push(db);
  db.use(probe);
  const plan = planPortfolio({ ...DATA_TIERS.S, debtors: 2_000, items: 8_000, payments: 800 }, { seed: 7, today: TODAY });
  const policy = generatePolicy(TODAY);
  const chunks = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
  await replacePortfolio(db, { policy, rates: generateExchangeRates(7, TODAY), chunks, chunkCount: plan.chunkCount, asOf: TODAY, at: '2026-11-24T08:00:00.000Z', source: 'benchmark' });
  const transactions = chunks.flatMap((chunk) =>
    chunk.ledgers.slice(0, 4).flatMap((ledger, slot) => {
      const item = ledger.items.find((candidate) => candidate.kind === 'invoice' && candidate.openMinor > 0);
      if (!item) return [];
      const id = `L${chunk.chunkId}-${slot}`;
      return [{ id, position: 0, accountIban: 'NL91ABNA0417164300', bookingDate: TODAY, valueDate: TODAY, amountMinor: item.openMinor, currency: item.currency, direction: 'credit', isReversal: false, counterpartyName: chunk.debtors[slot]!.name, counterpartyIban: '', structuredReference: item.paymentReference, remittance: '', endToEndId: '', bankReference: id } satisfies BankTransaction];
    }),
  );
  const prepared = await prepareBankPayments(db, transactions, { fileName: 'statement.xml', at: AT });
  return { db, prepared };
}

const commit = (db: KredoDb, prepared: Awaited<ReturnType<typeof prepareBankPayments>>, onChunk?: () => void) =>
  commitImport(db, {
    record: { id: 'statement', fileName: 'statement.xml', fileHash: 'statement', kind: 'bank-transactions', at: AT, report: {} },
    updates: prepared.updates,
    toReview: prepared.toReview,
    today: TODAY,
    homeCurrency: 'EUR',
    ...(onChunk && { onChunk }),
  });

/** Every table as a reader sees it. */
async function snapshot(db: KredoDb): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) result[name] = await db.table(name).toArray();
  return result;
}

type Mutate = (request: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>;

/** A middleware around one table's writes: `mutate` is given each request and the table's own mutate. */
function aroundWrites(tableName: string, mutate: (request: DBCoreMutateRequest, down: Mutate) => Promise<DBCoreMutateResponse>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: `around-${tableName}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return name === tableName ? { ...table, mutate: (request: DBCoreMutateRequest) => mutate(request, (inner) => table.mutate(inner)) } : table;
      },
    }),
  };
}

/** A probe on the summary chunks' writes: `onPut` is told of each, with how many others are still under way. */
function summaryWrites(onPut: (chunkIds: readonly number[], underWay: number) => void): Middleware<DBCore> {
  let underWay = 0;
  return aroundWrites('summaryChunks', async (request, down) => {
    if (request.type !== 'put') return down(request);
    onPut(request.values.map((value: { chunkId: number }) => value.chunkId), underWay);
    underWay += 1;
    try {
      return await down(request);
    } finally {
      underWay -= 1;
    }
  });
}

describe('rewriting the chunks an import changed', () => {
  it('works out the next chunk while IndexedDB still writes the chunks before it, and reports each chunk once, in order', async () => {
    let watching = false;
    let mostUnderWay = 0;
    const written: number[] = [];
    const { db, prepared } = await bookedStore('rewrite-in-flight', summaryWrites((chunkIds, underWay) => {
      if (!watching) return;
      written.push(...chunkIds);
      mostUnderWay = Math.max(mostUnderWay, underWay);
    }));
    // More chunks than are ever under way at once, so writing goes on after waiting for the first ones.
    expect(prepared.updates.length).toBeGreaterThan(CHUNKS_IN_FLIGHT + 2);
    watching = true;
    let reported = 0;
    await commit(db, prepared, () => (reported += 1));
    // Every booked chunk written once, in order, and more than one of them under way at a time.
    expect(written).toEqual(prepared.updates.map((update) => update.chunkId));
    expect(reported).toBe(prepared.updates.length);
    expect(mostUnderWay).toBeGreaterThan(0);
  });

  it('leaves the store exactly as it was when a chunk fails to be written while later chunks are already under way', async () => {
    // No chunk fails while the store is filled and the statement prepared.
    let failAt = -1;
    // The disk fills up as that chunk's booking is written beside it.
    const failing = aroundWrites('ledgerNumberOverlays', (request, down) =>
      request.type === 'put' && request.values.some((value: { chunkId: number }) => value.chunkId === failAt) ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : down(request),
    );
    const { db, prepared } = await bookedStore('rewrite-fails', failing);
    const before = await snapshot(db);
    // A chunk written after the first ones were waited for.
    failAt = prepared.updates[CHUNKS_IN_FLIGHT + 1]!.chunkId;
    await expect(commit(db, prepared)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});
