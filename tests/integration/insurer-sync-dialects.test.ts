import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDialectGateway } from '../../electron/main/insurer/dialect-gateway';
import { createAtradiusGateway } from '../../electron/main/insurer/dialects/atradius-gateway';
import { atradiusAuth } from '../../electron/main/insurer/dialects/atradius-mapping';
import { createInsurerClient } from '../../electron/main/insurer/insurer-client';
import { ACTIVE_COVER_STATUSES } from '../../electron/sandbox/cover-decisions';
import { POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import type { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { queueLimitRequest } from '../../renderer/src/data/sync/queue-limit-request';
import { readDebtorLedger } from '../../renderer/src/data/store/read-ledger';
import { queueLossSubmission } from '../../renderer/src/data/sync/queue-loss-submission';
import { runSync, type SyncClock } from '../../renderer/src/data/sync/run-sync';
import { statusGivesCover } from '../../shared/domain/limits/credit-limit';
import { KredoError } from '../../shared/errors/kredo-error';
import { seededRandom } from '../../shared/random/seeded-random';
import { insurerAmountToMinor } from '../../shared/sync/insurer-cover';
import type { InsurerSyncPort } from '../../shared/sync/insurer-sync-port';
import { addDays, type IsoDate } from '../../shared/time/iso-date';
import { openDemoStore } from './demo-store';

/**
 * The insurer sync end to end in each insurer's own dialect (issue 18): the data worker's sync over a real
 * store, through the main process's adapter for the dialect, against the sandbox speaking that dialect from the
 * same state and decision engine as the canonical API — Atradius (three secrets, organisation-management
 * buyers, cover-management covers polled with `fromDate`, 206 pages) and Allianz Trade (API key → bearer
 * token, company matching, riskinfo v3 requests answered by jobs, cover and cover-request search polled from a
 * watermark, Payment Overdues) — and in Kredo's own canonical dialect through the same wiring. The same
 * scenarios run in all three; each ends with Kredo's limits equal to the sandbox's.
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
const clientDeps = () => ({ now: () => virtualNow, random: () => random.next(), sleep: async () => undefined, maxAttempts: 40, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } });

/** How each dialect differs in the shared scenarios: the rest is the same sync against the same sandbox state. */
interface DialectCase {
  readonly name: string;
  readonly port: () => InsurerSyncPort;
  /** Faults that make a cover list come in partial pages (Allianz answers 206 on every page but the last as it stands). */
  readonly partialPages: Record<string, unknown>;
  /** Requests answered by an asynchronous job, which can still be pending when Kredo stops polling. */
  readonly jobs: boolean;
  /** Overdue notifications through the API (Allianz's Payment Overdues), or refused for the portal (Atradius). */
  readonly overdues: boolean;
  /** A change feed whose cursors expire after two days (canonical): after a week offline Kredo reads every cover again; a watermark (Atradius, Allianz) just asks what changed since. */
  readonly expiringFeed: boolean;
}

const DIALECTS: readonly DialectCase[] = [
  {
    // Kredo's own API, through the same wiring as the others: the same scenario, with a change feed instead of a
    // watermark, so every dialect Settings offers runs it (issue 18 "Done when").
    name: 'Kredo standard',
    port: () => createDialectGateway({ baseUrl: `${sandbox.server.url}/v1`, policyId: POLICY }, { dialect: 'canonical', apiKey: sandbox.server.apiKey }, clientDeps()),
    partialPages: {},
    jobs: false,
    overdues: true,
    expiringFeed: true,
  },
  {
    name: 'Atradius',
    // Pages of 40 covers, so a full read of the demo policy takes several (and meets the 206 fault).
    port: () => {
      const { appKey, clientId, clientSecret, customerId, policyId } = sandbox.server.atradius;
      const client = createInsurerClient({ baseUrl: sandbox.server.url, apiKey: '' }, clientDeps(), atradiusAuth({ appKey, clientId, clientSecret }));
      return createAtradiusGateway(client, { customerId, policyId }, { baseUrl: sandbox.server.url, pageSize: 40 });
    },
    partialPages: { partialContentPages: true },
    jobs: false,
    overdues: false,
    expiringFeed: false,
  },
  {
    name: 'Allianz Trade',
    // Through the main process's own wiring (dialect-gateway.ts), as Settings connects it.
    port: () => {
      const { apiKey, businessUnitCode, policyId } = sandbox.server.allianz;
      return createDialectGateway({ baseUrl: sandbox.server.url, policyId, businessUnitCode }, { dialect: 'allianz', apiKey }, clientDeps());
    },
    partialPages: {},
    jobs: true,
    overdues: true,
    expiringFeed: false,
  },
];
let dialect: DialectCase = DIALECTS[0]!;
const port = (): InsurerSyncPort => dialect.port();
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

/** An insured euro debtor with undisputed invoices fallen due within the notification period, and no older ones. */
async function debtorWithFreshOverdue() {
  const server = seededState();
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      const company = server.companies.find((candidate) => candidate.debtorId === debtor.id);
      const cover = server.covers.find((candidate) => candidate.companyId === company?.companyId && candidate.status === 'APPROVED');
      if (!company || !cover || company.grade > 6 || debtor.currency !== 'EUR') continue;
      const ledger = (await readDebtorLedger(db, chunk.chunkId, debtor.id))!;
      const fresh = ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && !item.dispute && item.dueDate < today && addDays(item.dueDate, 50) >= today);
      if (fresh.length > 0 && !ledger.items.some((item) => item.openMinor > 0 && item.dueDate < today && !fresh.includes(item))) return { debtor, itemIds: fresh.map((item) => item.id) };
    }
  }
  throw new Error('No such debtor in the demo');
}

