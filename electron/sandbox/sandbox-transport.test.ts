import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buyerWithoutCover, POLICY, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const requests = `/v1/policies/${POLICY}/cover-requests`;
const covers = `/v1/policies/${POLICY}/covers`;

async function started(options: { keepDefaultRateLimit?: boolean } = {}) {
  sandbox = await startTestSandbox(options);
  return { sandbox, token: await sandbox.signIn() };
}

describe('insurer sandbox: idempotent writes', () => {
  it('replays the first answer for the same key and body, and creates nothing twice', async () => {
    const { sandbox, token } = await started();
    const body = { companyId: buyerWithoutCover((grade) => grade <= 4).companyId, requestedAmount: '20000.00', currency: 'EUR' };
    const first = await sandbox.call('POST', requests, { token, idempotencyKey: 'op-1', body });
    // Same content, keys in another order: still the same request.
    const again = await sandbox.call('POST', requests, { token, idempotencyKey: 'op-1', body: { currency: 'EUR', requestedAmount: '20000.00', companyId: body.companyId } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const listed = await sandbox.call('GET', `${requests}?companyId=${body.companyId}`, { token });
    expect(listed.body.totalItems).toBe(1);
  });

  it('refuses the same key with a different body (422) and a write without a key (400)', async () => {
    const { sandbox, token } = await started();
    const companyId = buyerWithoutCover((grade) => grade <= 4).companyId;
    await sandbox.call('POST', requests, { token, idempotencyKey: 'op-2', body: { companyId, requestedAmount: '20000.00' } });
    const reused = await sandbox.call('POST', requests, { token, idempotencyKey: 'op-2', body: { companyId, requestedAmount: '30000.00' } });
    expect(reused.status).toBe(422);
    expect(reused.body.type).toMatch(/idempotency_key_reused$/);
    const keyless = await sandbox.call('POST', requests, { token, body: { companyId, requestedAmount: '30000.00' } });
    expect(keyless.status).toBe(400);
    expect(keyless.body.errors[0].source).toEqual({ header: 'Idempotency-Key' });
  });

  it('drops the connection after acting; the retry with the same key gets the answer the client missed', async () => {
    const { sandbox, token } = await started();
    const body = { companyId: buyerWithoutCover((grade) => grade <= 4).companyId, requestedAmount: '20000.00' };
    await sandbox.admin('POST', '/faults', { dropNext: 1 });
    await expect(sandbox.call('POST', requests, { token, idempotencyKey: 'op-3', body })).rejects.toThrow();
    const retry = await sandbox.call('POST', requests, { token, idempotencyKey: 'op-3', body });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await sandbox.call('GET', `${requests}?companyId=${body.companyId}`, { token })).body.totalItems).toBe(1);
  });

  it('forgets every key when told the idempotency window has passed: the same key then meets its own request as a conflict (409)', async () => {
    const { sandbox, token } = await started();
    const body = { companyId: buyerWithoutCover((grade) => grade <= 2).companyId, requestedAmount: '900000.00' };
    const first = await sandbox.call('POST', requests, { token, idempotencyKey: 'op-5', body });
    expect(first.status).toBe(202);
    expect((await sandbox.admin('POST', '/idempotency/expire')).body).toMatchObject({ forgotten: expect.any(Number) });
    const late = await sandbox.call('POST', requests, { token, idempotencyKey: 'op-5', body });
    expect(late.status).toBe(409);
    expect(late.body.type).toMatch(/request_already_pending$/);
    // What a client whose answer was lost looks up instead: the request is there, once.
    const listed = await sandbox.call('GET', `${requests}?companyId=${body.companyId}&status=PENDING`, { token });
    expect(listed.body.items.map((item: { requestId: string }) => item.requestId)).toEqual([first.body.requestId]);
  });

  it('drops a share of requests when told to, and none once the faults are cleared', async () => {
    const { sandbox, token } = await started();
    await sandbox.admin('POST', '/faults', { dropRate: 0.5, dropWhen: 'before-handling' });
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => sandbox.call('GET', covers, { token }).then(() => 'answered', () => 'dropped')));
    expect(outcomes.filter((outcome) => outcome === 'dropped').length).toBeGreaterThan(5);
    expect(outcomes.filter((outcome) => outcome === 'answered').length).toBeGreaterThan(5);
    await sandbox.admin('DELETE', '/faults');
    expect((await sandbox.call('GET', covers, { token })).status).toBe(200);
  });
});

