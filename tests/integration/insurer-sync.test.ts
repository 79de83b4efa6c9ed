import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInsurerClient } from '../../electron/main/insurer/insurer-client';
import { createInsurerGateway } from '../../electron/main/insurer/insurer-gateway';
import { ACTIVE_COVER_STATUSES } from '../../electron/sandbox/cover-decisions';
import type { SandboxCompany } from '../../electron/sandbox/sandbox-state';
import { POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { openDemoStore } from './demo-store';
import { queueLimitRequest } from '../../renderer/src/data/sync/queue-limit-request';
import { runSync, type SyncClock } from '../../renderer/src/data/sync/run-sync';
import { KredoError } from '../../shared/errors/kredo-error';
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
  coverRequests: () => Promise.reject({ code: 'insurer.unavailable' }),
  lossRecords: () => Promise.reject({ code: 'insurer.unavailable' }),
};

async function expectLimitsEqualServer(): Promise<void> {
  const token = await sandbox.signIn();
  const server = (await sandbox.call('GET', `/v1/policies/${POLICY}/covers?pageSize=500`, { token })).body as { items: { coverId: string; status: string; decidedAmount: string; currency: string; version: number }[] };
  // Every cover id the insurer holds, the one in force for its debtor and the ones it superseded, at its own version.
  const stored = new Map((await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).flatMap((limit) => [limit, ...(limit.otherCovers ?? [])]).filter((limit) => limit.coverId).map((limit) => [limit.coverId!, limit]));
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

describe('a request whose answer was lost, after the insurer forgot its key', () => {
  /** Above every grade's automatic appetite: the insurer refers it to an underwriter (202) and keeps it open. */
  const REFERRED_MINOR = 90_000_000;
  const insurerRequestsFor = async (customerCode: string) =>
    ((await sandbox.call('GET', `/v1/policies/${POLICY}/cover-requests?pageSize=500`, { token: await sandbox.signIn() })).body.items as { requestId: string; customerReference: string; status: string }[]).filter((request) => request.customerReference === customerCode);

  it('meets a 409 when sent again after the app died mid-call: Kredo checks, finds the request, and never marks it refused', async () => {
    await runSync(db, port(), clock());
    const debtor = await uncoveredDebtor();
    const id = 'f1b2c3d4-0000-4000-8000-000000000011';
    await queueLimitRequest(db, { id, debtorId: debtor.id, type: 'NEW', amountMinor: REFERRED_MINOR, currency: 'EUR', at: TEST_NOW });
    // The insurer takes the request, and the app dies before it stores the answer.
    const real = port();
    let handled = false;
    void runSync(db, { ...real, submit: async (entry, buyer) => { await real.submit(entry, buyer); handled = true; return new Promise(() => undefined); } }, clock());
    await expect.poll(() => handled).toBe(true);
    db.close();
    db = new KredoDb(db.name);
    // Kredo stays closed longer than the insurer keeps idempotency keys.
    await sandbox.admin('POST', '/idempotency/expire');

    // Sent again under its key, the insurer answers 409: a request for this buyer is already pending. That is
    // Kredo's own request, so the entry is checked, not refused (REJECTED is final: it would never leave it).
    const report = await runSync(db, port(), clock());
    expect(report.refused).toBe(0);
    expect(await db.limitOutbox.get(id)).toMatchObject({ state: 'CHECKING', lastProblem: { status: 409, code: 'request_already_pending' } });

    await runSync(db, port(), clock());
    const requests = await insurerRequestsFor(debtor.customerCode);
    expect(requests).toHaveLength(1);
    expect(await db.limitOutbox.get(id)).toMatchObject({ state: 'PENDING', insurerRequestId: requests[0]!.requestId });
    expect(await db.audit.filter((line) => line.action === 'insurer.requestFound').count()).toBe(1);
  });

  it('looks the request up before sending it again when Kredo knows the answer was lost, and sends nothing twice', async () => {
    await runSync(db, port(), clock());
    const debtor = await uncoveredDebtor();
    const id = 'f1b2c3d4-0000-4000-8000-000000000012';
    await queueLimitRequest(db, { id, debtorId: debtor.id, type: 'NEW', amountMinor: REFERRED_MINOR, currency: 'EUR', at: TEST_NOW });
    const real = port();
    // The insurer acts, the connection drops before the answer arrives; the client gives up.
    await runSync(db, { ...real, submit: async (entry, buyer) => { await real.submit(entry, buyer); throw new KredoError('insurer.unavailable'); } }, clock()).catch(() => undefined);
    expect(await db.limitOutbox.get(id)).toMatchObject({ state: 'SUBMITTED_LOCAL', answerLost: true });
    await sandbox.admin('POST', '/idempotency/expire');

    let submitted = 0;
    const counting = port();
    await runSync(db, { ...counting, submit: (entry, buyer) => ((submitted += 1), counting.submit(entry, buyer)) }, { ...clock(), force: true });
    expect(submitted).toBe(0);
    const requests = await insurerRequestsFor(debtor.customerCode);
    expect(requests).toHaveLength(1);
    expect(await db.limitOutbox.get(id)).toMatchObject({ state: 'PENDING', insurerRequestId: requests[0]!.requestId });
  });

  it('sends it again under a new key, with a line in the audit trail, when the insurer has no trace of it', async () => {
    await runSync(db, port(), clock());
    const debtor = await uncoveredDebtor();
    const id = 'f1b2c3d4-0000-4000-8000-000000000013';
    await queueLimitRequest(db, { id, debtorId: debtor.id, type: 'NEW', amountMinor: REFERRED_MINOR, currency: 'EUR', at: TEST_NOW });
    // The connection drops before the request reaches the insurer.
    await runSync(db, { ...port(), submit: () => Promise.reject(new KredoError('insurer.unavailable')) }, clock()).catch(() => undefined);

    expect(await runSync(db, port(), { ...clock(), force: true })).toMatchObject({ sent: 1 });
    const entry = (await db.limitOutbox.get(id))!;
    expect(entry.state).toBe('PENDING');
    expect(entry.idempotencyKey).toBeDefined();
    expect(entry.idempotencyKey).not.toBe(id);
    expect(await insurerRequestsFor(debtor.customerCode)).toHaveLength(1);
    const audit = await db.audit.filter((line) => line.action === 'insurer.requestResent').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'sync', entityType: 'debtor', entityId: debtor.id, details: { outboxId: id, previousKey: id, newKey: entry.idempotencyKey } });
  });
});

