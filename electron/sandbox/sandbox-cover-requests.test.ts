import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insurerCoverSchema } from '../../shared/sync/insurer-cover';
import { buyerWithoutCover, POLICY, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox;
let token: string;
beforeEach(async () => {
  sandbox = await startTestSandbox();
  token = await sandbox.signIn();
});
afterEach(async () => {
  await sandbox.stop();
});

const requests = `/v1/policies/${POLICY}/cover-requests`;
const ask = (body: Record<string, unknown>) => sandbox.write('POST', requests, token, { currency: 'EUR', ...body });

describe('insurer sandbox: cover requests', () => {
  it('approves a modest request for a good buyer at once (201) with a cover the app can read', async () => {
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    const answer = await ask({ companyId: buyer.companyId, type: 'NEW', requestedAmount: '50000.00', customerReference: 'DEB-1' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toBe(`${requests}/${answer.body.request.requestId}`);
    expect(answer.body.request).toMatchObject({ status: 'DECIDED', outcome: 'APPROVED' });
    const cover = insurerCoverSchema.parse(answer.body.cover);
    expect(cover).toMatchObject({ status: 'APPROVED', decidedAmount: '50000.00', companyId: buyer.companyId, customerReference: 'DEB-1' });
    expect(cover.tranches).toEqual([{ amount: '50000.00', effectiveFrom: '2026-03-02', expiresAt: null, kind: 'permanent' }]);
  });

  it('approves half for a grade 7–8 buyer and refuses a grade 9–10 buyer, giving reasons', async () => {
    const weak = buyerWithoutCover((grade) => grade === 7 || grade === 8);
    const partial = await ask({ companyId: weak.companyId, requestedAmount: '30000' });
    expect(partial.status).toBe(201);
    expect(partial.body.cover).toMatchObject({ status: 'PARTIALLY_APPROVED', decidedAmount: '15000.00', reasons: [expect.objectContaining({ code: 'GRADE_PARTIAL' })] });

    const failing = buyerWithoutCover((grade) => grade >= 9);
    const refused = await ask({ companyId: failing.companyId, requestedAmount: '10000' });
    expect(refused.status).toBe(201);
    expect(refused.body.cover).toMatchObject({ status: 'REFUSED', decidedAmount: '0.00', tranches: [], reasons: [expect.objectContaining({ code: 'GRADE' })] });
  });

  it('refers a large request to an underwriter (202), blocks a second one (409), and decides it as the clock advances', async () => {
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    const referred = await ask({ companyId: buyer.companyId, requestedAmount: '800000.00' });
    expect(referred.status).toBe(202);
    expect(referred.body).toMatchObject({ status: 'PENDING', resourceUrl: null });
    const { jobId, requestId } = referred.body;

    const second = await ask({ companyId: buyer.companyId, requestedAmount: '10000.00' });
    expect(second.status).toBe(409);
    expect(second.body.type).toMatch(/request_already_pending$/);

    expect((await sandbox.call('GET', `/v1/jobs/${jobId}`, { token })).body).toMatchObject({ status: 'PENDING', resourceUrl: null });
    await sandbox.admin('POST', '/clock', { advance: 'PT3H' });
    token = await sandbox.signIn(); // the first token lapsed after an hour
    expect((await sandbox.call('GET', `${requests}/${requestId}`, { token })).body.status).toBe('PENDING');

    await sandbox.admin('POST', '/clock', { advance: 'PT1H' });
    token = await sandbox.signIn();
    const job = await sandbox.call('GET', `/v1/jobs/${jobId}`, { token });
    expect(job.body.status).toBe('PROCESSED');
    const cover = await sandbox.call('GET', job.body.resourceUrl, { token });
    expect(cover.status).toBe(200);
    // Above twice the automatic appetite: partly permanent, partly a temporary tranche.
    expect(cover.body).toMatchObject({ status: 'PARTIALLY_APPROVED', requestedAmount: '800000.00', decidedAt: '2026-03-02T13:00:00.000Z' });
    expect(cover.body.tranches.map((tranche: { kind: string }) => tranche.kind)).toEqual(['permanent', 'temporary']);
    expect(cover.body.tranches[1].expiresAt).toBe('2026-05-31');
  });

  it('refers a request with a comment or terms beyond the policy, whatever the amount', async () => {
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    expect((await ask({ companyId: buyer.companyId, requestedAmount: '5000', comment: 'New distributor' })).status).toBe(202);
    const other = buyerWithoutCover((grade) => grade <= 4, 1);
    expect((await ask({ companyId: other.companyId, requestedAmount: '5000', creditTermsDays: 180 })).status).toBe(202);
  });

  it.each([
    ['0.00', 'amount_not_positive'],
    ['12500.00', 'amount_not_multiple_of_1000'],
    ['6000000.00', 'amount_above_policy_maximum'],
    ['1000.005', 'invalid_amount'],
  ])('refuses %s with 422 %s, pointing at the amount', async (requestedAmount, code) => {
    const answer = await ask({ companyId: buyerWithoutCover((grade) => grade <= 6).companyId, requestedAmount });
    expect(answer.status).toBe(422);
    expect(answer.body.type).toMatch(new RegExp(`${code}$`));
    expect(answer.body.errors[0].source).toEqual({ pointer: '/requestedAmount' });
  });

  it('refuses a currency the policy does not cover (422) and a malformed body (400)', async () => {
    const buyer = buyerWithoutCover((grade) => grade <= 6);
    expect((await ask({ companyId: buyer.companyId, requestedAmount: '5000', currency: 'SEK' })).body.type).toMatch(/currency_not_allowed$/);
    const malformed = await ask({ requestedAmount: 5000 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error: { source: { pointer: string } }) => error.source.pointer)).toEqual(['/companyId', '/requestedAmount']);
    expect((await ask({ companyId: 'KSB-0', requestedAmount: '5000' })).status).toBe(404);
  });

  it('increases, reduces and cancels a cover, each a new version', async () => {
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    const created = await ask({ companyId: buyer.companyId, requestedAmount: '20000' });
    expect((await ask({ companyId: buyer.companyId, type: 'NEW', requestedAmount: '30000' })).body.type).toMatch(/cover_already_exists$/);
    expect((await ask({ companyId: buyer.companyId, type: 'INCREASE', requestedAmount: '10000' })).body.type).toMatch(/amount_not_an_increase$/);

    const increased = await ask({ companyId: buyer.companyId, type: 'INCREASE', requestedAmount: '40000' });
    expect(increased.body.cover).toMatchObject({ coverId: created.body.cover.coverId, decidedAmount: '40000.00', version: 2 });
    const reduced = await ask({ companyId: buyer.companyId, type: 'REDUCE', requestedAmount: '25000' });
    expect(reduced.body.cover).toMatchObject({ decidedAmount: '25000.00', version: 3 });
    const cancelled = await ask({ companyId: buyer.companyId, type: 'CANCEL' });
    expect(cancelled.status).toBe(201);
    expect(cancelled.body.cover).toMatchObject({ status: 'CANCELLED', decidedAmount: '0.00', version: 4 });
    expect((await ask({ companyId: buyer.companyId, type: 'REDUCE', requestedAmount: '1000' })).body.type).toMatch(/no_cover_in_force$/);
  });

  it('lets the insured withdraw a pending request (204), after which a new one may be sent', async () => {
    const buyer = buyerWithoutCover((grade) => grade <= 4);
    const referred = await ask({ companyId: buyer.companyId, requestedAmount: '900000' });
    expect((await sandbox.write('DELETE', `${requests}/${referred.body.requestId}`, token)).status).toBe(204);
    expect((await sandbox.call('GET', `/v1/jobs/${referred.body.jobId}`, { token })).body.status).toBe('FAILED');
    expect((await sandbox.write('DELETE', `${requests}/${referred.body.requestId}`, token)).status).toBe(409);
    expect((await ask({ companyId: buyer.companyId, requestedAmount: '10000' })).status).toBe(201);
  });

  it('lists covers in pages with totals in the headers', async () => {
    const page = await sandbox.call('GET', `/v1/policies/${POLICY}/covers?page=2&pageSize=10`, { token });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(10);
    expect(Number(page.headers.get('total-items'))).toBe(page.body.totalItems);
    expect(page.headers.get('total-pages')).toBe(String(Math.ceil(page.body.totalItems / 10)));
    for (const cover of page.body.items) insurerCoverSchema.parse(cover);
    expect((await sandbox.call('GET', `/v1/policies/${POLICY}/covers?pageSize=0`, { token })).status).toBe(400);
    expect((await sandbox.call('GET', '/v1/policies/other-1/covers', { token })).status).toBe(404);
  });
});
