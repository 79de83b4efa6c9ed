import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtradiusGateway } from '../../electron/main/insurer/dialects/atradius-gateway';
import { atradiusAuth } from '../../electron/main/insurer/dialects/atradius-mapping';
import { createInsurerClient } from '../../electron/main/insurer/insurer-client';
import { ACTIVE_COVER_STATUSES } from '../../electron/sandbox/cover-decisions';
import { POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import type { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { queueLimitRequest } from '../../renderer/src/data/sync/queue-limit-request';
import { queueLossSubmission } from '../../renderer/src/data/sync/queue-loss-submission';
import { runSync, type SyncClock } from '../../renderer/src/data/sync/run-sync';
import { statusGivesCover } from '../../shared/domain/limits/credit-limit';
import { KredoError } from '../../shared/errors/kredo-error';
import { seededRandom } from '../../shared/random/seeded-random';
import { insurerAmountToMinor } from '../../shared/sync/insurer-cover';
import type { InsurerSyncPort } from '../../shared/sync/insurer-sync-port';
import type { IsoDate } from '../../shared/time/iso-date';
import { openDemoStore } from './demo-store';

/**
 * The insurer sync end to end in Atradius's dialect (issue 18): the data worker's sync over a real store,
 * through the main process's Atradius adapter (three secrets, organisation-management buyers,
 * cover-management covers polled with `fromDate`), against the sandbox speaking Atradius from the same state
 * and decision engine as the canonical API. Each scenario ends with Kredo's limits equal to the sandbox's.
 */
const today = TEST_NOW.slice(0, 10) as IsoDate;
let sandbox: TestSandbox;
let db: KredoDb;
let virtualNow = new Date(TEST_NOW);
let storeNumber = 0;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  storeNumber += 1;
  db = await openDemoStore(`insurer-sync-atradius-${storeNumber}`, today);
  virtualNow = new Date(TEST_NOW);
});
afterEach(async () => {
  db.close();
  await sandbox.stop();
});

const random = seededRandom(5);
const clock = (): SyncClock => ({ now: () => virtualNow, today, random: () => random.next() });
/** Pages of 40 covers, so a full read of the demo policy takes several (and meets the 206 fault). */
const port = (): InsurerSyncPort => {
  const { appKey, clientId, clientSecret, customerId, policyId } = sandbox.server.atradius;
  const client = createInsurerClient({ baseUrl: sandbox.server.url, apiKey: '' }, { now: () => virtualNow, random: () => random.next(), sleep: async () => undefined, maxAttempts: 40, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } }, atradiusAuth({ appKey, clientId, clientSecret }));
  return createAtradiusGateway(client, { customerId, policyId }, { baseUrl: sandbox.server.url, pageSize: 40 });
};
const offline: InsurerSyncPort = {
  fullResync: () => Promise.reject(new KredoError('insurer.unavailable')),
  changes: () => Promise.reject(new KredoError('insurer.unavailable')),
  lookupBuyer: () => Promise.reject(new KredoError('insurer.unavailable')),
  submit: () => Promise.reject(new KredoError('insurer.unavailable')),
  submitLoss: () => Promise.reject(new KredoError('insurer.unavailable')),
  lossStatus: () => Promise.reject(new KredoError('insurer.unavailable')),
  coverRequests: () => Promise.reject(new KredoError('insurer.unavailable')),
  lossRecords: () => Promise.reject(new KredoError('insurer.unavailable')),
};

const storedLimits = async () => (await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => limit.source === 'insurer');
const insurerLimitOf = async (debtorId: string) => (await storedLimits()).find((limit) => limit.debtorId === debtorId);

/**
 * Every cover the sandbox holds (read through its canonical API, not the adapter under test) is in Kredo at
 * the same amount, giving cover exactly when the sandbox's does. Atradius shows no status beyond its
 * amounts, so an insurer reduction reads as a partial approval: the amount and the cover are what count.
 */
