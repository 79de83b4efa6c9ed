import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInsurerClient } from '../../electron/main/insurer/insurer-client';
import { createInsurerGateway } from '../../electron/main/insurer/insurer-gateway';
import { POLICY, startTestSandbox, TEST_NOW, type TestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { openDemoStore } from './demo-store';
import { queueLimitRequest } from '../../renderer/src/data/sync/queue-limit-request';
import { runSync, type SyncClock } from '../../renderer/src/data/sync/run-sync';
import { seededRandom } from '../../shared/random/seeded-random';
import { insurerAmountToMinor } from '../../shared/sync/insurer-cover';
import type { InsurerSyncPort } from '../../shared/sync/insurer-sync-port';
import type { IsoDate } from '../../shared/time/iso-date';

/**
 * The insurer sync end to end, without a window: the data worker's sync (renderer/src/data/sync) over a
 * real store (fake-indexeddb), through the main process's client and gateway, against the sandbox server
 * with its faults switched on. Each scenario ends with Kredo's limits equal to the server's and no request
 * submitted twice.
 */
const today = TEST_NOW.slice(0, 10) as IsoDate;
let sandbox: TestSandbox;
let db: KredoDb;
let virtualNow = new Date(TEST_NOW);
let storeNumber = 0;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  storeNumber += 1;
  db = await openDemoStore(`insurer-sync-${storeNumber}`, today);
  virtualNow = new Date(TEST_NOW);
});
afterEach(async () => {
  db.close();
  await sandbox.stop();
});

const random = seededRandom(3);
const clock = (): SyncClock => ({ now: () => virtualNow, today, random: () => random.next() });
const port = (): InsurerSyncPort =>
  createInsurerGateway(
    createInsurerClient({ baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey }, { now: () => virtualNow, random: () => random.next(), sleep: async () => undefined, maxAttempts: 40, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } }),
    POLICY,
  );
const offline: InsurerSyncPort = {
  fullResync: () => Promise.reject({ code: 'insurer.unavailable' }),
  changes: () => Promise.reject({ code: 'insurer.unavailable' }),
  lookupBuyer: () => Promise.reject({ code: 'insurer.unavailable' }),
  submit: () => Promise.reject({ code: 'insurer.unavailable' }),
  submitLoss: () => Promise.reject({ code: 'insurer.unavailable' }),
  lossStatus: () => Promise.reject({ code: 'insurer.unavailable' }),
};

async function expectLimitsEqualServer(): Promise<void> {
  const token = await sandbox.signIn();
  const server = (await sandbox.call('GET', `/v1/policies/${POLICY}/covers?pageSize=500`, { token })).body as { items: { coverId: string; status: string; decidedAmount: string; currency: string; version: number }[] };
  const stored = new Map((await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => limit.coverId).map((limit) => [limit.coverId!, limit]));
  for (const cover of server.items) {
    expect(stored.get(cover.coverId), cover.coverId).toMatchObject({ status: cover.status, decidedAmountMinor: insurerAmountToMinor(cover.decidedAmount, cover.currency), insurerVersion: cover.version });
  }
}

