import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInsurerClient } from '../../electron/main/insurer/insurer-client';
import { createInsurerGateway } from '../../electron/main/insurer/insurer-gateway';
import { POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { readDebtorLedger } from '../../renderer/src/data/store/read-ledger';
import { queueLossSubmission } from '../../renderer/src/data/sync/queue-loss-submission';
import { runSync, type SyncClock } from '../../renderer/src/data/sync/run-sync';
import { KredoError } from '../../shared/errors/kredo-error';
import { seededRandom } from '../../shared/random/seeded-random';
import type { InsurerSyncPort } from '../../shared/sync/insurer-sync-port';
import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { openDemoStore } from './demo-store';

/**
 * A bad debt through the insurer, without a window: the data worker's sync over a real store against the
 * sandbox — an overdue notification, the insurer's answer, a claim sent through dropped connections, and
 * the settlement arriving after the waiting period, even though Kredo was offline for months meanwhile.
 */
const today = TEST_NOW.slice(0, 10) as IsoDate;
let sandbox: TestSandbox;
let db: KredoDb;
let storeNumber = 0;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  storeNumber += 1;
  db = await openDemoStore(`insurer-losses-${storeNumber}`, today);
});
afterEach(async () => {
  db.close();
  await sandbox.stop();
});

const random = seededRandom(5);
const clock: SyncClock = { now: () => new Date(TEST_NOW), today, random: () => random.next() };
const port = (): InsurerSyncPort =>
  createInsurerGateway(
    createInsurerClient({ baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey }, { now: () => new Date(TEST_NOW), random: () => random.next(), sleep: async () => undefined, maxAttempts: 40, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } }),
    POLICY,
  );

/** An insured euro debtor of a fair grade with undisputed invoices fallen due within the notification period. */
async function insuredDebtorWithFreshOverdue() {
  const server = seededState();
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      const company = server.companies.find((candidate) => candidate.debtorId === debtor.id);
      const cover = server.covers.find((candidate) => candidate.companyId === company?.companyId && candidate.status === 'APPROVED');
      if (!company || !cover || company.grade > 6 || debtor.currency !== 'EUR') continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const fresh = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && !item.dispute && item.dueDate < today && addDays(item.dueDate, 50) >= today);
      if (fresh.length > 0 && !ledger.items.some((item) => item.openMinor > 0 && item.dueDate < today && !fresh.includes(item))) return { debtor, company, cover, fresh };
    }
  }
  throw new Error('No such debtor in the demo');
}

describe('losses through the insurer sync', () => {
  it('notifies an overdue debt, claims it through dropped connections, and receives the settlement after months offline', async () => {
    const { debtor, company, cover, fresh } = await insuredDebtorWithFreshOverdue();
    const itemIds = fresh.map((item) => item.id);
    await runSync(db, port(), clock);

    await queueLossSubmission(db, { id: 'a0000000-0000-4000-8000-000000000001', debtorId: debtor.id, kind: 'overdue', itemIds, detail: { category: 'OVD' }, at: TEST_NOW, today });
    await runSync(db, port(), clock);
    const notified = (await db.lossOutbox.get('a0000000-0000-4000-8000-000000000001'))!;
    expect(notified).toMatchObject({ state: 'ACKNOWLEDGED', insurerStatus: 'RECEIVED' });

    // A day later the insurer answers: the limit stays (grade ≤ 6).
    await sandbox.admin('POST', '/clock', { advance: 'PT25H' });
    await runSync(db, port(), clock);
    expect(await db.lossOutbox.get(notified.id)).toMatchObject({ insurerStatus: 'ACKNOWLEDGED', outcome: 'LIMIT_CONFIRMED' });

    // The claim refers to the notification; a fifth of the requests are dropped after the insurer handled them.
    await sandbox.admin('POST', '/faults', { dropRate: 0.2, dropWhen: 'after-handling' });
    await queueLossSubmission(db, { id: 'a0000000-0000-4000-8000-000000000002', debtorId: debtor.id, kind: 'claim', itemIds, detail: { cause: 'PROTRACTED_DEFAULT' }, at: TEST_NOW, today });
    await runSync(db, port(), clock);
    await sandbox.admin('DELETE', '/faults');
    const claim = (await db.lossOutbox.get('a0000000-0000-4000-8000-000000000002'))!;
    expect(claim).toMatchObject({ state: 'ACKNOWLEDGED', detail: { overdueId: notified.insurerId } });
    const claims = (await sandbox.call('GET', `/v1/policies/${POLICY}/claims?companyId=${company.companyId}`, { token: await sandbox.signIn() })).body.items as unknown[];
    expect(claims).toHaveLength(1);

    // Kredo is closed for seven months: the waiting period runs out, the insurer pays, the feed's history expires.
    await sandbox.admin('POST', '/clock', { advance: 'P210D' });
    const report = await runSync(db, port(), clock);
    expect(report.fullResync).toBe(true);
    const settled = (await db.lossOutbox.get(claim.id))!;
    expect(settled.insurerStatus).toBe('PAID');
    // The insurer pays 90 % of the net loss (capped at the cover), less the €500 deductible, rounded half up.
    const net = claim.invoices.reduce((sum, invoice) => sum + invoice.netAmountMinor, 0);
    const loss = Math.min(net, cover.decidedAmountMinor);
    expect(settled.settlement).toMatchObject({ grossLossMinor: loss, deductibleMinor: 50_000, paidMinor: Math.floor(((loss - 50_000) * 9 + 5) / 10) });
  });

  it('refuses a second unsent submission of the same kind and a debtor with nothing overdue, in the user’s terms', async () => {
    const { debtor, fresh } = await insuredDebtorWithFreshOverdue();
    const request = { debtorId: debtor.id, kind: 'overdue' as const, itemIds: fresh.map((item) => item.id), detail: {}, at: TEST_NOW, today };
    await queueLossSubmission(db, { id: 'b0000000-0000-4000-8000-000000000001', ...request });
    await expect(queueLossSubmission(db, { id: 'b0000000-0000-4000-8000-000000000002', ...request })).rejects.toMatchObject({ code: 'sync.submissionPending' });
    await expect(queueLossSubmission(db, { id: 'b0000000-0000-4000-8000-000000000003', ...request, kind: 'claim', itemIds: [] })).rejects.toMatchObject({ code: 'sync.nothingOverdue' });
  });
});