describe('insurer sandbox: throttling and maintenance', () => {
  it('answers 429 with Retry-After and RateLimit headers beyond the rate limit', async () => {
    const { sandbox, token } = await started({ keepDefaultRateLimit: true });
    await sandbox.admin('POST', '/settings', { rateLimitBurst: 2, rateLimitPerSecond: 0.1 });
    expect((await sandbox.call('GET', covers, { token })).headers.get('ratelimit-remaining')).toBe('1');
    expect((await sandbox.call('GET', covers, { token })).status).toBe(200);
    const limited = await sandbox.call('GET', covers, { token });
    expect(limited.status).toBe(429);
    expect(limited.body.type).toMatch(/rate_limited$/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(9);
  });

  it('throttles the next requests in a burst when the admin injects one', async () => {
    const { sandbox, token } = await started();
    await sandbox.admin('POST', '/faults', { throttleNext: 2, throttleRetryAfterSeconds: 7 });
    const statuses = [];
    for (let call = 0; call < 3; call += 1) {
      const answer = await sandbox.call('GET', covers, { token });
      statuses.push([answer.status, answer.headers.get('retry-after')]);
    }
    expect(statuses).toEqual([[429, '7'], [429, '7'], [200, null]]);
  });

  it('throttles with a Retry-After of hours when told to, and refuses one beyond a week or not in whole seconds', async () => {
    const { sandbox, token } = await started();
    await sandbox.admin('POST', '/faults', { throttleNext: 1, throttleRetryAfterSeconds: 7_200 });
    expect((await sandbox.call('GET', covers, { token })).headers.get('retry-after')).toBe('7200');
    for (const wrong of [604_801, 2.5, -1]) {
      const refused = await sandbox.admin('POST', '/faults', { throttleRetryAfterSeconds: wrong });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].source).toEqual({ pointer: '/throttleRetryAfterSeconds' });
    }
  });

  it('answers 503 with Retry-After during a maintenance window in virtual time', async () => {
    const { sandbox, token } = await started();
    await sandbox.admin('POST', '/faults', { maintenance: [{ start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:30:00Z' }] });
    expect((await sandbox.call('GET', covers, { token })).status).toBe(200);
    await sandbox.admin('POST', '/clock', { advance: 'PT1H10M' });
    const down = await sandbox.call('GET', covers, { token });
    expect(down.status).toBe(503);
    expect(down.body.type).toMatch(/maintenance$/);
    expect(down.headers.get('retry-after')).toBe('1200');
    // Admin routes stay reachable so a test can end the window.
    await sandbox.admin('POST', '/clock', { advance: 'PT20M' });
    expect((await sandbox.call('GET', covers, { token: await sandbox.signIn() })).status).toBe(200);
  });
});

describe('insurer sandbox: persistence', () => {
  it('keeps covers, requests, tokens, virtual time and idempotency keys across a restart', async () => {
    const { sandbox, token } = await started();
    const body = { companyId: buyerWithoutCover((grade) => grade <= 4).companyId, requestedAmount: '20000.00' };
    const created = await sandbox.call('POST', requests, { token, idempotencyKey: 'op-4', body });
    await sandbox.admin('POST', '/clock', { advance: 'PT30M' });
    await sandbox.restart();

    expect((await sandbox.admin('GET', '/clock')).body.now).toBe('2026-03-02T09:30:00.000Z');
    const cover = await sandbox.call('GET', `${covers}/${created.body.cover.coverId}`, { token });
    expect(cover.status).toBe(200);
    expect(cover.body).toEqual(created.body.cover);
    const replay = await sandbox.call('POST', requests, { token, idempotencyKey: 'op-4', body });
    expect(replay.body).toEqual(created.body);
  });

  it('moves a damaged state file aside and starts from the demo seed', async () => {
    const { sandbox } = await started();
    await sandbox.server.close();
    await writeFile(sandbox.stateFile, '{"format": 1, "companies": [', 'utf8');
    await sandbox.restart();
    const token = await sandbox.signIn();
    expect((await sandbox.call('GET', covers, { token })).body.totalItems).toBeGreaterThan(50);
    expect((await readdir(path.dirname(sandbox.stateFile))).some((name) => name.startsWith('state.json.corrupt-'))).toBe(true);
  });

  it('starts afresh from the demo seed on reset, expiring old cursors', async () => {
    const { sandbox, token } = await started();
    const { nextCursor } = (await sandbox.call('GET', `/v1/policies/${POLICY}/changes`, { token })).body;
    const companyId = buyerWithoutCover((grade) => grade <= 4).companyId;
    await sandbox.write('POST', requests, token, { companyId, requestedAmount: '20000.00' });
    expect((await sandbox.admin('POST', '/reset')).status).toBe(204);
    const fresh = await sandbox.signIn();
    expect((await sandbox.call('GET', `${covers}?companyId=${companyId}`, { token: fresh })).body.items.filter((item: { status: string }) => item.status === 'APPROVED')).toEqual([]);
    expect((await sandbox.call('GET', `/v1/policies/${POLICY}/changes?cursor=${nextCursor}`, { token: fresh })).status).toBe(410);
  });
});
