import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInsurerClient } from '../../electron/main/insurer/insurer-client';
import { createInsurerGateway } from '../../electron/main/insurer/insurer-gateway';
import { ACTIVE_COVER_STATUSES } from '../../electron/sandbox/cover-decisions';
import { POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import type { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { queueLimitRequest } from '../../renderer/src/data/sync/queue-limit-request';
import { syncNow, type InsurerPort } from '../../renderer/src/data/sync/sync-now';
import { seededRandom } from '../../shared/random/seeded-random';
import type { IsoDate } from '../../shared/time/iso-date';
import { openDemoStore } from './demo-store';

/**
 * The sync history (issue 17) as a sync against the sandbox records it: each run with when, full or
 * incremental, how it ended and its counts, and what it changed — debtor, before and after — newest first;
 * and the outbox entries with when they were sent.
 */
const today = TEST_NOW.slice(0, 10) as IsoDate;
let sandbox: TestSandbox;
let db: KredoDb;
let storeNumber = 0;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  storeNumber += 1;
  db = await openDemoStore(`sync-history-${storeNumber}`, today);
});
afterEach(async () => {
  db.close();
  await sandbox.stop();
});

const random = seededRandom(5);
const port = (): InsurerPort =>
  createInsurerGateway(
    createInsurerClient({ baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey }, { now: () => new Date(TEST_NOW), random: () => random.next(), sleep: async () => undefined, maxAttempts: 10, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } }),
    POLICY,
  );
const unreachable = (): InsurerPort => {
  const down = () => Promise.reject({ code: 'insurer.unavailable' });
  return { policyTerms: down, fullResync: down, changes: down, lookupBuyer: down, submit: down, submitLoss: down, lossStatus: down, coverRequests: down, lossRecords: down };
};
const request = { today, connectionId: 'sandbox', fixedNow: TEST_NOW };
const history = async () => (await db.syncRuns.orderBy(':id').reverse().toArray()).map(({ kind, result, error, sent, refused, waiting, changed, unreadable }) => ({ kind, result, error, sent, refused, waiting, changed, unreadable }));

describe('the sync history', () => {
  it('records each run newest first — full then incremental, ok, partial with what it could not read, failed with the reason — and what each changed', async () => {
    const [reduced, malformed] = coveredBuyers();
    const debtors = (await db.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
    const covered = new Set((await db.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => limit.source === 'insurer').map((limit) => limit.debtorId));
    const uncovered = debtors.find((candidate) => !covered.has(candidate.id) && (candidate.grade?.value ?? 10) <= 4 && candidate.identifiers.length > 0)!;

    await syncNow(db, port(), request);
    expect(await history()).toMatchObject([{ kind: 'full', result: 'ok', sent: 0, unreadable: 0 }]);

    // The insurer announces a reduction, and a modest request is decided at once: both are this run's changes.
    await sandbox.admin('POST', `/buyers/${reduced.companyId}/reduction`, {});
    await queueLimitRequest(db, { id: 'a1b2c3d4-0000-4000-8000-000000000017', debtorId: uncovered.id, type: 'NEW', amountMinor: 1_000_000, currency: 'EUR', at: TEST_NOW });
    await syncNow(db, port(), { ...request, force: true });
    const [second] = await db.syncRuns.orderBy(':id').reverse().toArray();
    expect(second).toMatchObject({ kind: 'incremental', result: 'ok', forced: true, sent: 1, refused: 0, changed: 2, changesKept: 2, startedAt: TEST_NOW });
    const changes = (await db.syncRunChanges.get(second!.seq!))!.changes;
    expect(changes).toEqual([
      expect.objectContaining({ debtorId: uncovered.id, debtorName: uncovered.name, status: 'APPROVED', amountMinor: 1_000_000, currency: 'EUR' }),
      expect.objectContaining({ debtorId: reduced.debtorId, debtorName: debtors.find((debtor) => debtor.id === reduced.debtorId)!.name, previousStatus: 'APPROVED', pendingChange: expect.objectContaining({ type: 'REDUCTION' }) }),
    ]);
    // The outbox entry says when it went to the insurer.
    expect(await db.limitOutbox.get('a1b2c3d4-0000-4000-8000-000000000017')).toMatchObject({ state: 'DECIDED', sentAt: TEST_NOW, lastAttemptAt: TEST_NOW });

    // A cover on the feed Kredo cannot read: the run goes through, partly.
    await sandbox.admin('POST', '/faults', { malformedCoverBuyers: [malformed.companyId] });
    await sandbox.admin('POST', `/buyers/${malformed.companyId}/reduction`, {});
    await syncNow(db, port(), request);

    // The insurer cannot be reached: the run fails with the reason, to be translated when shown.
    await expect(syncNow(db, unreachable(), request)).rejects.toMatchObject({ code: 'insurer.unavailable' });

    expect(await history()).toEqual([
      { kind: 'incremental', result: 'failed', error: { code: 'insurer.unavailable' }, sent: 0, refused: 0, waiting: 0, changed: 0, unreadable: 0 },
      { kind: 'incremental', result: 'partial', error: undefined, sent: 0, refused: 0, waiting: 0, changed: 0, unreadable: 1 },
      expect.objectContaining({ kind: 'incremental', result: 'ok', sent: 1, changed: 2 }),
      expect.objectContaining({ kind: 'full', result: 'ok' }),
    ]);
  });
});

/** Two demo buyers the sandbox covers steadily (no announced change, no temporary tranche), findable by their identifiers. */
function coveredBuyers() {
  const state = seededState();
  const requested = new Set(state.requests.map((candidate) => candidate.companyId));
  const steady = new Set(state.covers.filter((cover) => ACTIVE_COVER_STATUSES.has(cover.status) && !cover.pendingChange && cover.tranches.every((tranche) => tranche.expiresOn === null) && cover.decidedAmountMinor >= 400_000).map((cover) => cover.companyId));
  const [first, second] = state.companies.filter((company) => steady.has(company.companyId) && !requested.has(company.companyId) && company.grade <= 6 && company.identifiers.length > 0);
  if (!first || !second) throw new Error('The demo has fewer than two steadily covered buyers');
  return [first, second] as const;
}