describe('Retry-After and clocks', () => {
  it('keeps a request waiting until the time the insurer asked (two hours), rather than sleeping or trying earlier', async () => {
    await runSync(db, port(), clock());
    const debtor = await uncoveredDebtor();
    const id = 'f1b2c3d4-0000-4000-8000-000000000021';
    await queueLimitRequest(db, { id, debtorId: debtor.id, type: 'NEW', amountMinor: 2_000_000, currency: 'EUR', at: TEST_NOW });
    await sandbox.admin('POST', '/faults', { throttleNext: 1_000, throttleRetryAfterSeconds: 7_200 });
    const comeBack = new Date(virtualNow.getTime() + 7_200_000).toISOString();
    await expect(runSync(db, port(), clock())).rejects.toMatchObject({ code: 'insurer.unavailable', params: { retryAt: comeBack } });
    expect(await db.limitOutbox.get(id)).toMatchObject({ state: 'SUBMITTED_LOCAL', notBefore: comeBack });
    expect((await db.syncState.get('insurerRetryAt'))?.value).toBe(comeBack);

    // An hour later the insurer would answer, but it asked for two: the request still waits.
    await sandbox.admin('DELETE', '/faults');
    virtualNow = new Date(virtualNow.getTime() + 3_600_000);
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 0 });
    virtualNow = new Date(comeBack);
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1 });
    expect(await db.syncState.get('insurerRetryAt')).toBeUndefined();
    await expectOneRequestFor(debtor.customerCode);
  });

  it('asks again after six hours when the insurer asks for days', async () => {
    await runSync(db, port(), clock());
    const debtor = await uncoveredDebtor();
    await queueLimitRequest(db, { id: 'f1b2c3d4-0000-4000-8000-000000000022', debtorId: debtor.id, type: 'NEW', amountMinor: 2_000_000, currency: 'EUR', at: TEST_NOW });
    await sandbox.admin('POST', '/faults', { throttleNext: 1_000, throttleRetryAfterSeconds: 3 * 86_400 });
    await expect(runSync(db, port(), clock())).rejects.toMatchObject({ code: 'insurer.unavailable' });
    expect((await db.limitOutbox.get('f1b2c3d4-0000-4000-8000-000000000022'))!.notBefore).toBe(new Date(virtualNow.getTime() + 6 * 3_600_000).toISOString());
  });

  it('sends a request held back by a computer clock that was a year ahead, once the clock is right again', async () => {
    await runSync(db, port(), clock());
    const debtor = await uncoveredDebtor();
    const id = 'f1b2c3d4-0000-4000-8000-000000000023';
    await queueLimitRequest(db, { id, debtorId: debtor.id, type: 'NEW', amountMinor: 2_000_000, currency: 'EUR', at: TEST_NOW });
    const right = virtualNow;
    virtualNow = new Date(right.getTime() + 365 * 86_400_000);
    await expect(runSync(db, offline, clock())).rejects.toMatchObject({ code: 'insurer.unavailable' });
    expect(Date.parse((await db.limitOutbox.get(id))!.notBefore!)).toBeGreaterThan(right.getTime() + 364 * 86_400_000);

    virtualNow = right;
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1 });
    await expectOneRequestFor(debtor.customerCode);
  });
});

