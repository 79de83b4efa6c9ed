import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyerWithoutCover, invoice, POLICY, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

/**
 * Claims and settlements against the sandbox. Virtual today 2026-03-02; the demo policy insures 90 %,
 * with a €500.00 deductible, 180 days to file from the invoice date and a 150-day waiting period from
 * the overdue notification. The sandbox's settings: assessment starts after 24 h, takes 14 days, and the
 * indemnity is paid 30 days after approval.
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

const base = `/v1/policies/${POLICY}`;
const claim = (body: Record<string, unknown>) => sandbox.write('POST', `${base}/claims`, token, body);
const moveClock = async (body: { advance: string } | { set: string }) => {
  await sandbox.admin('POST', '/clock', body);
  token = await sandbox.signIn();
};
const statusOf = async (claimId: string) => (await sandbox.call('GET', `${base}/claims/${claimId}`, { token })).body;
/** A good buyer with a fresh cover of the given amount, decided at once. */
const coveredBuyer = async (amount: string, skip = 0) => {
  const buyer = buyerWithoutCover((grade) => grade <= 4, skip);
  const asked = await sandbox.write('POST', `${base}/cover-requests`, token, { companyId: buyer.companyId, requestedAmount: amount, currency: 'EUR' });
  expect(asked.body.cover.decidedAmount).toBe(Number(amount).toFixed(2));
  return buyer;
};
const first = invoice('INV-2001', '2026-01-10', '2026-02-09', '12345.65', '14938.24');
const second = invoice('INV-2002', '2026-01-20', '2026-02-19', '3000.00', '3630.00');