/** Buyers with a steady seeded cover in force (no announced change, no temporary tranche, no open request). */
function coveredBuyers() {
  const state = seededState();
  const requested = new Set(state.requests.map((request) => request.companyId));
  return state.companies.filter((company) => !requested.has(company.companyId) && state.covers.some((cover) => cover.companyId === company.companyId && ACTIVE_COVER_STATUSES.has(cover.status) && !cover.pendingChange && cover.tranches.every((tranche) => tranche.expiresOn === null)));
}

describe.each(DIALECTS)('insurer sync in $name’s dialect', (dialectCase) => {
  beforeEach(() => {
    dialect = dialectCase;
  });

  it('requests a limit offline, has it referred and decided later, mirrors a reduction and a re-issue, refuses an amount not in thousands, and notifies an overdue as the dialect allows', async () => {
    // First sync: every cover, over pages answered 206 Partial Content, with an expired token on the way.
    await sandbox.admin('POST', '/faults', dialect.partialPages);
    expect(await runSync(db, port(), clock())).toMatchObject({ fullResync: true });
    await expectLimitsEqualServer();

    // Offline: the request waits in the outbox.
    const debtor = await uncoveredDebtor();
    const id = 'a7a7a7a7-0000-4000-8000-000000000001';
    await queueLimitRequest(db, { id, debtorId: debtor.id, type: 'NEW', amountMinor: 90_000_000, currency: 'EUR', at: TEST_NOW });
    await expect(runSync(db, offline, clock())).rejects.toMatchObject({ code: 'insurer.unavailable' });
    expect(await db.limitOutbox.get(id)).toMatchObject({ state: 'SUBMITTED_LOCAL' });

    // Online, with the token expired: above every grade's automatic appetite, the request goes to an underwriter.
    await sandbox.admin('POST', '/tokens/expire');
    virtualNow = new Date(virtualNow.getTime() + 60_000);
    if (dialect.jobs) {
      // The request's job is still pending when Kredo stops polling it: sent, its answer not yet known. The
      // next sync looks it up among the insurer's cover requests instead of sending it a second time.
      await sandbox.admin('POST', '/faults', { pendingJobPolls: 5 });
      expect(await runSync(db, port(), clock())).toMatchObject({ sent: 0, waiting: 1, fullResync: false });
      expect(await db.limitOutbox.get(id)).toMatchObject({ state: 'SUBMITTED_LOCAL', answerLost: true });
      virtualNow = new Date(virtualNow.getTime() + 60_000);
      expect(await runSync(db, port(), { ...clock(), force: true })).toMatchObject({ sent: 1, fullResync: false });
    } else {
      expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1, fullResync: false });
    }
    const pending = (await db.limitOutbox.get(id))!;
    expect(pending).toMatchObject({ state: 'PENDING' });
    expect(pending.insurerRequestId).toMatch(/^REQ-/);

    // Hours later the underwriter decides; Kredo polls what changed since its watermark and marks it decided.
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
    await sandbox.admin('POST', '/faults', { reissueCovers: true, ...dialect.partialPages });
    const reducedMinor = Math.floor(before.decidedAmountMinor / 200_000) * 100_000;
    await queueLimitRequest(db, { id: 'a7a7a7a7-0000-4000-8000-000000000002', debtorId: reissued!.debtorId, type: 'REDUCE', amountMinor: reducedMinor, currency: 'EUR', at: virtualNow.toISOString() });
    expect(await runSync(db, port(), clock())).toMatchObject({ sent: 1, refused: 0 });
    await sandbox.admin('DELETE', '/faults');
    const after = (await insurerLimitOf(reissued!.debtorId))!;
    expect(after).toMatchObject({ decidedAmountMinor: reducedMinor });
    expect(after.coverId).not.toBe(before.coverId);
    expect(after.otherCovers).toEqual([expect.objectContaining({ coverId: before.coverId, status: 'CANCELLED', decidedAmountMinor: 0 })]);

    // An amount not in whole thousands is refused in the insurer's words, read as Kredo's code.
    const odd = await uncoveredDebtor();
    await queueLimitRequest(db, { id: 'a7a7a7a7-0000-4000-8000-000000000004', debtorId: odd.id, type: 'NEW', amountMinor: 1_234_500, currency: 'EUR', at: virtualNow.toISOString() });
    expect(await runSync(db, port(), clock())).toMatchObject({ refused: 1 });
    expect(await db.limitOutbox.get('a7a7a7a7-0000-4000-8000-000000000004')).toMatchObject({ state: 'REJECTED', lastProblem: { code: 'amount_not_multiple_of_1000' } });

    // An overdue notification: Allianz's Payment Overdues take it and answer a day later; Atradius's API takes
    // none, so the entry is refused with that reason, never sent anywhere.
    const overdue = await debtorWithFreshOverdue();
    const notified = 'a7a7a7a7-0000-4000-8000-000000000003';
    await queueLossSubmission(db, { id: notified, debtorId: overdue.debtor.id, kind: 'overdue', itemIds: overdue.itemIds, detail: { category: 'OVD' }, at: virtualNow.toISOString(), today });
    await runSync(db, port(), clock());
    if (dialect.overdues) {
      expect(await db.lossOutbox.get(notified)).toMatchObject({ state: 'ACKNOWLEDGED', insurerId: expect.stringMatching(/^OVD-/), insurerStatus: 'RECEIVED' });
      await sandbox.admin('POST', '/clock', { advance: 'PT25H' });
      virtualNow = new Date(virtualNow.getTime() + 25 * 3_600_000);
      await runSync(db, port(), clock());
      expect(await db.lossOutbox.get(notified)).toMatchObject({ insurerStatus: 'ACKNOWLEDGED', outcome: 'LIMIT_CONFIRMED' });
    } else {
      expect(await db.lossOutbox.get(notified)).toMatchObject({ state: 'REJECTED', lastProblem: { code: 'dialect_no_loss_api' } });
    }

    await expectLimitsEqualServer();
  });

  it('catches up after a week offline and a 503, from its watermark (or reading everything again once its feed cursor expired), ending equal to the server', async () => {
    await runSync(db, port(), clock());
    const [first, second] = coveredBuyers();
    await sandbox.admin('POST', `/buyers/${first!.companyId}/reduction`, {});
    await sandbox.admin('POST', '/clock', { advance: 'P7D' });
    virtualNow = new Date(virtualNow.getTime() + 7 * 86_400_000);
    await sandbox.admin('POST', `/buyers/${second!.companyId}/reduction`, {});
    // An hour of maintenance (503 with Retry-After): the sync stops and says when to come back.
    await sandbox.admin('POST', '/faults', { maintenance: [{ start: virtualNow.toISOString(), end: new Date(virtualNow.getTime() + 3_600_000).toISOString() }] });
    await expect(runSync(db, port(), clock())).rejects.toMatchObject({ code: 'insurer.unavailable', params: { retryAt: expect.any(String) } });
    await sandbox.admin('POST', '/clock', { advance: 'PT2H' });
    virtualNow = new Date(virtualNow.getTime() + 2 * 3_600_000);
    expect(await runSync(db, port(), clock())).toMatchObject({ fullResync: dialect.expiringFeed });
    expect((await insurerLimitOf(first!.debtorId))!.pendingChange).toBeDefined();
    expect((await insurerLimitOf(second!.debtorId))!.pendingChange).toBeDefined();
    await expectLimitsEqualServer();
  });
});
