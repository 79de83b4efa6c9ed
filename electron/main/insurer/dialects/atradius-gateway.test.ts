import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../shared/random/seeded-random';
import type { LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import { buyerWithCover, buyerWithoutCover, startTestSandbox, TEST_NOW, type TestSandbox } from '../../../sandbox/sandbox-test-kit';
import { createInsurerClient, type InsurerClientDeps } from '../insurer-client';
import { createInsurerGateway } from '../insurer-gateway';
import { createAtradiusGateway } from './atradius-gateway';
import { atradiusAuth, atradiusProblemOf } from './atradius-mapping';

/** The Atradius adapter against the sandbox speaking Atradius: error texts as Kredo's codes, and paging. */
let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.stop();
});

const clientDeps = (): InsurerClientDeps => {
  const random = seededRandom(11);
  return { now: () => new Date(TEST_NOW), random: () => random.next(), sleep: async () => undefined, maxAttempts: 6, retryPolicy: { baseDelayMs: 1, maxDelayMs: 5 } };
};
const gateway = (pageSize?: number) => {
  const { appKey, clientId, clientSecret, customerId, policyId } = sandbox.server.atradius;
  const client = createInsurerClient({ baseUrl: sandbox.server.url, apiKey: '' }, clientDeps(), atradiusAuth({ appKey, clientId, clientSecret }));
  return createAtradiusGateway(client, { customerId, policyId }, { baseUrl: sandbox.server.url, ...(pageSize !== undefined && { pageSize }) });
};
let entryNumber = 0;
const entry = (type: LimitOutboxEntry['type'], amountMinor?: number): LimitOutboxEntry => ({
  id: `b1b2c3d4-0000-4000-8000-${String((entryNumber += 1)).padStart(12, '0')}`,
  debtorId: 'D',
  type,
  ...(amountMinor !== undefined && { amountMinor }),
  currency: 'EUR',
  createdAt: TEST_NOW,
  state: 'SUBMITTED_LOCAL',
  attempts: 0,
});

describe('Atradius errors as Kredo’s problem codes', () => {
  it('reads Atradius’s own texts: cover already there, not whole thousands, an action refused in the body, an application already referred', async () => {
    const port = gateway();
    const covered = buyerWithCover((grade) => grade <= 6);
    const buyer = { companyId: covered.companyId, customerCode: 'C-1' };
    await expect(port.submit(entry('NEW', 1_000_000), buyer)).rejects.toMatchObject({ code: 'insurer.refused', problemType: 'cover_already_exists', detail: 'Credit limit/credit check already exists for this buyer.' });
    const fresh = { companyId: buyerWithoutCover((grade) => grade <= 4).companyId, customerCode: 'C-2' };
    await expect(port.submit(entry('NEW', 1_050_000), fresh)).rejects.toMatchObject({ problemType: 'amount_not_multiple_of_1000', status: 422 });
    // Seen at Atradius: a refused change answers in the body, not with an error status.
    await expect(port.submit(entry('REDUCE', 999_000_000), buyer)).rejects.toMatchObject({ problemType: 'action_refused' });

    // Far above the automatic appetite: referred (202); a second application meets "already being assessed".
    const referred = await port.submit(entry('NEW', 90_000_000), fresh);
    expect(referred).toMatchObject({ decided: false, requestId: expect.stringMatching(/^REQ-/) });
    await expect(port.submit(entry('NEW', 80_000_000), fresh)).rejects.toMatchObject({ problemType: 'request_already_pending', status: 409 });
    // The lost-answer look-up finds the referred application among the buyer's covers.
    expect(await port.coverRequests(fresh.companyId, '2026-03-01T00:00:00.000Z')).toEqual([expect.objectContaining({ requestId: referred.requestId, type: 'NEW', amountMinor: 90_000_000, status: 'PENDING' })]);
  });

  it('finds a buyer by its national identifier, and no buyer for one Atradius does not know', async () => {
    const port = gateway();
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    expect(await port.lookupBuyer(buyer.country, buyer.identifiers)).toBe(buyer.companyId);
    expect(await port.lookupBuyer('NL', [{ type: 'NL_KVK', value: '90000008' }])).toBeUndefined();
  });

  it('falls back on the status when the text is one Kredo does not know', () => {
    expect(atradiusProblemOf({ errors: [{ detail: 'Something new', source: { parameter: 'x' } }] }, 403)).toEqual({ type: 'policy_not_in_scope', detail: 'Something new' });
    expect(atradiusProblemOf({ errors: [{ detail: 'No buyer match found' }] }, 400)).toEqual({ type: 'no_buyer_match', detail: 'No buyer match found' });
    expect(atradiusProblemOf('not json', 418)).toEqual({});
  });
});