async function expectLimitsEqualServer(): Promise<void> {
  const token = await sandbox.signIn();
  const server = (await sandbox.call('GET', `/v1/policies/${POLICY}/covers?pageSize=500`, { token })).body as { items: { coverId: string; status: string; decidedAmount: string; currency: string }[] };
  const stored = new Map((await storedLimits()).flatMap((limit) => [limit, ...(limit.otherCovers ?? [])]).filter((limit) => limit.coverId).map((limit) => [limit.coverId!, limit]));
  expect(server.items.length).toBeGreaterThan(50);
  for (const cover of server.items) {
    const limit = stored.get(cover.coverId);
    expect(limit, cover.coverId).toBeDefined();
    expect({ coverId: cover.coverId, amount: limit!.decidedAmountMinor, covers: statusGivesCover(limit!.status) }).toEqual({ coverId: cover.coverId, amount: insurerAmountToMinor(cover.decidedAmount, cover.currency), covers: statusGivesCover(cover.status as never) });
  }
}

async function uncoveredDebtor() {
  const debtors = (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
  const covered = new Set((await storedLimits()).map((limit) => limit.debtorId));
  return debtors.find((candidate) => !covered.has(candidate.id) && (candidate.grade?.value ?? 10) <= 4 && candidate.identifiers.length > 0 && candidate.country === 'NL')!;
}

/** Buyers with a steady seeded cover in force (no announced change, no temporary tranche, no open request). */
function coveredBuyers() {
  const state = seededState();
  const requested = new Set(state.requests.map((request) => request.companyId));
  return state.companies.filter((company) => !requested.has(company.companyId) && state.covers.some((cover) => cover.companyId === company.companyId && ACTIVE_COVER_STATUSES.has(cover.status) && !cover.pendingChange && cover.tranches.every((tranche) => tranche.expiresOn === null)));
}

describe('insurer sync in Atradius’s dialect', () => {
  it('requests a limit offline, has it referred (202) and decided later, mirrors a reduction and a re-issue, and refuses overdue notifications plainly', async () => {
    // First sync: every cover, over pages answered 206 Partial Content, with an expired token on the way.
    await sandbox.admin('POST', '/faults', { partialContentPages: true });
    expect(await runSync(db, port(), clock())).toMatchObject({ fullResync: true });
    await expectLimitsEqualServer();

    // Offline: the request waits in the outbox.
    const debtor = await uncoveredDebtor();
    const id = 'a7a7a7a7-0000-4000-8000-000000000001';
    await queueLimitRequest(db, { id, debtorId: debtor.id, type: 'NEW', amountMinor: 90_000_000, currency: 'EUR', at: TEST_NOW });
    await expect(runSync(db, offline, clock())).rejects.toMatchObject({ code: 'insurer.unavailable' });
    expect(await db.limitOutbox.get(id)).toMatchObject({ state: 'SUBMITTED_LOCAL' });

    // Online: above every grade's automatic appetite, the application is referred to an underwriter (202).
    await sandbox.admin('POST', '/tokens/expire');
    virtualNow = new Date(virtualNow.getTime() + 60_000);
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1, fullResync: false });
    const pending = (await db.limitOutbox.get(id))!;
    expect(pending).toMatchObject({ state: 'PENDING' });
    expect(pending.insurerRequestId).toMatch(/^REQ-/);

    // Hours later the underwriter decides; Kredo polls the covers changed since its watermark and marks it decided.
    await sandbox.admin('POST', '/clock', { advance: 'PT5H' });
    virtualNow = new Date(virtualNow.getTime() + 5 * 3_600_000);
    await runSync(db, port(), clock());
    expect((await db.limitOutbox.get(id))!.state).toBe('DECIDED');
    const decided = (await insurerLimitOf(debtor.id))!;
    expect(decided.decidedAmountMinor).toBeGreaterThan(0);

    // The insurer announces a reduction of the new limit with notice: the next poll brings it.
    const requests = (await sandbox.call('GET', `/v1/policies/${POLICY}/cover-requests?pageSize=500`, { token: await sandbox.signIn() })).body.items as { companyId: string; customerReference: string }[];
    const mine = requests.filter((request) => request.customerReference === debtor.customerCode);
    expect(mine).toHaveLength(1);
    await sandbox.admin('POST', `/buyers/${mine[0]!.companyId}/reduction`, {});
    virtualNow = new Date(virtualNow.getTime() + 60_000);
    await runSync(db, port(), clock());
    expect((await insurerLimitOf(debtor.id))!.pendingChange?.type).toBe('REDUCTION');

    // The controller reduces another debtor's limit; the insurer decides it under a new cover id (re-issue).
    const [reissued] = coveredBuyers();
    const before = (await insurerLimitOf(reissued!.debtorId))!;
    await sandbox.admin('POST', '/faults', { reissueCovers: true, partialContentPages: true });
    const reducedMinor = Math.floor(before.decidedAmountMinor / 200_000) * 100_000;
    await queueLimitRequest(db, { id: 'a7a7a7a7-0000-4000-8000-000000000002', debtorId: reissued!.debtorId, type: 'REDUCE', amountMinor: reducedMinor, currency: 'EUR', at: virtualNow.toISOString() });
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1, refused: 0 });
    await sandbox.admin('DELETE', '/faults');
    const after = (await insurerLimitOf(reissued!.debtorId))!;
    expect(after).toMatchObject({ decidedAmountMinor: reducedMinor });
    expect(after.coverId).not.toBe(before.coverId);
    expect(after.otherCovers).toEqual([expect.objectContaining({ coverId: before.coverId, status: 'CANCELLED', decidedAmountMinor: 0 })]);

    // Atradius's API takes no overdue notifications: the entry is refused with that reason, never sent anywhere.
    const debtors = (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
    let notified: string | undefined;
    for (const candidate of debtors) {
      try {
        notified = (await queueLossSubmission(db, { id: 'a7a7a7a7-0000-4000-8000-000000000003', debtorId: candidate.id, kind: 'overdue', detail: { category: 'OVD' }, at: virtualNow.toISOString(), today })).id;
        break;
      } catch (error) {
        if (!(error instanceof KredoError && error.code === 'sync.nothingOverdue')) throw error;
      }
    }
    expect(notified).toBeDefined();
    await runSync(db, port(), clock());
    expect(await db.lossOutbox.get(notified!)).toMatchObject({ state: 'REJECTED', lastProblem: { code: 'dialect_no_loss_api' } });

    await expectLimitsEqualServer();
  });

  it('catches up after a week offline and a 503, by `fromDate` from its watermark, ending equal to the server', async () => {
    await runSync(db, port(), clock());
    const [first, second] = coveredBuyers();
    await sandbox.admin('POST', `/buyers/${first!.companyId}/reduction`, {});
    await sandbox.admin('POST', '/clock', { advance: 'P7D' });
    virtualNow = new Date(virtualNow.getTime() + 7 * 86_400_000);
    await sandbox.admin('POST', `/buyers/${second!.companyId}/reduction`, {});
    // An hour of "service overloaded, retry later" (503 with Retry-After): the sync stops and says when to come back.
    await sandbox.admin('POST', '/faults', { maintenance: [{ start: virtualNow.toISOString(), end: new Date(virtualNow.getTime() + 3_600_000).toISOString() }] });
    await expect(runSync(db, port(), clock())).rejects.toMatchObject({ code: 'insurer.unavailable', params: { retryAt: expect.any(String) } });
    await sandbox.admin('POST', '/clock', { advance: 'PT2H' });
    virtualNow = new Date(virtualNow.getTime() + 2 * 3_600_000);
    expect(await runSync(db, port(), clock())).toMatchObject({ fullResync: false });
    expect((await insurerLimitOf(first!.debtorId))!.pendingChange).toBeDefined();
    expect((await insurerLimitOf(second!.debtorId))!.pendingChange).toBeDefined();
    await expectLimitsEqualServer();
  });
});
