import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random/seeded-random';
import { buyerWithoutCover, POLICY, startTestSandbox, TEST_NOW, type TestSandbox } from '../../sandbox/sandbox-test-kit';
import { createInsurerClient, InsurerRefusal, ResyncNeeded } from './insurer-client';

/** The main process's insurer client against the real sandbox, with the sandbox's faults switched on. */
let sandbox: TestSandbox;
let waits: number[];
beforeEach(async () => {
  sandbox = await startTestSandbox();
  waits = [];
});
afterEach(async () => {
  await sandbox.stop();
});

const clientFor = (maxAttempts = 20) => {
  const random = seededRandom(7);
  return createInsurerClient(
    { baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey },
    { now: () => new Date(TEST_NOW), random: () => random.next(), sleep: async (ms) => void waits.push(ms), maxAttempts, retryPolicy: { baseDelayMs: 10, maxDelayMs: 100 } },
  );
};
const coversPath = `/policies/${POLICY}/covers`;

describe('the insurer client', () => {
  it('reads every cover with a fifth of the requests dropped and a burst of 429s, waiting as the server asks', async () => {
    const expected = ((await sandbox.call('GET', `/v1${coversPath}?pageSize=500`, { token: await sandbox.signIn() })).body as { totalItems: number }).totalItems;
    await sandbox.admin('POST', '/faults', { dropRate: 0.2, dropWhen: 'before-handling', throttleNext: 3, throttleRetryAfterSeconds: 2 });
    const client = clientFor();
    let read = 0;
    for (let page = 1; ; page += 1) {
      const answer = await client.call('GET', `${coversPath}?page=${page}&pageSize=25`);
      const body = answer.body as { items: unknown[]; totalPages: number };
      read += body.items.length;
      if (page >= body.totalPages) break;
    }
    expect(read).toBe(expected);
    expect(waits.filter((ms) => ms >= 2_000)).toHaveLength(3);
    expect(waits.length).toBeGreaterThan(3);
  });

  it('sends a limit request whose answer was lost again with the same key: the insurer has it once', async () => {
    const client = clientFor();
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    await client.call('GET', `${coversPath}?pageSize=1`); // signed in, so the next request is the write
    // The server handles the request, then closes the connection without answering.
    await sandbox.admin('POST', '/faults', { dropNext: 1, dropWhen: 'after-handling' });
    const answer = await client.call('POST', `/policies/${POLICY}/cover-requests`, { idempotencyKey: 'outbox-entry-1', body: { companyId: buyer.companyId, requestedAmount: '10000.00', currency: 'EUR' } });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('idempotent-replayed')).toBe('true');
    const listed = await client.call('GET', `/policies/${POLICY}/cover-requests?companyId=${buyer.companyId}`);
    expect((listed.body as { items: unknown[] }).items).toHaveLength(1);
  });

  it('signs in again when the insurer expires its token', async () => {
    const client = clientFor();
    expect((await client.call('GET', `${coversPath}?pageSize=1`)).status).toBe(200);
    await sandbox.admin('POST', '/tokens/expire');
    expect((await client.call('GET', `${coversPath}?pageSize=1`)).status).toBe(200);
  });

  it('does not sleep through maintenance, nor come back early: it says when the insurer asked Kredo to come back', async () => {
    await sandbox.admin('POST', '/faults', { maintenance: [{ start: '2026-03-02T08:00:00Z', end: '2026-03-02T10:00:00Z' }] });
    await expect(clientFor(4).call('GET', coversPath)).rejects.toMatchObject({ code: 'insurer.unavailable', params: { retryAt: '2026-03-02T10:00:00.000Z' } });
    expect(waits).toEqual([]);
  });

  it('honours a Retry-After above 30 seconds: a short one is waited out, a long one is handed back to the outbox, six hours at most', async () => {
    await sandbox.admin('POST', '/faults', { throttleNext: 1, throttleRetryAfterSeconds: 20 });
    expect((await clientFor().call('GET', `${coversPath}?pageSize=1`)).status).toBe(200);
    expect(waits).toEqual([20_000]);

    await sandbox.admin('POST', '/faults', { throttleNext: 1, throttleRetryAfterSeconds: 2 * 3_600 });
    await expect(clientFor().call('GET', `${coversPath}?pageSize=1`)).rejects.toMatchObject({ code: 'insurer.unavailable', params: { retryAt: '2026-03-02T11:00:00.000Z' } });
    await sandbox.admin('POST', '/faults', { throttleNext: 1, throttleRetryAfterSeconds: 3 * 86_400 });
    await expect(clientFor().call('GET', `${coversPath}?pageSize=1`)).rejects.toMatchObject({ code: 'insurer.unavailable', params: { retryAt: '2026-03-02T15:00:00.000Z' } });
    expect(waits).toEqual([20_000]);
  });

  it('tells an expired cursor and a refused request apart', async () => {
    const client = clientFor();
    const cursor = ((await client.call('GET', `/policies/${POLICY}/changes`)).body as { nextCursor: string }).nextCursor;
    await sandbox.admin('POST', '/cursors/expire');
    await expect(client.call('GET', `/policies/${POLICY}/changes?cursor=${encodeURIComponent(cursor)}`)).rejects.toBeInstanceOf(ResyncNeeded);
    const refusal = await client.call('POST', `/policies/${POLICY}/cover-requests`, { idempotencyKey: 'k-2', body: { companyId: buyerWithoutCover(() => true).companyId, requestedAmount: '10500.00', currency: 'EUR' } }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InsurerRefusal);
    expect(refusal).toMatchObject({ status: 422 });
  });
});