describe('insurer sandbox: claims and settlements', () => {
  it('pays a protracted default after the waiting period: 90 % of (net − deductible), half up to the cent, and says so on the feed', async () => {
    const buyer = await coveredBuyer('20000');
    const overdue = await sandbox.write('POST', `${base}/overdues`, token, { companyId: buyer.companyId, category: 'OVD', invoices: [first, second] });
    const filed = await claim({ companyId: buyer.companyId, overdueId: overdue.body.overdueId, cause: 'PROTRACTED_DEFAULT', invoices: [first, second] });
    expect(filed.status).toBe(202);
    expect(filed.body).toMatchObject({ status: 'SUBMITTED', claimedAmount: '15345.65', coverAtClaim: '20000.00', approvedAmount: null, settlementId: null });

    await moveClock({ advance: 'P1D' });
    expect((await statusOf(filed.body.claimId)).status).toBe('ASSESSING');
    await moveClock({ advance: 'P14D' });
    // Notified 2026-03-02 + 150 days = 2026-07-30.
    expect(await statusOf(filed.body.claimId)).toMatchObject({ status: 'WAITING_PERIOD', waitingPeriodEndsOn: '2026-07-30' });

    await moveClock({ set: '2026-07-30T00:00:00Z' });
    // Net 12,345.65 + 3,000.00 = 15,345.65 (under the 20,000.00 cover); − 500.00 deductible = 14,845.65;
    // × 90 % = 13,361.085 → 13,361.09 rounded half up (banker's rounding, or (14845.65 * 0.9).toFixed(2) in floating point, gives 13,361.08).
    expect(await statusOf(filed.body.claimId)).toMatchObject({ status: 'APPROVED', approvedAmount: '13361.09', decidedAt: '2026-07-30T00:00:00.000Z' });

    await moveClock({ set: '2026-08-29T06:00:00Z' });
    const paid = await statusOf(filed.body.claimId);
    expect(paid).toMatchObject({ status: 'PAID', settlementId: expect.stringMatching(/^SET-/) });
    const settlement = { settlementId: paid.settlementId, claimId: filed.body.claimId, companyId: buyer.companyId, grossLoss: '15345.65', insuredPercentage: '90.00', insuredPercentageBp: 9000, deductibleApplied: '500.00', paidAmount: '13361.09', currency: 'EUR', paidAt: '2026-08-29T00:00:00.000Z' };
    expect((await sandbox.call('GET', `${base}/settlements`, { token })).body.items).toEqual([settlement]);
    const feed = (await sandbox.call('GET', `${base}/changes?limit=500`, { token })).body.items.filter((item: { companyId: string }) => item.companyId === buyer.companyId);
    expect(feed.map((item: { type: string }) => item.type)).toEqual(['CLAIM_STATUS_CHANGED', 'SETTLEMENT_PAID']);
    expect(feed[0].data).toMatchObject({ previousStatus: 'APPROVED', claim: { status: 'PAID' } });
    expect(feed[1]).toMatchObject({ resourceType: 'settlement', resourceId: paid.settlementId, companyId: buyer.companyId, data: { settlement } });
  });

  it('pays an insolvency without a waiting period, capped at the cover in force when the claim was filed', async () => {
    const buyer = await coveredBuyer('10000', 1);
    // Not even due yet: an insolvency can be claimed at once.
    const bankrupt = invoice('INV-4001', '2026-02-01', '2026-03-03', '25000.00', '30250.00');
    const { claimId } = (await claim({ companyId: buyer.companyId, cause: 'INSOLVENCY', invoices: [bankrupt] })).body;
    await moveClock({ advance: 'P15D' });
    // Capped at 10,000.00; (10,000.00 − 500.00) × 90 % = 8,550.00.
    expect(await statusOf(claimId)).toMatchObject({ status: 'APPROVED', waitingPeriodEndsOn: null, approvedAmount: '8550.00' });
    await moveClock({ advance: 'P30D' });
    const settlements = (await sandbox.call('GET', `${base}/settlements?claimId=${claimId}`, { token })).body.items;
    expect(settlements).toEqual([expect.objectContaining({ grossLoss: '10000.00', deductibleApplied: '500.00', paidAmount: '8550.00' })]);
  });

  it('rejects a claim on a buyer without cover (no_cover) and never pays it', async () => {
    const buyer = buyerWithoutCover((grade) => grade <= 6, 2);
    const { claimId } = (await claim({ companyId: buyer.companyId, cause: 'INSOLVENCY', invoices: [first] })).body;
    await moveClock({ advance: 'P15D' });
    expect(await statusOf(claimId)).toMatchObject({ status: 'REJECTED', coverAtClaim: '0.00', statusReason: { code: 'no_cover' } });
    await moveClock({ advance: 'P60D' });
    expect((await statusOf(claimId)).status).toBe('REJECTED');
    expect((await sandbox.call('GET', `${base}/settlements`, { token })).body.totalItems).toBe(0);
  });

  it('refuses a claim filed too late, a protracted default never notified, and an invoice claimed twice', async () => {
    const buyer = await coveredBuyer('20000');
    // Issued 2025-08-01 + 180 days = 2026-01-28, before today.
    const late = await claim({ companyId: buyer.companyId, cause: 'INSOLVENCY', invoices: [first, invoice('INV-0801', '2025-08-01', '2025-08-31', '100.00', '121.00')] });
    expect(late.status).toBe(422);
    expect(late.body.type).toMatch(/claim_deadline_passed$/);
    expect(late.body.detail).toContain('INV-0801');
    expect(late.body.errors[0].source).toEqual({ pointer: '/invoices/1/issueDate' });

    const unnotified = await claim({ companyId: buyer.companyId, cause: 'PROTRACTED_DEFAULT', invoices: [first] });
    expect(unnotified.status).toBe(422);
    expect(unnotified.body.type).toMatch(/overdue_not_notified$/);

    expect((await claim({ companyId: buyer.companyId, cause: 'INSOLVENCY', invoices: [first] })).status).toBe(202);
    const twice = await claim({ companyId: buyer.companyId, cause: 'INSOLVENCY', invoices: [second, first] });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('INV-2001');
    expect((await claim({ companyId: buyer.companyId, cause: 'FRAUD', invoices: [second] })).body.errors[0].source).toEqual({ pointer: '/cause' });
  });

  it('files a claim once however often the same Idempotency-Key is sent, and keeps it across a restart', async () => {
    const buyer = await coveredBuyer('20000');
    const body = { companyId: buyer.companyId, cause: 'INSOLVENCY', invoices: [first] };
    const once = await sandbox.call('POST', `${base}/claims`, { token, idempotencyKey: 'claim-key-1', body });
    const again = await sandbox.call('POST', `${base}/claims`, { token, idempotencyKey: 'claim-key-1', body });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.claimId).toBe(once.body.claimId);
    expect((await sandbox.call('GET', `${base}/claims?companyId=${buyer.companyId}`, { token })).body.totalItems).toBe(1);
    expect((await sandbox.call('POST', `${base}/claims`, { token, body })).status).toBe(400); // no key, no claim

    await sandbox.restart();
    token = await sandbox.signIn();
    expect(await statusOf(once.body.claimId)).toMatchObject({ status: 'SUBMITTED', claimedAmount: '12345.65' });
    await moveClock({ advance: 'P1D' });
    expect((await statusOf(once.body.claimId)).status).toBe('ASSESSING');
  });
});
