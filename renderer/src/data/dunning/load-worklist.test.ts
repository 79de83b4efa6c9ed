import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterReach } from '../../../../shared/domain/debtors/debtor-master-data';
import { buildWorklist, type WorklistDebtor } from '../../../../shared/domain/dunning/worklist';
import { decodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import { scoreDebtorRisk } from '../../../../shared/domain/risk/risk-score';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import { addDays, type IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from '../db/kredo-db';
import { loadCreditPolicy, loadDoneEntryIds, loadWorklist, loadWorklistView, planWorklist } from './load-worklist';
import { processWorklist } from './process-worklist';
import { worklistRowsOf, type WorklistRow } from './worklist-rows';
import type { Worklist } from '../../../../shared/domain/dunning/worklist';
import type { StoredDebtor, SummaryChunk } from '../db/schema';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { writeSummaryChanges } from '../store/write-chunk-changes';

const day0 = '2026-11-24' as IsoDate;
const requestOn = (today: IsoDate) => ({ today, at: `${today}T09:00:00.000Z`, locale: 'en-GB', leadDays: 7 });

/** The worklist the plain way: every overdue debtor's whole ledger decoded and planned (what loadWorklist must equal). */
async function worklistFromWholeLedgers(db: KredoDb, today: IsoDate) {
  const [policy] = await db.policies.toArray();
  const [numbers, texts, summaries, debtorChunks, actions, promises, plans] = await Promise.all([db.ledgerNumbers.toArray(), db.ledgerTexts.toArray(), db.summaryChunks.toArray(), db.debtorChunks.toArray(), db.dunningActions.toArray(), db.promises.toArray(), db.paymentPlans.toArray()]);
  const debtors = debtorChunks.flatMap((chunk) => chunk.debtors);
  const overdue = summaries.flatMap((chunk) => chunk.summaries).filter((summary) => summary.overdueMinor > 0);
  const inputs: WorklistDebtor[] = numbers.flatMap((chunk, index) =>
    decodeLedgerChunk({ numbers: chunk, texts: texts[index]! }, new Set(overdue.map((summary) => summary.debtorId))).map((ledger) => {
      const debtor = debtors.find((candidate) => candidate.id === ledger.debtorId)!;
      const summary = overdue.find((candidate) => candidate.debtorId === ledger.debtorId)!;
      return { debtor, ledger, riskScore: scoreDebtorRisk(summary, debtor.grade).score, actions: actions.filter((action) => action.debtorId === debtor.id), promises: promises.filter((promise) => promise.debtorId === debtor.id), paymentPlans: plans.filter((plan) => plan.debtorId === debtor.id), handledDeadlines: new Set<string>() };
    }),
  );
  const collator = new Intl.Collator('en-GB');
  const worklist = buildWorklist({ today, creditPolicy: await loadCreditPolicy(db), insurancePolicy: policy!, leadDays: 7, rates: new ExchangeRateTable(await db.exchangeRates.toArray()), debtors: inputs, doneEntryIds: await loadDoneEntryIds(db), compareNames: collator.compare });
  return { ...worklist, entries: worklist.entries.map((entry) => (entry.task.kind === 'dunning' && entry.task.channel === 'letter' ? { ...entry, letterReach: letterReach(debtors.find((debtor) => debtor.id === entry.debtorId)!) } : entry)) };
}

describe('the worklist read from the ledger columns', () => {
  it('is the worklist planned from every overdue debtor’s whole ledger: with steps done, a promise kept open, and days later', async () => {
    const db = await openDemoStore('load-worklist-1', day0);
    expect(await loadWorklist(db, requestOn(day0))).toEqual(await worklistFromWholeLedgers(db, day0));

    // Steps done for some debtors (their later steps follow from these dates) and a promise for another.
    const entries = (await loadWorklist(db, requestOn(day0)))!.entries;
    const reminders = entries.filter((entry) => entry.task.kind === 'dunning' && entry.task.step === 'reminder-1').slice(0, 4);
    await processWorklist(db, { ...requestOn(day0), entryIds: reminders.map((entry) => entry.id) });
    const promised = entries.find((entry) => entry.task.kind === 'dunning' && !reminders.some((reminder) => reminder.debtorId === entry.debtorId))!;
    await db.promises.put({ id: 'ptp-test', debtorId: promised.debtorId, itemIds: [], amountMinor: promised.amountMinor, currency: promised.invoices[0]!.currency, promisedOn: day0, dueOn: addDays(day0, 3) });

    for (const today of [day0, addDays(day0, 10), addDays(day0, 25)]) {
      const worklist = await loadWorklist(db, requestOn(today));
      expect(worklist).toEqual(await worklistFromWholeLedgers(db, today));
      expect(worklist!.entries.length).toBeGreaterThan(0);
    }
    db.close();
  });
});

describe('the worklist read from each chunk’s open invoices kept beside its ledger', () => {
  it('reads no ledger while every chunk has its open invoices, and a chunk without them from its ledger, with the same list either way', async () => {
    const db = await openDemoStore('load-worklist-2', day0);
    const expected = await worklistFromWholeLedgers(db, day0);
    const ledgerReads: string[] = [];
    const numbersBulkGet = db.ledgerNumbers.bulkGet.bind(db.ledgerNumbers);
    const textsBulkGet = db.ledgerTexts.bulkGet.bind(db.ledgerTexts);
    db.ledgerNumbers.bulkGet = (keys) => (ledgerReads.push(`numbers ${keys.join(',')}`), numbersBulkGet(keys));
    db.ledgerTexts.bulkGet = (keys) => (ledgerReads.push(`texts ${keys.join(',')}`), textsBulkGet(keys));

    expect(await loadWorklist(db, requestOn(day0))).toEqual(expected);
    expect(ledgerReads).toEqual([]);

    // Chunk 1's open invoices dropped (as when only half of it was written): that chunk alone is read whole.
    await db.openInvoiceChunks.delete(1);
    expect(await loadWorklist(db, requestOn(day0))).toEqual(expected);
    expect(ledgerReads).toEqual(['numbers 1', 'texts 1']);
    db.close();
  });
});

/** The rows the Dunning screen shows, made the plain way: one per entry, the debtor's fields looked up whole. */
const plainRows = (worklist: Worklist, debtors: ReadonlyMap<string, StoredDebtor>): WorklistRow[] =>
  worklist.entries.map((entry) => {
    const debtor = debtors.get(entry.debtorId);
    const { task } = entry;
    return {
      id: entry.id,
      task: task.kind === 'dunning' ? { kind: 'dunning', step: task.step, channel: task.channel, payBy: task.payBy } : task.kind === 'deadline' ? { kind: 'deadline', deadline: task.deadline, on: task.on, daysLeft: task.daysLeft } : { kind: task.kind },
      debtorId: entry.debtorId,
      debtorName: entry.debtorName,
      customerCode: debtor?.customerCode ?? '',
      country: debtor?.country ?? '',
      segment: debtor?.segment ?? '',
      riskScore: entry.riskScore,
      invoiceCount: entry.invoices.length,
      currency: entry.invoices[0]?.currency ?? 'EUR',
      invoiceNumbers: entry.invoices.map((invoice) => invoice.number).join(' '),
      amountMinor: entry.amountMinor,
      daysOverdue: entry.daysOverdue,
      ...(entry.letterReach && { letterReach: entry.letterReach }),
    };
  });

describe('the worklist read from each chunk’s worklist debtors kept beside it', () => {
  it('reads no debtor whole while every chunk has its worklist debtors, and a chunk without them whole, with the same list and rows either way', async () => {
    const db = await openDemoStore('load-worklist-3', day0);
    const expected = await worklistFromWholeLedgers(db, day0);
    const debtors = new Map((await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors).map((debtor) => [debtor.id, debtor]));
    const expectedRows = plainRows(expected, debtors);
    // As the screen gets them: handed over column by column (a structured clone), the rows made again.
    const rowsOnScreen = async () => worklistRowsOf(structuredClone((await loadWorklistView(db, requestOn(day0)))!));
    const debtorReads: string[] = [];
    const bulkGet = db.debtorChunks.bulkGet.bind(db.debtorChunks);
    db.debtorChunks.bulkGet = (keys) => (debtorReads.push(keys.join(',')), bulkGet(keys));

    expect(await loadWorklist(db, requestOn(day0))).toEqual(expected);
    expect(await rowsOnScreen()).toStrictEqual(expectedRows);
    expect(debtorReads).toEqual([]);

    // Chunk 1's worklist debtors gone (as in a store written before they were kept): that chunk alone is read whole.
    await db.worklistDebtorChunks.delete(1);
    expect(await loadWorklist(db, requestOn(day0))).toEqual(expected);
    expect(await rowsOnScreen()).toStrictEqual(expectedRows);
    expect(debtorReads).toEqual(['1', '1']);
    db.close();
  });
});

/** Summary changes as an insurer sync or a day makes them: some debtors now overdue, some no longer, figures moved. */
const arbitrarySummaryChange = fc.record({
  debtor: fc.nat(),
  overdueMinor: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 })),
  openMinor: fc.integer({ min: 0, max: 9_000_000 }),
  maxDaysOverdue: fc.integer({ min: 0, max: 200 }),
  limitMinor: fc.integer({ min: 0, max: 9_000_000 }),
  internalLimitMinor: fc.option(fc.integer({ min: 0, max: 9_000_000 }), { nil: undefined }),
  disputedMinor: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500_000 })),
});