describe('insurer data that changes shape under Kredo (issue 15)', () => {
  it('follows covers the insurer re-issues under a new cover id, their versions starting again, through a reordered and duplicated feed', async () => {
    await runSync(db, port(), clock());
    const [reduced, cancelled] = coveredBuyers();
    const before = (await insurerLimitOf(reduced.debtorId))!;
    await sandbox.admin('POST', '/faults', { reissueCovers: true, reorderFeedEvents: true, duplicateFeedEvents: true });

    // A reduction the insurer decides by cancelling the cover and issuing a new one at version 1.
    const amountMinor = Math.floor(before.decidedAmountMinor / 200_000) * 100_000;
    await queueLimitRequest(db, { id: 'f1b2c3d4-0000-4000-8000-000000000005', debtorId: reduced.debtorId, type: 'REDUCE', amountMinor, currency: 'EUR', at: TEST_NOW });
    // The controller cancels the other debtor's cover, then asks again: the insurer approves under a new cover id.
    await queueLimitRequest(db, { id: 'f1b2c3d4-0000-4000-8000-000000000006', debtorId: cancelled.debtorId, type: 'CANCEL', currency: 'EUR', at: TEST_NOW });
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 2 });
    expect(await insurerLimitOf(cancelled.debtorId)).toMatchObject({ status: 'CANCELLED' });
    await queueLimitRequest(db, { id: 'f1b2c3d4-0000-4000-8000-000000000007', debtorId: cancelled.debtorId, type: 'NEW', amountMinor: 1_000_000, currency: 'EUR', at: TEST_NOW });
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1 });
    await sandbox.admin('DELETE', '/faults');

    const limit = (await insurerLimitOf(reduced.debtorId))!;
    expect(limit).toMatchObject({ status: 'APPROVED', decidedAmountMinor: amountMinor, insurerVersion: 1 });
    expect(limit.coverId).not.toBe(before.coverId);
    expect(limit.otherCovers).toEqual([expect.objectContaining({ coverId: before.coverId, status: 'CANCELLED', decidedAmountMinor: 0 })]);
    expect(await summaryOf(reduced.debtorId)).toMatchObject({ limitMinor: amountMinor, limitState: 'APPROVED' });
    const reapproved = (await insurerLimitOf(cancelled.debtorId))!;
    expect(reapproved).toMatchObject({ status: 'APPROVED', decidedAmountMinor: 1_000_000, insurerVersion: 1 });
    expect(reapproved.history.slice(-2).map((entry) => entry.status)).toEqual(['CANCELLED', 'APPROVED']);
    expect(await summaryOf(cancelled.debtorId)).toMatchObject({ limitMinor: 1_000_000, limitState: 'APPROVED' });
    await expectLimitsEqualServer();
  });

  it('quarantines covers that do not fit the schema — in the full resync, on the feed and in a request’s answer — with the reason, lets the rest go on, and takes them up once readable', async () => {
    const [bad, good] = coveredBuyers();
    await sandbox.admin('POST', '/faults', { malformedCoverBuyers: [bad.companyId] });

    // The first sync reads every cover: the one it cannot read is set aside, the others all land.
    expect(await runSync(db, port(), clock())).toMatchObject({ fullResync: true });
    const badCoverId = `CV-${bad.debtorId}`;
    expect(await db.insurerQuarantine.toArray()).toEqual([expect.objectContaining({ source: 'resync', coverId: badCoverId, debtorId: bad.debtorId, problems: [{ field: 'decidedAmount', issue: 'malformed' }] })]);

    // On the feed: both buyers' limits are to be halved. The readable one lands; the other is set aside and the feed goes on.
    await sandbox.admin('POST', `/buyers/${bad.companyId}/reduction`, {});
    await sandbox.admin('POST', `/buyers/${good.companyId}/reduction`, {});
    await runSync(db, port(), clock());
    expect((await insurerLimitOf(good.debtorId))!.pendingChange?.type).toBe('REDUCTION');
    expect((await insurerLimitOf(bad.debtorId))!.pendingChange).toBeUndefined();
    expect(await db.insurerQuarantine.toArray()).toEqual([expect.objectContaining({ source: 'feed', coverId: badCoverId, version: 2 })]);

    // The insurer decides a request at once but its answer's cover cannot be read: the request counts as decided and is not sent again.
    await queueLimitRequest(db, { id: 'f1b2c3d4-0000-4000-8000-000000000008', debtorId: bad.debtorId, type: 'REDUCE', amountMinor: 100_000, currency: 'EUR', at: TEST_NOW });
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1, refused: 0, waiting: 0 });
    await runSync(db, port(), clock());
    expect(await db.limitOutbox.get('f1b2c3d4-0000-4000-8000-000000000008')).toMatchObject({ state: 'DECIDED', attempts: 1 });
    expect(await db.insurerQuarantine.toArray()).toEqual([expect.objectContaining({ coverId: badCoverId, version: 3 })]);

    // Readable again: the next full read brings the limit up to date and empties the quarantine.
    await sandbox.admin('DELETE', '/faults');
    await sandbox.admin('POST', '/cursors/expire');
    expect(await runSync(db, port(), clock())).toMatchObject({ fullResync: true });
    expect(await db.insurerQuarantine.count()).toBe(0);
    expect(await insurerLimitOf(bad.debtorId)).toMatchObject({ decidedAmountMinor: 100_000, insurerVersion: 3 });
    await expectLimitsEqualServer();
  });
});

