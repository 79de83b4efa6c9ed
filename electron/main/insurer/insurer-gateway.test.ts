import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random/seeded-random';
import { digestFeedPage } from '../../../shared/sync/feed-page';
import { applyInsurerCover } from '../../../shared/sync/insurer-cover';
import { acknowledged, newOutboxEntry } from '../../../shared/sync/limit-outbox';
import type { CreditLimit } from '../../../shared/domain/limits/credit-limit';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { buyerWithCover, POLICY, seededState, startTestSandbox, TEST_NOW, type TestSandbox } from '../../sandbox/sandbox-test-kit';
import { createInsurerClient } from './insurer-client';
import { createInsurerGateway } from './insurer-gateway';

/** The sync protocol end to end against the sandbox, through the faults a real insurer connection has. */
let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.stop();
});

const gateway = () => {
  const random = seededRandom(11);
  const client = createInsurerClient(
    { baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey },
    { now: () => new Date(TEST_NOW), random: () => random.next(), sleep: async () => undefined, maxAttempts: 30, retryPolicy: { baseDelayMs: 1, maxDelayMs: 10 } },
  );
  return createInsurerGateway(client, POLICY);
};

describe('syncing limits with the sandbox', () => {
  it('resyncs every cover through dropped requests and 429 bursts, equal to the server’s', async () => {
    await sandbox.admin('POST', '/faults', { dropRate: 0.2, dropWhen: 'before-handling', throttleNext: 5 });
    const { covers, cursor } = await gateway().fullResync(40);
    await sandbox.admin('DELETE', '/faults');
    const server = (await sandbox.call('GET', `/v1/policies/${POLICY}/covers?pageSize=500`, { token: await sandbox.signIn() })).body as { items: { coverId: string; decidedAmount: string; version: number }[] };
    expect(covers.map((cover) => [cover.coverId, cover.decidedAmount, cover.version]).sort()).toEqual(server.items.map((cover) => [cover.coverId, cover.decidedAmount, cover.version]).sort());
    expect(cursor.length).toBeGreaterThan(0);
  });

  it('requests a limit for a demo debtor found by its identifiers, once however often the answer is lost, and follows it on the feed', async () => {
    const sync = gateway();
    const debtor = seededState().companies.find((company) => company.identifiers.length > 0 && company.grade <= 4 && !seededState().covers.some((cover) => cover.companyId === company.companyId && cover.status !== 'REFUSED'))!;
    const companyId = await sync.lookupBuyer(debtor.country, debtor.identifiers);
    expect(companyId).toBe(debtor.companyId);

    const { cursor } = await sync.fullResync();
    // A large amount is referred to an underwriter (202); its answer is lost twice on the way back.
    await sandbox.admin('POST', '/faults', { dropNext: 2, dropWhen: 'after-handling' });
    const entry = newOutboxEntry({ id: 'a7d4c0de-0000-4000-8000-000000000001', debtorId: 'D-1', type: 'NEW', amountMinor: 400_000_000, currency: 'EUR', createdAt: TEST_NOW });
    const sent = await sync.submit(entry, { companyId: companyId!, customerCode: '100042' });
    const pending = acknowledged(entry, { decided: sent.decided, ...(sent.requestId !== undefined && { insurerRequestId: sent.requestId }) });
    expect(pending.state).toBe('PENDING');
    const requests = (await sandbox.call('GET', `/v1/policies/${POLICY}/cover-requests?companyId=${companyId}`, { token: await sandbox.signIn() })).body as { items: unknown[] };
    expect(requests.items).toHaveLength(1);

    // The underwriter decides hours later; then the insurer announces a reduction. Both arrive on the feed.
    await sandbox.admin('POST', '/clock', { advance: 'PT5H' });
    await sandbox.admin('POST', `/buyers/${companyId}/reduction`, {});
    let limit: CreditLimit | undefined;
    const seen = new Set<string>();
    let next = cursor;
    const decided: string[] = [];
    for (;;) {
      const page = await sync.changes(next);
      const digest = digestFeedPage(page.items, seen);
      digest.eventIds.forEach((id) => seen.add(id));
      decided.push(...digest.decidedRequests.map((request) => request.requestId));
      for (const cover of digest.covers.filter((candidate) => candidate.companyId === companyId)) limit = applyInsurerCover(limit, cover, 'D-1');
      next = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(decided).toContain(pending.insurerRequestId);
    expect(limit?.pendingChange?.type).toBe('REDUCTION');
    expect(limit?.history.length).toBeGreaterThanOrEqual(1);
  });
});

describe('insurer answers that do not fit the schema', () => {
  it('keeps a malformed cover out of a full resync and a request’s answer without failing them, says which and why, and logs it', async () => {
    const logger = createMemoryLogger();
    const random = seededRandom(12);
    const sync = createInsurerGateway(
      createInsurerClient({ baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey }, { now: () => new Date(TEST_NOW), random: () => random.next(), sleep: async () => undefined, maxAttempts: 5 }),
      POLICY,
      { logger },
    );
    const buyer = buyerWithCover((grade) => grade <= 6);
    const broken = seededState().covers.find((cover) => cover.companyId === buyer.companyId)!;
    await sandbox.admin('POST', '/faults', { malformedCoverBuyers: [buyer.companyId] });

    const { covers, rejected } = await sync.fullResync(40);
    expect(covers).toHaveLength(seededState().covers.length - 1);
    expect(covers.some((cover) => cover.coverId === broken.coverId)).toBe(false);
    expect(rejected).toEqual([expect.objectContaining({ kind: 'cover', coverId: broken.coverId, companyId: buyer.companyId, version: broken.version, problems: [{ field: 'decidedAmount', issue: 'malformed' }] })]);

    // The insurer decided the request (201) but its cover cannot be read: decided all the same, never sent again.
    const entry = newOutboxEntry({ id: 'a7d4c0de-0000-4000-8000-000000000002', debtorId: 'D-1', type: 'REDUCE', amountMinor: 100_000, currency: 'EUR', createdAt: TEST_NOW });
    const answer = await sync.submit(entry, { companyId: buyer.companyId, customerCode: '100042' });
    expect(answer).toMatchObject({ decided: true, rejected: expect.objectContaining({ coverId: broken.coverId, problems: [{ field: 'decidedAmount', issue: 'malformed' }] }) });
    expect(answer.cover).toBeUndefined();
    expect(logger.entries.filter((line) => line.level === 'warn').map((line) => line.fields?.['source'])).toEqual(['resync', 'answer']);
  });
});
