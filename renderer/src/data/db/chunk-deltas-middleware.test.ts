import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { KredoDb } from './kredo-db';
import type { LimitChunk, SummaryChunk } from './schema';

let db: KredoDb;
afterEach(() => db?.close());

const limit = (debtorId: string, amount: number, coverId = `CV-${debtorId}`): CreditLimit => ({ debtorId, source: 'insurer', coverId, status: 'APPROVED', currency: 'EUR', decidedAmountMinor: amount, tranches: [], conditions: [], reasons: [], history: [] });
const summary = (debtorId: string, limitMinor: number) => ({ debtorId, limitMinor, openMinor: 100 }) as unknown as DebtorSummary;
const amounts = (chunk: LimitChunk | undefined) => chunk?.limits.map((one) => `${one.debtorId}:${one.decidedAmountMinor}`);

async function store(name: string): Promise<KredoDb> {
  db = new KredoDb(name);
  await db.transaction('rw', [db.limitChunks, db.summaryChunks], async () => {
    await db.limitChunks.bulkPut([{ chunkId: 0, limits: [limit('D1', 100), limit('D2', 200)] }, { chunkId: 1, limits: [limit('D3', 300)] }]);
    await db.summaryChunks.bulkPut([{ chunkId: 0, asOf: '2026-11-24', summaries: [summary('D1', 100), summary('D2', 200)] }, { chunkId: 1, asOf: '2026-11-24', summaries: [summary('D3', 300)] }]);
  });
  await db.limitDeltas.put({ chunkId: 0, limits: [limit('D2', 50), limit('D9', 900)] });
  await db.summaryDeltas.put({ chunkId: 0, summaries: [summary('D2', 50)] });
  return db;
}

describe('chunk deltas folded into every read of limitChunks and summaryChunks (migration 0026)', () => {
  it('shows a chunk with its delta whichever way it is read: get, bulkGet, toArray, an index, each, inside a transaction or not', async () => {
    await store('deltas-reads');
    const expected = ['D1:100', 'D2:50', 'D9:900'];
    expect(amounts(await db.limitChunks.get(0))).toEqual(expected);
    expect((await db.limitChunks.bulkGet([1, 0, 7])).map(amounts)).toEqual([['D3:300'], expected, undefined]);
    expect((await db.limitChunks.toArray()).map(amounts)).toEqual([expected, ['D3:300']]);
    expect(amounts(await db.limitChunks.where('coverIds').equals('CV-D1').first())).toEqual(expected);
    const each: string[][] = [];
    await db.limitChunks.each((chunk) => void each.push(amounts(chunk)!));
    expect(each).toEqual([expected, ['D3:300']]);
    const inTransaction = await db.transaction('r', db.summaryChunks, () => db.summaryChunks.toArray());
    expect(inTransaction.map((chunk: SummaryChunk) => chunk.summaries.map((one) => one.limitMinor))).toEqual([[100, 50], [300]]);
    expect((await db.summaryChunks.get(0))?.asOf).toBe('2026-11-24');
  });

  it('drops a chunk’s delta when the chunk is written whole, deleted or cleared, in the same transaction', async () => {
    await store('deltas-writes');
    // Written whole from what was read: the delta is in it and no longer kept apart.
    await db.transaction('rw', db.limitChunks, async () => db.limitChunks.put((await db.limitChunks.get(0))!));
    expect(await db.limitDeltas.count()).toBe(0);
    expect(amounts(await db.limitChunks.get(0))).toEqual(['D1:100', 'D2:50', 'D9:900']);
    // A chunk replaced by an import: its delta must not come back over the new limits.
    await db.summaryChunks.put({ chunkId: 0, asOf: '2026-11-25', summaries: [summary('D2', 7)] });
    expect(await db.summaryDeltas.count()).toBe(0);
    expect((await db.summaryChunks.get(0))?.summaries.map((one) => one.limitMinor)).toEqual([7]);

    await db.limitDeltas.put({ chunkId: 1, limits: [limit('D3', 1)] });
    await db.limitChunks.delete(1);
    expect(await db.limitDeltas.count()).toBe(0);
    await db.summaryDeltas.put({ chunkId: 1, summaries: [summary('D3', 1)] });
    await db.summaryChunks.clear();
    expect(await db.summaryDeltas.count()).toBe(0);
  });

  it('rolls a delta back with its transaction when the transaction fails', async () => {
    await store('deltas-abort');
    await expect(
      db.transaction('rw', [db.limitChunks, db.limitDeltas], async () => {
        await db.limitDeltas.put({ chunkId: 1, limits: [limit('D3', 1)] });
        expect(amounts(await db.limitChunks.get(1))).toEqual(['D3:1']);
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(amounts(await db.limitChunks.get(1))).toEqual(['D3:300']);
  });
});