describe('a submission whose answer was lost, after the insurer forgot its key', () => {
  const listed = async (resource: 'overdues' | 'claims', companyId: string) => (await sandbox.call('GET', `/v1/policies/${POLICY}/${resource}?companyId=${companyId}`, { token: await sandbox.signIn() })).body.items as { overdueId?: string; claimId?: string }[];

  it('meets a 409 when a claim goes again after the app died mid-call: Kredo checks, finds the claim, and never marks it refused', async () => {
    const { debtor, company, fresh } = await insuredDebtorWithFreshOverdue();
    const itemIds = fresh.map((item) => item.id);
    await runSync(db, port(), clock);
    await queueLossSubmission(db, { id: 'c0000000-0000-4000-8000-000000000001', debtorId: debtor.id, kind: 'overdue', itemIds, detail: { category: 'OVD' }, at: TEST_NOW, today });
    await runSync(db, port(), clock);
    await sandbox.admin('POST', '/clock', { advance: 'PT25H' });
    await runSync(db, port(), clock);

    const id = 'c0000000-0000-4000-8000-000000000002';
    await queueLossSubmission(db, { id, debtorId: debtor.id, kind: 'claim', itemIds, detail: { cause: 'PROTRACTED_DEFAULT' }, at: TEST_NOW, today });
    const real = port();
    let handled = false;
    void runSync(db, { ...real, submitLoss: async (entry, buyer) => { await real.submitLoss(entry, buyer); handled = true; return new Promise(() => undefined); } }, clock);
    await expect.poll(() => handled).toBe(true);
    db.close();
    db = new KredoDb(db.name);
    await sandbox.admin('POST', '/idempotency/expire');

    // Sent again, the insurer answers 409 (the invoices are already claimed): checked, not refused.
    expect(await runSync(db, port(), clock)).toMatchObject({ refused: 0 });
    expect(await db.lossOutbox.get(id)).toMatchObject({ state: 'CHECKING', lastProblem: { status: 409, code: 'invoice_already_claimed' } });
    await runSync(db, port(), clock);
    const claims = await listed('claims', company.companyId);
    expect(claims).toHaveLength(1);
    expect(await db.lossOutbox.get(id)).toMatchObject({ state: 'ACKNOWLEDGED', insurerId: claims[0]!.claimId });
  });

  it('looks an overdue notification up before sending it again when Kredo knows the answer was lost, and notifies once', async () => {
    const { debtor, company, fresh } = await insuredDebtorWithFreshOverdue();
    await runSync(db, port(), clock);
    const id = 'c0000000-0000-4000-8000-000000000003';
    await queueLossSubmission(db, { id, debtorId: debtor.id, kind: 'overdue', itemIds: fresh.map((item) => item.id), detail: { category: 'OVD' }, at: TEST_NOW, today });
    const real = port();
    await runSync(db, { ...real, submitLoss: async (entry, buyer) => { await real.submitLoss(entry, buyer); throw new KredoError('insurer.unavailable'); } }, clock).catch(() => undefined);
    expect(await db.lossOutbox.get(id)).toMatchObject({ state: 'SUBMITTED_LOCAL', answerLost: true });
    await sandbox.admin('POST', '/idempotency/expire');

    let submitted = 0;
    const counting = port();
    await runSync(db, { ...counting, submitLoss: (entry, buyer) => ((submitted += 1), counting.submitLoss(entry, buyer)) }, { ...clock, force: true });
    expect(submitted).toBe(0);
    const overdues = await listed('overdues', company.companyId);
    expect(overdues).toHaveLength(1);
    expect(await db.lossOutbox.get(id)).toMatchObject({ state: 'ACKNOWLEDGED', insurerId: overdues[0]!.overdueId, insurerStatus: 'RECEIVED' });
  });

  it('does not send again a notification whose answer did not fit the schema: the insurer acted, so Kredo finds it in the insurer’s list', async () => {
    const { debtor, company, fresh } = await insuredDebtorWithFreshOverdue();
    await runSync(db, port(), clock);
    const id = 'c0000000-0000-4000-8000-000000000004';
    await queueLossSubmission(db, { id, debtorId: debtor.id, kind: 'overdue', itemIds: fresh.map((item) => item.id), detail: { category: 'OVD' }, at: TEST_NOW, today });
    const real = port();
    // What the gateway throws when a 2xx answer lacks the insurer's id or status (insurer-gateway.ts submitLoss).
    await runSync(db, { ...real, submitLoss: async (entry, buyer) => { await real.submitLoss(entry, buyer); throw new KredoError('insurer.badAnswer'); } }, clock).catch(() => undefined);

    let submitted = 0;
    const counting = port();
    for (let sync = 0; sync < 3; sync += 1) await runSync(db, { ...counting, submitLoss: (entry, buyer) => ((submitted += 1), counting.submitLoss(entry, buyer)) }, { ...clock, force: true });
    expect(submitted).toBe(0);
    const overdues = await listed('overdues', company.companyId);
    expect(overdues).toHaveLength(1);
    expect(await db.lossOutbox.get(id)).toMatchObject({ state: 'ACKNOWLEDGED', insurerId: overdues[0]!.overdueId });
  });
});