describe('Atradius paging', () => {
  it('reads every cover across pages answered 206 Partial Content, following links.next', async () => {
    const all = await gateway().fullResync();
    await sandbox.admin('POST', '/faults', { partialContentPages: true });
    const paged = await gateway(17).fullResync();
    expect(all.covers.length).toBeGreaterThan(50);
    expect(paged.covers.map((cover) => cover.coverId)).toEqual(all.covers.map((cover) => cover.coverId));
  });

  it('refuses a next link to another origin, sending the token and app key nowhere else', async () => {
    const policy = (await sandbox.call('GET', '/v1/policies/sandbox-1001', { token: await sandbox.signIn() })).body as unknown;
    const asked: string[] = [];
    const fetchStub: typeof fetch = async (input) => {
      const url = String(input);
      asked.push(url);
      if (url.includes('/authenticate/')) return new Response(JSON.stringify({ data: { access_token: 't', expires_in: 3600 } }), { status: 200 });
      if (url.includes('/policies/')) return new Response(JSON.stringify({ data: policy }), { status: 200 });
      return new Response(JSON.stringify({ data: [], links: { next: 'https://collector.example/credit-insurance/cover-management/v1/covers?page=2' } }), { status: 206 });
    };
    const client = createInsurerClient({ baseUrl: 'https://api-uat.atradius.example', apiKey: '' }, { ...clientDeps(), fetch: fetchStub }, atradiusAuth({ appKey: 'a', clientId: 'b', clientSecret: 'c' }));
    const port = createAtradiusGateway(client, { customerId: '1', policyId: 'P' }, { baseUrl: 'https://api-uat.atradius.example' });
    await expect(port.coverRequests('B', TEST_NOW)).rejects.toMatchObject({ code: 'insurer.badAnswer' });
    expect(asked.every((url) => url.startsWith('https://api-uat.atradius.example/'))).toBe(true);
  });
});

describe('one insurer, two dialects', () => {
  it('reads the same covers through Atradius’s dialect as through the canonical API: amounts, tranches, conditions, announced changes', async () => {
    const canonical = createInsurerGateway(createInsurerClient({ baseUrl: `${sandbox.server.url}/v1`, apiKey: sandbox.server.apiKey }, clientDeps()), sandbox.server.atradius.policyId);
    const expected = (await canonical.fullResync()).covers;
    const read = new Map((await gateway().fullResync()).covers.map((cover) => [cover.coverId, cover]));
    expect(read.size).toBe(expected.length);
    expect(expected.some((cover) => cover.pendingChange)).toBe(true);
    for (const cover of expected) {
      const atradius = read.get(cover.coverId)!;
      const shape = (from: typeof cover) => ({
        companyId: from.companyId,
        decidedAmount: from.decidedAmount,
        covers: ['APPROVED', 'PARTIALLY_APPROVED', 'REDUCED'].includes(from.status),
        tranches: from.tranches.map((tranche) => ({ amount: tranche.amount, expiresAt: tranche.expiresAt ?? null })),
        conditions: from.conditions.map((condition) => condition.description),
        pendingChange: from.pendingChange ? { type: from.pendingChange.type, newAmount: from.pendingChange.newAmount, effectiveFrom: from.pendingChange.effectiveFrom } : null,
      });
      expect(shape(atradius), cover.coverId).toEqual(shape(cover));
    }
  });
});
