import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreDebtorRisk } from '../../../../shared/domain/risk/risk-score';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from './kredo-db';
import { overdueRiskSummaries, worklistSummariesOf } from './worklist-summaries';

const today = '2026-11-24' as IsoDate;

/** What each chunk's worklist summaries must be: derived from its summaries as every reader sees them (delta folded in). */
async function expectedRecords(db: KredoDb) {
  return (await db.summaryChunks.toArray()).map((chunk) => worklistSummariesOf(chunk));
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

  it('follow an insurer sync’s summary delta beside the chunk, and the chunk written whole after it; a delta gone on its own takes the record with it', async () => {
    const db = await openDemoStore('worklist-summaries-2', today);
    const base = (await db.summaryChunks.get(0))!.summaries;
    // A sync changes two debtors (one now overdue, one no longer), then a third: the delta grows.
    await db.summaryDeltas.put({ chunkId: 0, summaries: [changed(base[0]!, 0), changed(base[1]!, 777)] });
    expect(await db.worklistSummaryChunks.toArray()).toEqual(await expectedRecords(db));
    await db.transaction('rw', [db.summaryChunks, db.summaryDeltas], async () => {
      await db.summaryDeltas.put({ chunkId: 0, summaries: [changed(base[0]!, 0), changed(base[1]!, 888), changed(base[2]!, 5)] });
    });
    expect(await db.worklistSummaryChunks.toArray()).toEqual(await expectedRecords(db));
    expect(overdueRiskSummaries((await db.worklistSummaryChunks.get(0))!, undefined).get(base[1]!.debtorId)?.overdueMinor).toBe(888);

    // Written whole from what was read (the daily refresh, say): the delta is folded in and dropped, the record stays true.
    await db.transaction('rw', db.summaryChunks, async () => db.summaryChunks.put((await db.summaryChunks.get(0))!));
    expect(await db.summaryDeltas.count()).toBe(0);
    expect(await db.worklistSummaryChunks.get(0)).toEqual(worklistSummariesOf((await db.summaryChunks.get(0))!));

    // A delta deleted on its own (the chunk reads as before it) or replaced by one without a debtor it held: no record, the chunk is read whole.
    await db.summaryDeltas.put({ chunkId: 1, summaries: [changed((await db.summaryChunks.get(1))!.summaries[0]!, 3)] });
    await db.summaryDeltas.delete(1);
    expect(await db.worklistSummaryChunks.get(1)).toBeUndefined();
    await db.summaryChunks.put((await db.summaryChunks.get(1))!);
    expect(await db.worklistSummaryChunks.get(1)).toBeDefined();
    const second = (await db.summaryChunks.get(1))!.summaries;
    await db.summaryDeltas.put({ chunkId: 1, summaries: [changed(second[0]!, 3), changed(second[1]!, 4)] });
    await db.summaryDeltas.put({ chunkId: 1, summaries: [changed(second[1]!, 4)] });
    expect(await db.worklistSummaryChunks.get(1)).toBeUndefined();
    // A delta of a chunk that has no record leaves it without one.
    await db.summaryDeltas.put({ chunkId: 1, summaries: [changed(second[0]!, 3), changed(second[1]!, 4)] });
    expect(await db.worklistSummaryChunks.get(1)).toBeUndefined();
    // Every record kept is true to its chunk as read.
    const records = await db.worklistSummaryChunks.toArray();
    expect(records.map((record) => record.chunkId)).toEqual([0]);
    for (const record of records) expect(record).toEqual(worklistSummariesOf((await db.summaryChunks.get(record.chunkId))!));
    db.close();
  });

  it('never stop a summary chunk being written: a summary lacking a figure the worklist reads leaves its chunk without a record', async () => {
    const db = await openDemoStore('worklist-summaries-3', today);
    const chunk = (await db.summaryChunks.get(0))!;
    const odd = { ...chunk.summaries[0]!, daysLateRecent: undefined } as unknown as DebtorSummary;
    await db.summaryChunks.put({ ...chunk, summaries: [odd, ...chunk.summaries.slice(1)] });
    expect((await db.summaryChunks.get(0))!.summaries[0]!.daysLateRecent).toBeUndefined();
    expect(await db.worklistSummaryChunks.get(0)).toBeUndefined();
    // Likewise in a sync's delta.
    await db.summaryDeltas.put({ chunkId: 1, summaries: [{ ...(await db.summaryChunks.get(1))!.summaries[0]!, openMinor: undefined } as unknown as DebtorSummary] });
    expect(await db.worklistSummaryChunks.get(1)).toBeUndefined();
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
