import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { limitInForceOn, type CreditLimit } from '../../shared/domain/limits/credit-limit';
import { digestFeedPage, feedPageSchema } from '../../shared/sync/feed-page';
import { applyInsurerCover, insurerCoverSchema } from '../../shared/sync/insurer-cover';
import type { IsoDate } from '../../shared/time/iso-date';
import { buyerWithoutCover, POLICY, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

/**
 * The contract between the sandbox and Kredo's sync logic in shared/sync: what the server really sends
 * must parse, and applying it must give the limits the server holds.
 */
let sandbox: TestSandbox;
let token: string;
beforeEach(async () => {
  sandbox = await startTestSandbox();
  token = await sandbox.signIn();
});
afterEach(async () => {
  await sandbox.stop();
});

describe('Kredo’s sync logic against the sandbox', () => {
  it('reads every seeded cover of a full resync into a limit with the server’s amount', async () => {
    const page = await sandbox.call('GET', `/v1/policies/${POLICY}/covers?page=1&pageSize=500`, { token });
    expect(page.status).toBe(200);
    const items: unknown[] = page.body.items ?? page.body;
    expect(items.length).toBeGreaterThan(50);
    for (const item of items) {
      const cover = insurerCoverSchema.parse(item);
      const limit = applyInsurerCover(undefined, cover, 'D');
      expect(limit.decidedAmountMinor).toBe(Math.round(Number(cover.decidedAmount) * 100));
    }
  });

  it('follows a request from the feed to its decision, then an insurer reduction, duplicates and reordering included', async () => {
    await sandbox.admin('POST', '/faults', { duplicateFeedEvents: true, reorderFeedEvents: true });
    const start = (await sandbox.call('GET', `/v1/policies/${POLICY}/changes`, { token })).body.nextCursor as string;
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    const asked = await sandbox.write('POST', `/v1/policies/${POLICY}/cover-requests`, token, { companyId: buyer.companyId, requestedAmount: '10000.00', currency: 'EUR' });
    expect(asked.status).toBe(201);
    await sandbox.admin('POST', `/buyers/${buyer.companyId}/reduction`, { newAmount: '4000.00' });

    const seen = new Set<string>();
    let limit: CreditLimit | undefined;
    const feed = feedPageSchema.parse((await sandbox.call('GET', `/v1/policies/${POLICY}/changes?cursor=${encodeURIComponent(start)}`, { token })).body);
    const digest = digestFeedPage(feed.items, seen);
    expect(digest.duplicates).toBeGreaterThan(0);
    expect(digest.decidedRequests.map((decided) => decided.requestId)).toContain(asked.body.request.requestId);
    for (const cover of digest.covers) limit = applyInsurerCover(limit, cover, 'D');
    expect(limit?.pendingChange).toMatchObject({ type: 'REDUCTION', newAmountMinor: 400_000 });

    const server = insurerCoverSchema.parse((await sandbox.call('GET', `/v1/policies/${POLICY}/covers/${limit!.coverId}`, { token })).body);
    expect(applyInsurerCover(limit, server, 'D')).toBe(limit);
    expect(limitInForceOn(limit!, '2026-03-02' as IsoDate)).toBe(1_000_000);
    expect(limitInForceOn(limit!, limit!.pendingChange!.effectiveFrom as IsoDate)).toBe(400_000);
  });
});
