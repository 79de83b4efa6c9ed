import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../shared/random/seeded-random';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import { buyerWithCover, buyerWithoutCover, startTestSandbox, TEST_NOW, type TestSandbox } from '../../../sandbox/sandbox-test-kit';
import { createDialectGateway } from '../dialect-gateway';
import { createInsurerClient, type InsurerClientDeps } from '../insurer-client';
import { createInsurerGateway } from '../insurer-gateway';
import { createAllianzGateway } from './allianz-gateway';
import { allianzAuth, allianzPaths, allianzProblemOf } from './allianz-mapping';

/** The Allianz Trade adapter against the sandbox speaking Allianz: token, jobs, error texts, paging, one cover picture. */
let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.stop();
});

const clientDeps = (sleeps: number[] = []): InsurerClientDeps => {
  const random = seededRandom(13);
  return {
    now: () => new Date(TEST_NOW),
    random: () => random.next(),
    sleep: async (ms) => void sleeps.push(ms),
    maxAttempts: 6,
    retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 },
  };
};
const gateway = (sleeps?: number[]) => {
  const { apiKey, businessUnitCode, policyId } = sandbox.server.allianz;
  return createDialectGateway({ baseUrl: sandbox.server.url, policyId, businessUnitCode }, { dialect: 'allianz', apiKey }, clientDeps(sleeps));
};
let entryNumber = 0;
const entry = (type: LimitOutboxEntry['type'], amountMinor?: number): LimitOutboxEntry => ({
  id: `c1b2c3d4-0000-4000-8000-${String((entryNumber += 1)).padStart(12, '0')}`,
  debtorId: 'D',
  type,
  ...(amountMinor !== undefined && { amountMinor }),
  currency: 'EUR',
  createdAt: TEST_NOW,
  state: 'SUBMITTED_LOCAL',
  attempts: 0,
});

describe('Allianz Trade cover requests: asynchronous jobs', () => {
  it('polls a job until processed, reads the decision at its resourceUrl, and leaves a job still pending to be looked up', async () => {
    const sleeps: number[] = [];
    const port = gateway(sleeps);
    const fresh = { companyId: buyerWithoutCover((grade) => grade <= 4).companyId, customerCode: 'C-1' };
    // Two polls answer "pending", the third "processed": the decision is read through the job's resourceUrl.
    await sandbox.admin('POST', '/faults', { pendingJobPolls: 2 });
    const decided = await port.submit(entry('NEW', 1_000_000), fresh);
    expect(decided).toMatchObject({ decided: true, requestId: expect.stringMatching(/^REQ-/), cover: { companyId: fresh.companyId, decidedAmount: '10000.00', status: 'APPROVED' } });
    expect(sleeps).toEqual([1_000, 2_000]);

    // A job still pending after every poll: the request reached the insurer, its answer is not known yet.
    await sandbox.admin('POST', '/faults', { pendingJobPolls: 5 });
    const covered = buyerWithCover((grade) => grade <= 6);
    await expect(port.submit(entry('INCREASE', 90_000_000), { companyId: covered.companyId, customerCode: 'C-3' })).rejects.toMatchObject({ code: 'insurer.unavailable', params: { jobPending: expect.stringMatching(/^JOB-/) } });
    // The look-up before sending again finds it among the buyer's cover requests, with an underwriter.
    expect(await port.coverRequests(covered.companyId, '2026-03-01T00:00:00.000Z')).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'INCREASE', amountMinor: 90_000_000, status: 'PENDING' })]));
  });

  it('reads Allianz’s texts as Kredo’s codes: not whole thousands, a request already in progress', async () => {
    const port = gateway();
    const fresh = { companyId: buyerWithoutCover((grade) => grade <= 4).companyId, customerCode: 'C-4' };
    await expect(port.submit(entry('NEW', 1_050_000), fresh)).rejects.toMatchObject({ code: 'insurer.refused', problemType: 'amount_not_multiple_of_1000', detail: 'The requested amount must be a multiple of 1000.' });
    const referred = await port.submit(entry('NEW', 90_000_000), fresh);
    expect(referred).toMatchObject({ decided: false, requestId: expect.stringMatching(/^REQ-/) });
    await expect(port.submit(entry('NEW', 80_000_000), fresh)).rejects.toMatchObject({ problemType: 'request_already_pending', status: 409 });
  });

  it('falls back on the status when the text is one Kredo does not know', () => {
    expect(allianzProblemOf({ errors: [{ code: '403', message: 'Something new' }] }, 403)).toEqual({ type: 'policy_not_in_scope', detail: 'Something new' });
    expect(allianzProblemOf({ code: 'X', message: 'Amount must be a multiple of 1000' }, 400)).toEqual({ type: 'amount_not_multiple_of_1000', detail: 'Amount must be a multiple of 1000' });
    expect(allianzProblemOf('not json', 418)).toEqual({});
  });

  it('signs in again when the token has expired, without asking the controller', async () => {
    const port = gateway();
    await port.policyTerms();
    await sandbox.admin('POST', '/tokens/expire');
    expect((await port.fullResync(500)).covers.length).toBeGreaterThan(50);
  });
});

