import 'fake-indexeddb/auto';
import type { DBCore, Middleware } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreDebtorRisk } from '../../../../shared/domain/risk/risk-score';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from './kredo-db';
import { overdueRiskSummaries, worklistSummariesAsRead, worklistSummariesOf } from './worklist-summaries';

const today = '2026-11-24' as IsoDate;

/** What each chunk's worklist summaries must read as: derived from its summaries as every reader sees them (delta folded in). */
async function expectedRecords(db: KredoDb) {
  return (await db.summaryChunks.toArray()).map((chunk) => worklistSummariesOf(chunk));
}

/** Each chunk's worklist summaries as the worklist reads them: the record with the chunk's sync delta folded in. */
async function recordsAsRead(db: KredoDb) {
  const deltas = new Map((await db.summaryDeltas.toArray()).map((delta) => [delta.chunkId, delta]));
  return (await db.worklistSummaryChunks.toArray()).map((record) => worklistSummariesAsRead(record, deltas.get(record.chunkId)));
}

/** The overdue debtors of a chunk's summaries, as the worklist picked them from the whole summaries. */
const overdueOf = (summaries: readonly DebtorSummary[]) => summaries.filter((summary) => summary.overdueMinor > 0).map((summary) => summary.debtorId);

const changed = (summary: DebtorSummary, overdueMinor: number): DebtorSummary => ({ ...summary, overdueMinor, openMinor: summary.openMinor + overdueMinor, maxDaysOverdue: overdueMinor > 0 ? 45 : 0 });