describe('insurer sync against the sandbox', () => {
  it('requests a limit offline, sends it once through dropped requests and lost answers, and mirrors the decision and a later reduction', async () => {
    const debtors = (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
    const covered = new Set((await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => limit.source === 'insurer' && limit.status !== 'REFUSED').map((limit) => limit.debtorId));
    const debtor = debtors.find((candidate) => !covered.has(candidate.id) && (candidate.grade?.value ?? 10) <= 4 && candidate.identifiers.length > 0)!;

    // Offline: the request waits in the outbox, the sync says the insurer is unreachable.
    await queueLimitRequest(db, { id: 'f1b2c3d4-0000-4000-8000-000000000001', debtorId: debtor.id, type: 'NEW', amountMinor: 1_500_000, currency: 'EUR', at: TEST_NOW });
    await expect(runSync(db, offline, clock())).rejects.toMatchObject({ code: 'insurer.unavailable' });
    expect(await db.limitOutbox.get('f1b2c3d4-0000-4000-8000-000000000001')).toMatchObject({ state: 'SUBMITTED_LOCAL', attempts: 1 });

    // Online, with a fifth of requests dropped after the server handled them, duplicates and reordering on the feed.
    await sandbox.admin('POST', '/faults', { dropRate: 0.2, dropWhen: 'after-handling', duplicateFeedEvents: true, reorderFeedEvents: true });
    virtualNow = new Date(virtualNow.getTime() + 60_000);
    const first = await runSync(db, port(), clock());
    expect(first).toMatchObject({ sent: 1, fullResync: true });
    const entry = (await db.limitOutbox.get('f1b2c3d4-0000-4000-8000-000000000001'))!;
    expect(['DECIDED', 'PENDING']).toContain(entry.state);

    // The insurer reduces the new limit with notice; the next sync brings the announcement.
    await sandbox.admin('DELETE', '/faults');
    const companyId = (await sandbox.call('GET', `/v1/policies/${POLICY}/cover-requests`, { token: await sandbox.signIn() })).body.items.find((request: { customerReference: string }) => request.customerReference === debtor.customerCode).companyId as string;
    await sandbox.admin('POST', `/buyers/${companyId}/reduction`, {});
    await sandbox.admin('POST', '/faults', { dropRate: 0.2, dropWhen: 'before-handling', throttleNext: 3, duplicateFeedEvents: true });
    await runSync(db, port(), clock());
    await sandbox.admin('DELETE', '/faults');

    const limit = (await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).find((candidate) => candidate.debtorId === debtor.id && candidate.source === 'insurer')!;
    expect(limit.pendingChange?.type).toBe('REDUCTION');
    const requests = (await sandbox.call('GET', `/v1/policies/${POLICY}/cover-requests?companyId=${companyId}`, { token: await sandbox.signIn() })).body.items as unknown[];
    expect(requests).toHaveLength(1);
    await expectLimitsEqualServer();
  });

  it('recovers from an expired cursor and an expired token with a full resync, ending equal to the server', async () => {
    await runSync(db, port(), clock());
    await sandbox.admin('POST', '/cursors/expire');
    await sandbox.admin('POST', '/tokens/expire');
    const report = await runSync(db, port(), clock());
    expect(report.fullResync).toBe(true);
    await expectLimitsEqualServer();
  });

  it('waits out a 503 maintenance window, then gets through a 429 burst, sending the request once', async () => {
    await runSync(db, port(), clock());
    const debtor = await uncoveredDebtor();
    // Two hours of maintenance starting now (virtual time), as insurers announce on their portals.
    const end = new Date(virtualNow.getTime() + 2 * 3_600_000).toISOString();
    await sandbox.admin('POST', '/faults', { maintenance: [{ start: virtualNow.toISOString(), end }] });
    await queueLimitRequest(db, { id: 'f1b2c3d4-0000-4000-8000-000000000003', debtorId: debtor.id, type: 'NEW', amountMinor: 2_000_000, currency: 'EUR', at: TEST_NOW });
    await expect(runSync(db, port(), clock())).rejects.toMatchObject({ code: 'insurer.unavailable' });
    expect(await db.limitOutbox.get('f1b2c3d4-0000-4000-8000-000000000003')).toMatchObject({ state: 'SUBMITTED_LOCAL' });

    await sandbox.admin('POST', '/clock', { advance: 'PT3H' });
    virtualNow = new Date(virtualNow.getTime() + 3 * 3_600_000);
    await sandbox.admin('POST', '/faults', { maintenance: [], throttleNext: 6, throttleRetryAfterSeconds: 1 });
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1 });
    await expectOneRequestFor(debtor.customerCode);
    await expectLimitsEqualServer();
  });

  it('survives the app being killed mid-sync: after the restart the request goes again under its key and is not created twice', async () => {
    await runSync(db, port(), clock());
    const debtor = await uncoveredDebtor();
    await queueLimitRequest(db, { id: 'f1b2c3d4-0000-4000-8000-000000000004', debtorId: debtor.id, type: 'NEW', amountMinor: 2_000_000, currency: 'EUR', at: TEST_NOW });
    // The insurer handles the request, and the app dies before it can store the answer: the sync never finishes.
    const real = port();
    let handled = false;
    const dying: InsurerSyncPort = {
      ...real,
      submit: async (entry, buyer) => {
        await real.submit(entry, buyer);
        handled = true;
        return new Promise(() => undefined);
      },
    };
    void runSync(db, dying, clock());
    await expect.poll(() => handled).toBe(true);
    db.close();

    // A new process on the same store: the entry is still unacknowledged and is sent again with the same key.
    db = new KredoDb(db.name);
    expect(await db.limitOutbox.get('f1b2c3d4-0000-4000-8000-000000000004')).toMatchObject({ state: 'SUBMITTED_LOCAL', attempts: 0 });
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1 });
    expect((await db.limitOutbox.get('f1b2c3d4-0000-4000-8000-000000000004'))!.state).toBe('DECIDED');
    await expectOneRequestFor(debtor.customerCode);
    await expectLimitsEqualServer();
  });
});

/** A demo debtor of a good grade with no insurer cover: a modest request is decided at once. */
async function uncoveredDebtor() {
  const debtors = (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
  const covered = new Set((await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => limit.source === 'insurer').map((limit) => limit.debtorId));
  return debtors.find((candidate) => !covered.has(candidate.id) && (candidate.grade?.value ?? 10) <= 4 && candidate.identifiers.length > 0)!;
}

async function expectOneRequestFor(customerCode: string): Promise<void> {
  const requests = (await sandbox.call('GET', `/v1/policies/${POLICY}/cover-requests?pageSize=500`, { token: await sandbox.signIn() })).body.items as { customerReference: string }[];
  expect(requests.filter((request) => request.customerReference === customerCode)).toHaveLength(1);
}
