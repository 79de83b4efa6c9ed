import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import { openItem, runImport } from '../../../../tests/support/run-import';
import type { KredoDb } from '../db/kredo-db';
import { KredoDb as Store } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { applyInsurerCovers } from '../sync/apply-insurer-covers';
import { mergeDebtors, previewDebtorMerge } from './merge-debtors';
import { readDebtorLedger } from './read-ledger';

const today = '2026-11-24' as IsoDate;
const at = `${today}T11:00:00.000Z`;
let db: KredoDb | undefined;
afterEach(() => db?.close());

const allDebtors = async (store: KredoDb) => (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
const debtorById = async (store: KredoDb, id: string) => (await allDebtors(store)).find((debtor) => debtor.id === id);
const summaryOf = async (store: KredoDb, id: string) => (await store.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries).find((summary) => summary.debtorId === id);
const limitsOf = async (store: KredoDb, id: string) => (await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => limit.debtorId === id);
const ledgerOf = async (store: KredoDb, debtor: StoredDebtor) => (await readDebtorLedger(store, debtor.chunkId, debtor.id))!;

/** A Dutch debtor of the chunk that owes euros only, something of it open, with a limit of `source` only. */
async function pick(store: KredoDb, chunkId: number, source: 'insurer' | 'discretionary'): Promise<StoredDebtor> {
  const summaries = (await store.summaryChunks.get(chunkId))!.summaries;
  for (const debtor of (await store.debtorChunks.get(chunkId))!.debtors) {
    const summary = summaries.find((candidate) => candidate.debtorId === debtor.id)!;
    const limits = await limitsOf(store, debtor.id);
    if (debtor.country === 'NL' && summary.openItemCount > 0 && Object.keys(summary.openByCurrency).join() === 'EUR' && limits.length === 1 && limits[0]!.source === source) return debtor;
  }
  throw new Error(`No such debtor in chunk ${chunkId}`);
}

/** Everything a controller could have recorded about a debtor besides its ledger. */
async function recordAbout(store: KredoDb, debtor: StoredDebtor): Promise<void> {
  const ledger = await ledgerOf(store, debtor);
  const open = ledger.items.find((item) => item.openMinor > 0)!;
  await store.dunningActions.put({ id: 'act-1', debtorId: debtor.id, step: 'reminder-1', itemIds: [open.id], plannedOn: today, doneOn: today, status: 'done', note: '' });
  await store.documents.put({ id: 'doc-1', debtorId: debtor.id, actionId: 'act-1', step: 'reminder-1', language: 'nl', createdAt: at, fileName: 'herinnering', pdfBase64: '', eml: '', currency: 'EUR', totalDueMinor: open.openMinor });
  await store.promises.put({ id: 'prom-1', debtorId: debtor.id, itemIds: [open.id], amountMinor: open.openMinor, currency: 'EUR', promisedOn: today, dueOn: toIsoDate('2026-11-30') });
  await store.paymentPlans.put({ id: 'plan-1', debtorId: debtor.id, itemIds: [open.id], currency: 'EUR', totalMinor: open.openMinor, agreedOn: today, instalments: [{ dueOn: toIsoDate('2026-12-24'), amountMinor: open.openMinor }] });
  await store.limitOutbox.put({ id: 'req-1', debtorId: debtor.id, type: 'INCREASE', amountMinor: 5_000_000, currency: 'EUR', createdAt: at, state: 'DECIDED', attempts: 1 });
  await store.lossOutbox.put({ id: 'loss-1', debtorId: debtor.id, kind: 'overdue', createdAt: at, invoices: [{ number: open.number, issueDate: open.invoiceDate, dueDate: open.dueDate, netAmountMinor: open.openMinor, grossAmountMinor: open.openMinor, currency: 'EUR' }], detail: {}, state: 'ACKNOWLEDGED', attempts: 1, insurerId: 'OVD-1' });
  await store.audit.add({ at, actor: 'user', action: 'debtor.noteAdded', entityType: 'debtor', entityId: debtor.id, details: { text: 'Belt back after the holidays' } });
}

describe('merging two debtors that are the same company', () => {
  it('moves ledger, limits, dunning, letters, promises, plans and insurer cases to the survivor, figures to the cent, with one audit entry', async () => {
    const store = (db = await openDemoStore('merge-all', today));
    const survivor = await pick(store, 0, 'discretionary');
    const merged = await pick(store, 1, 'insurer');
    await recordAbout(store, merged);
    const [survivorBefore, mergedBefore, portfolioBefore] = await Promise.all([summaryOf(store, survivor.id), summaryOf(store, merged.id), store.portfolio.get('current')]);
    const [survivorLedger, mergedLedger] = await Promise.all([ledgerOf(store, survivor), ledgerOf(store, merged)]);

    const preview = await previewDebtorMerge(store, { survivorId: survivor.id, mergedId: merged.id });
    expect(preview.problems).toEqual([]);
    expect(preview.moves).toMatchObject({ items: mergedLedger.items.length, payments: mergedLedger.payments.length, limits: 1, dunningActions: 1, documents: 1, promises: 1, paymentPlans: 1, insurerCases: 2, notes: 1 });

    const moved = await mergeDebtors(store, { survivorId: survivor.id, mergedId: merged.id, today, at, homeCurrency: 'EUR' });
    expect(moved).toEqual(preview.moves);

    expect(await debtorById(store, merged.id)).toBeUndefined();
    const after = (await debtorById(store, survivor.id))!;
    expect(after.aliases).toMatchObject({ customerCodes: [merged.customerCode], debtorIds: [merged.id], names: [merged.name], identifiers: merged.identifiers });
    const ledger = await ledgerOf(store, after);
    expect(ledger.items.map((item) => item.number).sort()).toEqual([...survivorLedger.items, ...mergedLedger.items].map((item) => item.number).sort());
    expect(ledger.items.every((item) => item.debtorId === survivor.id && item.id.startsWith(`${survivor.id}|`))).toBe(true);
    expect(ledger.allocations).toHaveLength(survivorLedger.allocations.length + mergedLedger.allocations.length);
    expect((await limitsOf(store, survivor.id)).map((limit) => limit.source).sort()).toEqual(['discretionary', 'insurer']);
    expect(await limitsOf(store, merged.id)).toEqual([]);

    // The figures are the sum of both, to the cent, and the portfolio has one debtor fewer and the same totals.
    const summary = (await summaryOf(store, survivor.id))!;
    expect(await summaryOf(store, merged.id)).toBeUndefined();
    expect(summary.openMinor).toBe(survivorBefore!.openMinor + mergedBefore!.openMinor);
    expect(summary.overdueMinor).toBe(survivorBefore!.overdueMinor + mergedBefore!.overdueMinor);
    expect(summary.bucketsMinor).toEqual(survivorBefore!.bucketsMinor.map((amount, bucket) => amount + mergedBefore!.bucketsMinor[bucket]!));
    expect(summary.limitSource).toBe('insurer');
    const portfolio = (await store.portfolio.get('current'))!;
    expect(portfolio).toMatchObject({ debtorCount: portfolioBefore!.debtorCount - 1, openMinor: portfolioBefore!.openMinor, overdueMinor: portfolioBefore!.overdueMinor });

    const remapped = `${survivor.id}|${mergedLedger.items.find((item) => item.openMinor > 0)!.number}`;
    expect(await store.dunningActions.get('act-1')).toMatchObject({ debtorId: survivor.id, itemIds: [remapped] });
    expect(await store.documents.get('doc-1')).toMatchObject({ debtorId: survivor.id });
    expect(await store.promises.get('prom-1')).toMatchObject({ debtorId: survivor.id, itemIds: [remapped] });
    expect(await store.paymentPlans.get('plan-1')).toMatchObject({ debtorId: survivor.id, itemIds: [remapped] });
    expect(await store.limitOutbox.get('req-1')).toMatchObject({ debtorId: survivor.id });
    expect(await store.lossOutbox.get('loss-1')).toMatchObject({ debtorId: survivor.id });

    // The trail is append-only: the note stays where it was written, and one new entry tells of the merge.
    const merges = await store.audit.filter((entry) => entry.action === 'debtor.merged').toArray();
    expect(merges).toEqual([expect.objectContaining({ entityType: 'debtor', entityId: survivor.id, details: expect.objectContaining({ survivorId: survivor.id, survivorName: survivor.name, mergedId: merged.id, mergedName: merged.name, mergedCustomerCode: merged.customerCode, items: mergedLedger.items.length, payments: mergedLedger.payments.length, notes: 1 }) })]);
    expect(await store.audit.where('[entityType+entityId]').equals(['debtor', merged.id]).count()).toBe(1);
  });

  it('keeps both insurer limits, says so, and the merged buyer’s insurer id and covers follow to the survivor', async () => {
    const store = (db = await openDemoStore('merge-insured', today));
    const survivor = (await debtorById(store, 'D000003'))!;
    const merged = (await debtorById(store, 'D000102'))!;
    for (const [debtor, buyerId] of [[survivor, 'EH-111111'], [merged, 'EH-778899']] as const) {
      const chunk = (await store.debtorChunks.get(debtor.chunkId))!;
      await store.debtorChunks.put({ ...chunk, debtors: chunk.debtors.map((candidate) => (candidate.id === debtor.id ? { ...candidate, insurerBuyerId: buyerId } : candidate)) });
    }

    const preview = await previewDebtorMerge(store, { survivorId: survivor.id, mergedId: merged.id });
    expect(preview.warnings).toContainEqual(expect.objectContaining({ kind: 'bothInsured', survivorCoverId: 'CV-D000003', mergedCoverId: 'CV-D000102' }));
    await mergeDebtors(store, { survivorId: survivor.id, mergedId: merged.id, today, at, homeCurrency: 'EUR' });

    expect(await debtorById(store, survivor.id)).toMatchObject({ insurerBuyerId: 'EH-111111', aliases: { insurerBuyerIds: ['EH-778899'] } });
    const [limit, ...others] = await limitsOf(store, survivor.id);
    expect(others).toEqual([]);
    expect([limit!.coverId, ...(limit!.otherCovers ?? []).map((cover) => cover.coverId)].sort()).toEqual(['CV-D000003', 'CV-D000102']);
    // A later change of the merged buyer's cover finds the survivor.
    const result = await applyInsurerCovers(store, [{
      coverId: 'CV-D000102', companyId: 'EH-778899', customerReference: merged.customerCode, status: 'APPROVED', decidedAmount: '1.00', currency: 'EUR', tranches: [{ amount: '1.00', effectiveFrom: today, kind: 'permanent' }],
      conditions: [], reasons: [], decidedAt: `${today}T10:00:00Z`, updatedAt: `${today}T10:00:00Z`, version: 999,
    }, {
      // A cover the insurer issues afresh for the merged buyer, known to it only by its own buyer id.
      coverId: 'CV-NEW', companyId: 'EH-778899', customerReference: null, status: 'APPROVED', decidedAmount: '2.00', currency: 'EUR', tranches: [{ amount: '2.00', effectiveFrom: today, kind: 'permanent' }],
      conditions: [], reasons: [], decidedAt: `${today}T10:30:00Z`, updatedAt: `${today}T10:30:00Z`, version: 1,
    }], { today, at });
    expect(result.unmatched).toEqual([]);
    expect(result.changed).toEqual([survivor.id, survivor.id]);
  });

  it('is refused while an insurer request for either debtor is on its way, and nothing changes', async () => {
    const store = (db = await openDemoStore('merge-pending', today));
    const survivor = (await debtorById(store, 'D000004'))!;
    const merged = (await debtorById(store, 'D000105'))!;
    await store.limitOutbox.put({ id: 'req-open', debtorId: merged.id, type: 'INCREASE', amountMinor: 5_000_000, currency: 'EUR', createdAt: at, state: 'PENDING', attempts: 1 });
    const before = { debtors: await store.debtorChunks.toArray(), ledgers: await store.ledgerTexts.toArray(), audit: await store.audit.count() };

    const preview = await previewDebtorMerge(store, { survivorId: survivor.id, mergedId: merged.id });
    expect(preview.problems).toEqual([{ kind: 'insurerPending', debtorName: merged.name, requests: 1 }]);
    await expect(mergeDebtors(store, { survivorId: survivor.id, mergedId: merged.id, today, at, homeCurrency: 'EUR' })).rejects.toMatchObject({ code: 'debtor.mergeInsurerPending', params: { name: merged.name } });
    expect({ debtors: await store.debtorChunks.toArray(), ledgers: await store.ledgerTexts.toArray(), audit: await store.audit.count() }).toEqual(before);
  });

  it('sends a later import under the merged-away customer code to the survivor', async () => {
    const store = (db = await openDemoStore('merge-then-import', today));
    const survivor = (await debtorById(store, 'D000004'))!;
    const merged = (await debtorById(store, 'D000005'))!;
    await mergeDebtors(store, { survivorId: survivor.id, mergedId: merged.id, today, at, homeCurrency: 'EUR' });
    const { preview } = await runImport(store, [openItem(merged.customerCode, 'LATE-1', 12_345)], { today });
    expect(preview.openItems).toMatchObject({ newDebtors: { count: 0 }, newItems: { count: 1 } });
    expect((await ledgerOf(store, (await debtorById(store, survivor.id))!)).items.map((item) => item.number)).toContain('LATE-1');
    expect(await allDebtors(store)).toHaveLength(199);

    // A payment under the merged debtor's old name, without any reference, is the survivor's too.
    const payment = {
      id: 'BT-merged-name', position: 1, accountIban: 'NL91ABNA0417164300', bookingDate: today, valueDate: today, amountMinor: 12_345, currency: 'EUR', direction: 'credit', isReversal: false,
      counterpartyName: merged.name, counterpartyIban: '', structuredReference: '', remittance: 'betaling', endToEndId: '', bankReference: 'REF-1',
    };
    const bank = await runImport(store, [payment], { kind: 'bank-transactions', today });
    expect(bank.preview.payments?.booked.sample.map((row) => [row.customerCode, row.method])).toEqual([[survivor.customerCode, 'name']]);
  });

  it('keeps one copy of an invoice both debtors hold alike, and refuses when the same number holds different invoices', async () => {
    const store = (db = new Store('merge-same-invoice'));
    await runImport(store, [openItem('3001', 'X-1', 100_00), openItem('3002', 'X-1', 100_00), openItem('3003', 'X-1', 90_00)], { today });
    const [a, b, c] = ['erp-3001', 'erp-3002', 'erp-3003'];
    expect((await previewDebtorMerge(store, { survivorId: a, mergedId: c })).problems).toEqual([{ kind: 'sameInvoiceNumber', numbers: ['X-1'] }]);
    await expect(mergeDebtors(store, { survivorId: a, mergedId: c, today, at, homeCurrency: 'EUR' })).rejects.toMatchObject({ code: 'debtor.mergeSameInvoice', params: { numbers: 'X-1' } });

    const preview = await previewDebtorMerge(store, { survivorId: a, mergedId: b });
    expect(preview.warnings).toContainEqual({ kind: 'duplicateInvoices', numbers: ['X-1'] });
    const portfolio = await mergeDebtors(store, { survivorId: a, mergedId: b, today, at, homeCurrency: 'EUR' }).then(() => store.portfolio.get('current'));
    expect((await ledgerOf(store, (await debtorById(store, a))!)).items.map((item) => [item.number, item.openMinor])).toEqual([['X-1', 100_00]]);
    expect(portfolio).toMatchObject({ debtorCount: 2, openMinor: 190_00 });
  });
});
