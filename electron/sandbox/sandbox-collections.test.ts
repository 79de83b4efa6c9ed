import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectorsRecover } from './collection-cases';
import { buyerWithCover, buyerWithoutCover, invoice, POLICY, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

/**
 * Collection cases against the sandbox (virtual today 2026-03-02; the demo policy: 60 days' maximum
 * extension, then 30 days to hand the debt to the insurer's collectors).
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

const cases = `/v1/policies/${POLICY}/collection-cases`;
const handOver = (body: Record<string, unknown>) => sandbox.write('POST', cases, token, { caseType: 'COLLECTION', ...body });
const advance = async (duration: string) => {
  await sandbox.admin('POST', '/clock', { advance: duration });
  token = await sandbox.signIn();
};
const unpaid = invoice('INV-3001', '2025-12-20', '2026-01-19', '2000.00', '2420.00');

describe('insurer sandbox: collection cases', () => {
  it('opens a case (202), starts collecting a day later and recovers the gross amount from a good buyer a month after', async () => {
    const buyer = buyerWithCover((grade) => grade <= 4);
    const opened = await handOver({ companyId: buyer.companyId, invoices: [unpaid], debtorContact: { name: 'J. de Vries', email: 'jdv@example.nl' } });
    expect(opened.status).toBe(202);
    expect(opened.body).toMatchObject({ status: 'OPEN', caseType: 'COLLECTION', amount: '2420.00', recoveredAmount: null, debtorContact: { name: 'J. de Vries', email: 'jdv@example.nl', phone: null } });
    const url = opened.headers.get('location')!;

    await advance('P1D');
    expect((await sandbox.call('GET', url, { token })).body.status).toBe('IN_PROGRESS');
    await advance('P30D');
    const closed = await sandbox.call('GET', url, { token });
    expect(closed.body).toMatchObject({ status: 'RECOVERED', recoveredAmount: '2420.00', closedAt: '2026-04-02T09:00:00.000Z' });
    const feed = (await sandbox.call('GET', `/v1/policies/${POLICY}/changes?limit=500`, { token })).body.items.filter((item: { resourceId: string }) => item.resourceId === opened.body.caseId);
    expect(feed.map((item: { data: { collectionCase: { status: string } } }) => item.data.collectionCase.status)).toEqual(['RECOVERED']); // IN_PROGRESS is older than the feed's 48 hours
  });

  it('gives up on a buyer in default (grade 9–10): UNSUCCESSFUL, nothing recovered', async () => {
    const buyer = buyerWithoutCover((grade) => grade >= 9);
    const { caseId } = (await handOver({ companyId: buyer.companyId, caseType: 'MONITOR', invoices: [unpaid] })).body;
    await advance('P31D');
    expect((await sandbox.call('GET', `${cases}/${caseId}`, { token })).body).toMatchObject({ status: 'UNSUCCESSFUL', recoveredAmount: '0.00' });
    expect((await sandbox.call('GET', `${cases}?status=UNSUCCESSFUL&companyId=${buyer.companyId}`, { token })).body.totalItems).toBe(1);
  });

  it('refuses a hand-over after the MEP + transfer period of the oldest invoice with collection_deadline_passed', async () => {
    const buyer = buyerWithCover((grade) => grade <= 6);
    // Due 2025-11-01 + 60 + 30 days = 2026-01-30, before today.
    const late = await handOver({ companyId: buyer.companyId, invoices: [unpaid, invoice('INV-2999', '2025-10-02', '2025-11-01', '100.00', '121.00')] });
    expect(late.status).toBe(422);
    expect(late.body.type).toMatch(/collection_deadline_passed$/);
    expect(late.body.detail).toContain('INV-2999');
    expect(late.body.errors[0].source).toEqual({ pointer: '/invoices/1/dueDate' });
    // Due 2025-12-02 + 90 days = 2026-03-02: today is the last day.
    expect((await handOver({ companyId: buyer.companyId, invoices: [invoice('INV-2998', '2025-11-02', '2025-12-02', '100.00', '121.00')] })).status).toBe(202);
  });

  it('checks the overdue notification a case refers to', async () => {
    const buyer = buyerWithCover((grade) => grade <= 6);
    const other = buyerWithCover((grade) => grade <= 6, 1);
    const { overdueId } = (await sandbox.write('POST', `/v1/policies/${POLICY}/overdues`, token, { companyId: other.companyId, category: 'OVD', invoices: [unpaid] })).body;
    expect((await handOver({ companyId: buyer.companyId, invoices: [unpaid], overdueId })).body.type).toMatch(/overdue_of_other_buyer$/);
    expect((await handOver({ companyId: buyer.companyId, invoices: [unpaid], overdueId: 'OVD-999999' })).status).toBe(404);
    expect((await handOver({ companyId: other.companyId, invoices: [unpaid], overdueId })).body).toMatchObject({ status: 'OPEN', overdueId });
    expect((await handOver({ companyId: buyer.companyId, caseType: 'LAWYER', invoices: [unpaid] })).body.errors[0].source).toEqual({ pointer: '/caseType' });
  });

  it('decides middle grades by the seed: the same every time, and not the same for every case', () => {
    const outcomes = Array.from({ length: 40 }, (_, caseNumber) => collectorsRecover(20261124, 6, caseNumber + 1));
    expect(Array.from({ length: 40 }, (_, caseNumber) => collectorsRecover(20261124, 6, caseNumber + 1))).toEqual(outcomes);
    expect(new Set(outcomes)).toEqual(new Set([true, false]));
  });
});