/** Two demo buyers the sandbox covers steadily (no announced change, no temporary tranche), findable by their identifiers. */
function coveredBuyers(): [SandboxCompany, SandboxCompany] {
  const state = seededState();
  const requested = new Set(state.requests.map((request) => request.companyId));
  const steady = new Set(state.covers.filter((cover) => ACTIVE_COVER_STATUSES.has(cover.status) && !cover.pendingChange && cover.tranches.every((tranche) => tranche.expiresOn === null) && cover.decidedAmountMinor >= 400_000).map((cover) => cover.companyId));
  const [first, second] = state.companies.filter((company) => steady.has(company.companyId) && !requested.has(company.companyId) && company.grade <= 6 && company.identifiers.length > 0);
  if (!first || !second) throw new Error('The demo has fewer than two steadily covered buyers');
  return [first, second];
}

const insurerLimitOf = async (debtorId: string) => (await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).find((limit) => limit.debtorId === debtorId && limit.source === 'insurer');
const summaryOf = async (debtorId: string) => (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries).find((summary) => summary.debtorId === debtorId);

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

const insurerChanges = async () => (await db.audit.toArray()).filter((entry) => entry.action === 'limit.insurerChanged').length;

/**
 * A feed page lands whole or not at all (issue 14 put it in one transaction with the cursor past it): a sync
 * that fails while storing the cursor must not leave the page's limit changes, audit lines and notifications
 * stored without the cursor that says they were read.
 */
describe('a feed page and its cursor', () => {
  it('stores none of a page when its cursor cannot be stored, and all of it on the next sync', async () => {
    await runSync(db, port(), clock());
    const token = await sandbox.signIn();
    const covers = (await sandbox.call('GET', `/v1/policies/${POLICY}/covers?pageSize=500`, { token })).body as { items: { companyId: string; coverId: string; status: string }[] };
    const reduced = covers.items.filter((cover) => ACTIVE_COVER_STATUSES.has(cover.status)).slice(0, 3);
    expect(reduced).toHaveLength(3);
    for (const cover of reduced) await sandbox.admin('POST', `/buyers/${cover.companyId}/reduction`, {});
    const limitsBefore = await db.limitChunks.toArray();
    const auditBefore = await insurerChanges();
    const cursorBefore = (await db.syncState.get('cursor'))?.value;

    // The disk refuses the cursor's write (full, say): the page's covers, already applied, must go with it.
    const refuse = (_changes: unknown, _key: unknown, record: { key: string }) => {
      if (record.key === 'cursor') throw new Error('disk full');
    };
    db.syncState.hook('updating', refuse);
    await expect(runSync(db, port(), clock())).rejects.toThrow();
    db.syncState.hook('updating').unsubscribe(refuse);
    expect(await db.limitChunks.toArray()).toEqual(limitsBefore);
    expect(await insurerChanges()).toBe(auditBefore);
    expect((await db.syncState.get('cursor'))?.value).toBe(cursorBefore);

    // The next sync reads the page again and applies it once.
    const report = await runSync(db, port(), clock());
    expect(report.fullResync).toBe(false);
    expect(report.changedLimits).toBe(3);
    expect(await insurerChanges()).toBe(auditBefore + 3);
    const pending = (await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => reduced.some((cover) => cover.coverId === limit.coverId));
    expect(pending.map((limit) => limit.pendingChange?.type)).toEqual(['REDUCTION', 'REDUCTION', 'REDUCTION']);
  });
});