describe('Allianz Trade company matching and addresses', () => {
  it('finds a buyer by its national identifier, and none for one Allianz does not know', async () => {
    const port = gateway();
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    expect(await port.lookupBuyer(buyer.country, buyer.identifiers)).toBe(buyer.companyId);
    expect(await port.lookupBuyer('NL', [{ type: 'NL_KVK', value: '90000008' }])).toBeUndefined();
  });

  it('puts the UAT environment in each route, and follows no resourceUrl to another origin', async () => {
    const policy = (await sandbox.call('GET', '/v1/policies/sandbox-1001', { token: await sandbox.signIn() })).body as unknown;
    const asked: string[] = [];
    const fetchStub: typeof fetch = async (input, init) => {
      const url = String(input);
      asked.push(`${init?.method ?? 'GET'} ${url}`);
      if (url.endsWith('/oauth2/authorize')) return new Response(JSON.stringify({ access_token: 't', token_type: 'Bearer', expires_in: 3600 }), { status: 200 });
      if (url.includes('/policies/')) return new Response(JSON.stringify(policy), { status: 200 });
      if (url.includes('/jobs/')) return new Response(JSON.stringify({ jobStatusCode: 'PROCESSED', resourceUrl: 'https://collector.example/riskinfo/v3/covers/CV-1' }), { status: 200 });
      return new Response(JSON.stringify('JOB-1'), { status: 202 });
    };
    const base = 'https://api-services.uat.allianz.example/uatm';
    const paths = allianzPaths('/uatm');
    const client = createInsurerClient({ baseUrl: 'https://api-services.uat.allianz.example', apiKey: '' }, { ...clientDeps(), fetch: fetchStub }, allianzAuth('key', paths));
    const port = createAllianzGateway(client, { businessUnitCode: 'EHSE', policyId: 'P', extensionId: '' }, paths, { baseUrl: base, sleep: async () => undefined });
    await expect(port.submit(entry('NEW', 1_000_000), { companyId: '1234567', customerCode: 'C' })).rejects.toMatchObject({ code: 'insurer.badAnswer' });
    expect(asked).toEqual([
      'POST https://api-services.uat.allianz.example/uatm/v1/idp/oauth2/authorize',
      'GET https://api-services.uat.allianz.example/uatm/policy/v1/policies/P?businessUnitCode=EHSE&extensionId=',
      'POST https://api-services.uat.allianz.example/uatm/riskinfo/v3/covers',
      'GET https://api-services.uat.allianz.example/uatm/riskinfo/v3/jobs/JOB-1',
    ]);
    expect(paths.matching).toBe('/search/uatm-v2/companies/matching');
  });
});

describe('one insurer, three dialects', () => {
  it('reads the same covers through Allianz Trade’s dialect (206 pages) as through the canonical API: amounts, tranches, conditions, announced changes', async () => {
    const canonical = createInsurerGateway(createInsurerClient({ baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey }, clientDeps()), sandbox.server.allianz.policyId);
    const expected = (await canonical.fullResync()).covers;
    const read = new Map((await gateway().fullResync(17)).covers.map((cover) => [cover.coverId, cover]));
    expect(read.size).toBe(expected.length);
    expect(expected.some((cover) => cover.pendingChange)).toBe(true);
    for (const cover of expected) {
      const allianz = read.get(cover.coverId)!;
      const shape = (from: typeof cover) => ({
        companyId: from.companyId,
        status: from.status,
        decidedAmount: from.decidedAmount,
        tranches: from.tranches.map((tranche) => ({ amount: tranche.amount, expiresAt: tranche.expiresAt ?? null })),
        conditions: from.conditions.map((condition) => condition.description),
        pendingChange: from.pendingChange ? { type: from.pendingChange.type, newAmount: from.pendingChange.newAmount, effectiveFrom: from.pendingChange.effectiveFrom } : null,
      });
      expect(shape(allianz), cover.coverId).toEqual(shape(cover));
    }
  });
});