describe('the worklist read from each chunk’s worklist summaries kept beside it (migration 0027), each with its chunk’s sync delta folded in (0028)', () => {
  it('reads no summary whole while every chunk has its worklist summaries, and a chunk without them whole, with the same list and rows either way', async () => {
    const db = await openDemoStore('load-worklist-4', day0);
    const expected = await worklistFromWholeLedgers(db, day0);
    const expectedView = await loadWorklistView(db, requestOn(day0));
    const summaryReads: string[] = [];
    const toArray = db.summaryChunks.toArray.bind(db.summaryChunks);
    const bulkGet = db.summaryChunks.bulkGet.bind(db.summaryChunks);
    db.summaryChunks.toArray = () => (summaryReads.push('all'), toArray());
    db.summaryChunks.bulkGet = (keys) => (summaryReads.push(keys.join(',')), bulkGet(keys));

    expect(await loadWorklist(db, requestOn(day0))).toEqual(expected);
    expect(summaryReads).toEqual([]);

    // Chunk 1's worklist summaries gone (as when a summary lacked a figure): that chunk alone is read whole.
    await db.worklistSummaryChunks.delete(1);
    expect(await loadWorklist(db, requestOn(day0))).toEqual(expected);
    expect(await loadWorklistView(db, requestOn(day0))).toEqual(expectedView);
    expect(summaryReads).toEqual(['1', '1']);
    db.close();
  });

  it('equals the list worked out from the summaries themselves — entries, order, amounts, risk scores — after syncs that change summaries beside their chunks or whole, on later days too', async () => {
    const db = await openDemoStore('load-worklist-5', day0);
    const chunkIds = await db.summaryChunks.toCollection().primaryKeys();
    // The source path: every chunk's summaries read whole (its sync delta folded in), as before 0027.
    const fromSummaries = async (request: ReturnType<typeof requestOn>, only?: ReadonlySet<string>) => {
      const keptToArray = db.worklistSummaryChunks.toArray.bind(db.worklistSummaryChunks);
      db.worklistSummaryChunks.toArray = () => Dexie.Promise.resolve([]);
      try {
        return await planWorklist(db, request, only);
      } finally {
        db.worklistSummaryChunks.toArray = keptToArray;
      }
    };
    let plannedWithDeltas = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(arbitrarySummaryChange, { minLength: 1, maxLength: 30 }), fc.constantFrom(0, 5, 20), fc.constantFrom(0, 3, 12), fc.boolean(), fc.option(fc.nat(), { nil: undefined }), async (changes, maxDeltaEntries, later, onlySome, dropDelta) => {
        await db.transaction('rw', [db.summaryChunks, db.summaryDeltas], async () => {
          const chunks = await db.summaryChunks.bulkGet(chunkIds);
          const byChunk = new Map<number, { chunk: SummaryChunk; summaries: DebtorSummary[]; changed: Map<string, DebtorSummary> }>();
          for (const change of changes) {
            const chunk = chunks[change.debtor % chunks.length]!;
            const entry = byChunk.get(chunk.chunkId) ?? { chunk, summaries: [...chunk.summaries], changed: new Map<string, DebtorSummary>() };
            byChunk.set(chunk.chunkId, entry);
            const index = Math.floor(change.debtor / chunks.length) % entry.summaries.length;
            const { internalLimitMinor: _kept, ...summary } = entry.summaries[index]!;
            const next: DebtorSummary = { ...summary, overdueMinor: change.overdueMinor, openMinor: change.openMinor + change.overdueMinor, maxDaysOverdue: change.maxDaysOverdue, limitMinor: change.limitMinor, exposureMinor: change.openMinor, disputedMinor: change.disputedMinor, ...(change.internalLimitMinor !== undefined && { internalLimitMinor: change.internalLimitMinor }) };
            entry.summaries[index] = next;
            entry.changed.set(next.debtorId, next);
          }
          await writeSummaryChanges(db, [...byChunk.values()].map(({ chunk, summaries, changed }) => ({ chunk, summaries, changed: [...changed.values()] })), { maxDeltaEntries });
        });
        // Now and then a chunk's delta deleted on its own: the chunk reads as written whole last, the record (0028) untouched.
        const withDelta = await db.summaryDeltas.toCollection().primaryKeys();
        if (dropDelta !== undefined && withDelta.length > 1) await db.summaryDeltas.delete(withDelta[dropDelta % withDelta.length]!);
        const request = requestOn(addDays(day0, later));
        if ((await db.summaryDeltas.count()) > 0) plannedWithDeltas += 1;
        const planned = await planWorklist(db, request);
        const source = await fromSummaries(request);
        expect(planned!.worklist).toEqual(source!.worklist);
        expect(planned!.worklist.entries.length).toBeGreaterThan(0);
        expect([...planned!.chunkOf]).toEqual([...source!.chunkOf]);
        expect([...planned!.facts]).toEqual([...source!.facts]);
        if (onlySome) {
          const only = new Set(planned!.worklist.entries.filter((_, index) => index % 3 === 0).map((entry) => entry.debtorId));
          const [batch, batchSource] = [await planWorklist(db, request, only), await fromSummaries(request, only)];
          expect(batch!.worklist).toEqual(batchSource!.worklist);
          expect([...batch!.ledgers]).toEqual([...batchSource!.ledgers]);
        }
      }),
      { numRuns: 12 },
    );
    // Some runs planned with deltas beside chunks (else the property did not test them). Not the store at the end:
    // a last run that writes chunks whole, or deletes a delta, may leave none (CI met that once).
    expect(plannedWithDeltas).toBeGreaterThan(0);
    db.close();
  });
});