describe('each summary chunk’s worklist summaries, kept beside it by the store (migration 0027)', () => {
  it('are written with every summary chunk and again whenever one is written: put, update, in a transaction; deleted and cleared with them', async () => {
    const db = await openDemoStore('worklist-summaries-1', today);
    const kept = await db.worklistSummaryChunks.toArray();
    expect(kept.length).toBeGreaterThan(1);
    expect(kept).toEqual(await expectedRecords(db));

    const chunk = (await db.summaryChunks.get(0))!;
    await db.summaryChunks.put({ ...chunk, summaries: chunk.summaries.map((summary, index) => (index < 5 ? changed(summary, 1_000 + index) : summary)) });
    expect([...overdueRiskSummaries((await db.worklistSummaryChunks.get(0))!, undefined).keys()]).toEqual(overdueOf((await db.summaryChunks.get(0))!.summaries));
    await db.summaryChunks.update(1, { summaries: (await db.summaryChunks.get(1))!.summaries.map((summary) => changed(summary, 0)) });
    expect(overdueRiskSummaries((await db.worklistSummaryChunks.get(1))!, undefined).size).toBe(0);
    await db.transaction('rw', db.summaryChunks, async () => {
      const second = (await db.summaryChunks.get(1))!;
      await db.summaryChunks.bulkPut([{ ...second, summaries: second.summaries.slice(1) }]);
    });
    expect(await db.worklistSummaryChunks.toArray()).toEqual(await expectedRecords(db));

    await db.summaryChunks.delete(1);
    expect(await db.worklistSummaryChunks.get(1)).toBeUndefined();
    expect(await db.worklistSummaryChunks.toArray()).toEqual(await expectedRecords(db));
    await db.summaryChunks.clear();
    expect(await db.worklistSummaryChunks.count()).toBe(0);
    db.close();
  });

  it('are left as they are by an insurer sync’s summary delta — neither read nor written — and fold it in as the worklist reads them', async () => {
    // Every request that reaches the records, seen right above IndexedDB (below every middleware of the store).
    const requests: string[] = [];
    const watch: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'watchWorklistSummaries',
      level: 0,
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'worklistSummaryChunks') return table;
          return {
            ...table,
            get: (request) => (requests.push('get'), table.get(request)),
            getMany: (request) => (requests.push('getMany'), table.getMany(request)),
            query: (request) => (requests.push('query'), table.query(request)),
            openCursor: (request) => (requests.push('openCursor'), table.openCursor(request)),
            mutate: (request) => (requests.push(request.type), table.mutate(request)),
          };
        },
      }),
    };
    const db = await openDemoStore('worklist-summaries-2', today, (store) => store.use(watch));
    const base = (await db.summaryChunks.get(0))!.summaries;
    const stored = await db.worklistSummaryChunks.toArray();
    requests.length = 0;
    // A sync changes two debtors (one now overdue, one no longer), in its transaction over chunks and deltas.
    await db.transaction('rw', [db.summaryChunks, db.summaryDeltas], async () => {
      await db.summaryDeltas.put({ chunkId: 0, summaries: [changed(base[0]!, 0), changed(base[1]!, 777)] });
    });
    expect(requests).toEqual([]);
    expect(await db.worklistSummaryChunks.toArray()).toEqual(stored);
    expect(await recordsAsRead(db)).toEqual(await expectedRecords(db));
    expect(overdueRiskSummaries((await recordsAsRead(db))[0]!, undefined).get(base[1]!.debtorId)?.overdueMinor).toBe(777);
    db.close();
  });

  it('read with the chunk’s sync delta folded in equal the chunk as read, however the delta grows, shrinks or goes, and after the chunk is written whole', async () => {
    const db = await openDemoStore('worklist-summaries-5', today);
    const base = (await db.summaryChunks.get(0))!.summaries;
    // The delta grows, as a second sync changes a third debtor and one of the two again.
    await db.summaryDeltas.put({ chunkId: 0, summaries: [changed(base[0]!, 0), changed(base[1]!, 777)] });
    await db.transaction('rw', [db.summaryChunks, db.summaryDeltas], async () => {
      await db.summaryDeltas.put({ chunkId: 0, summaries: [changed(base[0]!, 0), changed(base[1]!, 888), changed(base[2]!, 5)] });
    });
    expect(await recordsAsRead(db)).toEqual(await expectedRecords(db));
    expect(overdueRiskSummaries((await recordsAsRead(db))[0]!, undefined).get(base[1]!.debtorId)?.overdueMinor).toBe(888);

    // Written whole from what was read (the daily refresh, say): the delta is folded in and dropped, the record derived again.
    await db.transaction('rw', db.summaryChunks, async () => db.summaryChunks.put((await db.summaryChunks.get(0))!));
    expect(await db.summaryDeltas.count()).toBe(0);
    expect(await db.worklistSummaryChunks.get(0)).toEqual(worklistSummariesOf((await db.summaryChunks.get(0))!));

    // A delta deleted on its own (the chunk reads as before it) or replaced by one without a debtor it held: the debtor reads as the chunk holds it.
    const second = (await db.summaryChunks.get(1))!.summaries;
    await db.summaryDeltas.put({ chunkId: 1, summaries: [changed(second[0]!, 3)] });
    await db.summaryDeltas.delete(1);
    expect(await recordsAsRead(db)).toEqual(await expectedRecords(db));
    await db.summaryDeltas.put({ chunkId: 1, summaries: [changed(second[0]!, 3), changed(second[1]!, 4)] });
    await db.summaryDeltas.put({ chunkId: 1, summaries: [changed(second[1]!, 4)] });
    expect(await recordsAsRead(db)).toEqual(await expectedRecords(db));
    await db.summaryDeltas.clear();
    expect(await recordsAsRead(db)).toEqual(await expectedRecords(db));
    db.close();
  });

  it('never stop a summary chunk being written: a summary lacking a figure the worklist reads leaves its chunk without a record', async () => {
    const db = await openDemoStore('worklist-summaries-3', today);
    const chunk = (await db.summaryChunks.get(0))!;
    const odd = { ...chunk.summaries[0]!, daysLateRecent: undefined } as unknown as DebtorSummary;
    await db.summaryChunks.put({ ...chunk, summaries: [odd, ...chunk.summaries.slice(1)] });
    expect((await db.summaryChunks.get(0))!.summaries[0]!.daysLateRecent).toBeUndefined();
    expect(await db.worklistSummaryChunks.get(0)).toBeUndefined();
    // Likewise in a sync's delta: the record cannot be read with it (the worklist reads that chunk whole).
    const delta = { chunkId: 1, summaries: [{ ...(await db.summaryChunks.get(1))!.summaries[0]!, openMinor: undefined } as unknown as DebtorSummary] };
    await db.summaryDeltas.put(delta);
    expect(worklistSummariesAsRead((await db.worklistSummaryChunks.get(1))!, delta)).toBeUndefined();
    db.close();
  });

  it('give the worklist each overdue debtor and its risk score as the whole summary says it, for any summaries', async () => {
    const db = await openDemoStore('worklist-summaries-4', today);
    const summaries = (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
    db.close();
    const money = fc.integer({ min: -5_000_000, max: 50_000_000 });
    const arbitrarySummary = fc.record({
      summary: fc.constantFrom(...summaries),
      openMinor: money,
      overdueMinor: fc.oneof(fc.constant(0), money),
      maxDaysOverdue: fc.integer({ min: -10, max: 400 }),
      exposureMinor: money,
      limitMinor: fc.oneof(fc.constant(0), money),
      internalLimitMinor: fc.option(money, { nil: undefined }),
      disputedMinor: fc.oneof(fc.constant(0), money),
      daysLate: fc.record({ weightedDaysMinor: fc.double({ min: -1e9, max: 1e9, noNaN: true }), amountMinor: fc.oneof(fc.constant(0), money) }),
      daysLateRecent: fc.record({ weightedDaysMinor: fc.double({ min: -1e9, max: 1e9, noNaN: true }), amountMinor: fc.oneof(fc.constant(0), money) }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitrarySummary, { selector: (spec) => spec.summary.debtorId, maxLength: 40 }), fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }), fc.boolean(), (specs, gradeValue, onlySome) => {
        const chunk = specs.map(({ summary, internalLimitMinor, ...figures }): DebtorSummary => {
          const { internalLimitMinor: _dropped, ...rest } = summary;
          return { ...rest, ...figures, ...(internalLimitMinor !== undefined && { internalLimitMinor }) };
        });
        const only = onlySome ? new Set(chunk.filter((_, index) => index % 2 === 0).map((summary) => summary.debtorId)) : undefined;
        const record = worklistSummariesOf({ chunkId: 3, summaries: chunk })!;
        const read = overdueRiskSummaries(structuredClone(record), only);
        const expected = chunk.filter((summary) => summary.overdueMinor > 0 && (!only || only.has(summary.debtorId)));
        expect([...read.keys()]).toEqual(expected.map((summary) => summary.debtorId));
        const grade = gradeValue === undefined ? undefined : { scale: '1-10' as const, value: gradeValue, updatedOn: today };
        for (const summary of expected) expect(scoreDebtorRisk(read.get(summary.debtorId)!, grade)).toEqual(scoreDebtorRisk(summary, grade));
      }),
      { numRuns: 200 },
    );
  });
});
