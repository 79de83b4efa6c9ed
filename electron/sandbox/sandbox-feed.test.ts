import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyerWithoutCover, POLICY, seededState, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox;
let token: string;
beforeEach(async () => {
  sandbox = await startTestSandbox();
  token = await sandbox.signIn();
});
afterEach(async () => {
  await sandbox.stop();
});

const changes = (cursor?: string, limit?: number) => {
  const query = new URLSearchParams({ ...(cursor !== undefined && { cursor }), ...(limit !== undefined && { limit: String(limit) }) });
  return sandbox.call('GET', `/v1/policies/${POLICY}/changes?${query}`, { token });
};
const typesOf = (answer: { body: { items: { type: string }[] } }) => answer.body.items.map((item) => item.type);
const approveOne = async (skip = 0) => {
  const buyer = buyerWithoutCover((grade) => grade <= 4, skip);
  await sandbox.write('POST', `/v1/policies/${POLICY}/cover-requests`, token, { companyId: buyer.companyId, requestedAmount: '10000.00', currency: 'EUR' });
  return buyer;
};

describe('insurer sandbox: change feed', () => {
  it('delivers events in order, a page at a time, continuing from the cursor', async () => {
    const start = await changes();
    expect(start.body).toMatchObject({ items: [], hasMore: false });
    await approveOne(0);
    await approveOne(1);

    const first = await changes(start.body.nextCursor, 3);
    expect(typesOf(first)).toEqual(['REQUEST_RECEIVED', 'DECISION_ISSUED', 'REQUEST_RECEIVED']);
    expect(first.body.hasMore).toBe(true);
    expect(first.body.items[1].data.cover).toMatchObject({ status: 'APPROVED', decidedAmount: '10000.00' });
    const second = await changes(first.body.nextCursor, 3);
    expect(typesOf(second)).toEqual(['DECISION_ISSUED']);
    expect(second.body.hasMore).toBe(false);
    expect((await changes(second.body.nextCursor)).body.items).toEqual([]);
  });

  it('answers 410 for a cursor older than the 48-hour window; GET /covers gives a fresh one', async () => {
    const { nextCursor } = (await changes()).body;
    await sandbox.admin('POST', '/clock', { advance: 'PT49H' });
    token = await sandbox.signIn();
    const gone = await changes(nextCursor);
    expect(gone.status).toBe(410);
    expect(gone.body.type).toMatch(/cursor_expired$/);

    const resync = await sandbox.call('GET', `/v1/policies/${POLICY}/covers?pageSize=500`, { token });
    await approveOne();
    expect(typesOf(await changes(resync.body.cursor))).toEqual(['REQUEST_RECEIVED', 'DECISION_ISSUED']);
  });

  it('answers 410 for every cursor once the admin expires them, and 400 for a cursor it never issued', async () => {
    const { nextCursor } = (await changes()).body;
    await sandbox.admin('POST', '/cursors/expire');
    expect((await changes(nextCursor)).status).toBe(410);
    expect((await changes('not-a-cursor')).status).toBe(400);
  });

  it('announces an insurer reduction with 30 days\' notice, then applies it on the effective date', async () => {
    const buyer = await approveOne();
    const { nextCursor } = (await changes()).body;
    const notice = await sandbox.admin('POST', `/buyers/${buyer.companyId}/reduction`, { newAmount: '4000.00' });
    expect(notice.body.pendingChange).toMatchObject({ type: 'REDUCTION', newAmount: '4000.00', effectiveFrom: '2026-04-01' });
    const notified = await changes(nextCursor);
    expect(typesOf(notified)).toEqual(['LIMIT_REDUCTION_NOTIFIED']);
    expect(notified.body.items[0].data.cover).toMatchObject({ decidedAmount: '10000.00', pendingChange: { type: 'REDUCTION', newAmount: '4000.00', effectiveFrom: '2026-04-01' } });

    await sandbox.admin('POST', '/clock', { advance: 'P30D' });
    token = await sandbox.signIn();
    const applied = await changes();
    expect(typesOf(applied)).toContain('LIMIT_REDUCED');
    const reduced = applied.body.items.find((item: { type: string }) => item.type === 'LIMIT_REDUCED');
    expect(reduced).toMatchObject({ occurredAt: '2026-04-01T00:00:00.000Z', data: { cover: { status: 'REDUCED', decidedAmount: '4000.00', pendingChange: null } } });
  });

  it('withdraws cover at once when the insurer says so with an effective date of today', async () => {
    const buyer = await approveOne();
    await sandbox.admin('POST', `/buyers/${buyer.companyId}/withdrawal`, { effectiveFrom: '2026-03-02' });
    const covers = await sandbox.call('GET', `/v1/policies/${POLICY}/covers?companyId=${buyer.companyId}`, { token });
    expect(covers.body.items[0]).toMatchObject({ status: 'WITHDRAWN', decidedAmount: '0.00' });
    expect(typesOf(await changes()).slice(-2)).toEqual(['LIMIT_REDUCTION_NOTIFIED', 'LIMIT_WITHDRAWN']);
  });

  it('decides the demo\'s pending requests a few virtual hours after start', async () => {
    const pending = seededState().requests;
    expect(pending.length).toBeGreaterThan(0);
    await sandbox.admin('POST', '/clock', { advance: 'PT4H' });
    token = await sandbox.signIn();
    const decisions = (await changes(undefined, 500)).body.items.filter((item: { type: string }) => item.type === 'DECISION_ISSUED');
    expect(decisions.map((item: { companyId: string }) => item.companyId).sort()).toEqual(pending.map((request) => request.companyId).sort());
  });

  it('can repeat and reorder events when told to, so the client learns to cope', async () => {
    const { nextCursor } = (await changes()).body;
    await approveOne();
    await sandbox.admin('POST', '/faults', { duplicateFeedEvents: true, reorderFeedEvents: true });
    const page = await changes(nextCursor);
    expect(typesOf(page)).toEqual(['DECISION_ISSUED', 'REQUEST_RECEIVED', 'DECISION_ISSUED']);
    expect(page.body.items[0].eventId).toBe(page.body.items[2].eventId);
  });
});
