import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInsurerClient } from '../../electron/main/insurer/insurer-client';
import { createInsurerGateway } from '../../electron/main/insurer/insurer-gateway';
import { ACTIVE_COVER_STATUSES } from '../../electron/sandbox/cover-decisions';
import { POLICY, startTestSandbox, TEST_NOW, type TestSandbox } from '../../electron/sandbox/sandbox-test-kit';
import type { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { runSync, type SyncClock } from '../../renderer/src/data/sync/run-sync';
import { seededRandom } from '../../shared/random/seeded-random';
import type { InsurerSyncPort } from '../../shared/sync/insurer-sync-port';
import type { IsoDate } from '../../shared/time/iso-date';
import { openDemoStore } from './demo-store';

/**
 * A feed page lands whole or not at all (issue 14 put it in one transaction with the cursor past it): a sync
 * that fails while storing the cursor must not leave the page's limit changes, audit lines and notifications
 * stored without the cursor that says they were read.
 */
const today = TEST_NOW.slice(0, 10) as IsoDate;
let sandbox: TestSandbox;
let db: KredoDb;
let storeNumber = 0;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  storeNumber += 1;
  db = await openDemoStore(`insurer-sync-page-atomic-${storeNumber}`, today);
});
afterEach(async () => {
  db.close();
  await sandbox.stop();
});

const random = seededRandom(5);
const clock = (): SyncClock => ({ now: () => new Date(TEST_NOW), today, random: () => random.next() });
const port = (): InsurerSyncPort =>
  createInsurerGateway(
    createInsurerClient({ baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey }, { now: () => new Date(TEST_NOW), random: () => random.next(), sleep: async () => undefined, maxAttempts: 40, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } }),
    POLICY,
  );

const insurerChanges = async () => (await db.audit.toArray()).filter((entry) => entry.action === 'limit.insurerChanged').length;

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
