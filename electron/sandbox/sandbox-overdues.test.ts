import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyerWithCover, invoice, POLICY, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

/**
 * Overdue notifications against the sandbox (virtual today 2026-03-02; the demo policy gives 60 days to
 * notify after the due date and 60 days' maximum extension).
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

const overdues = `/v1/policies/${POLICY}/overdues`;
const notify = (body: Record<string, unknown>) => sandbox.write('POST', overdues, token, body);
const advance = async (duration: string) => {
  await sandbox.admin('POST', '/clock', { advance: duration });
  token = await sandbox.signIn();
};
const coverOf = async (companyId: string) => (await sandbox.call('GET', `/v1/policies/${POLICY}/covers?companyId=${companyId}`, { token })).body.items[0];
/** The change feed's event types about one buyer (the demo's own referrals are decided meanwhile). */
const feedTypes = async (companyId: string) => (await sandbox.call('GET', `/v1/policies/${POLICY}/changes?limit=500`, { token })).body.items.filter((item: { companyId: string }) => item.companyId === companyId).map((item: { type: string }) => item.type);
const unpaid = invoice('INV-1001', '2026-01-10', '2026-02-09', '1000.00', '1210.00');

describe('insurer sandbox: overdue notifications', () => {
  it('receives a notification (202) and a day later confirms the limit of a good buyer, leaving the cover alone', async () => {
    const buyer = buyerWithCover((grade) => grade <= 6);
    const before = await coverOf(buyer.companyId);
    const answer = await notify({ companyId: buyer.companyId, category: 'OVD', invoices: [unpaid], customerReference: 'DEB-7' });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ status: 'RECEIVED', outcome: null, amountOverdue: '1210.00', originalDueDate: '2026-02-09', expectedResponseBy: '2026-03-03T09:00:00.000Z' });
    expect(answer.headers.get('location')).toBe(`${overdues}/${answer.body.overdueId}`);

    await advance('PT23H');
    expect((await sandbox.call('GET', `${overdues}/${answer.body.overdueId}`, { token })).body.status).toBe('RECEIVED');
    await advance('PT1H');
    const answered = await sandbox.call('GET', `${overdues}/${answer.body.overdueId}`, { token });
    expect(answered.body).toMatchObject({ status: 'ACKNOWLEDGED', outcome: 'LIMIT_CONFIRMED', respondedAt: '2026-03-03T09:00:00.000Z' });
    expect(await coverOf(buyer.companyId)).toEqual(before);
    expect(await feedTypes(buyer.companyId)).toEqual(['OVERDUE_ACKNOWLEDGED']);
  });

  it('refuses a late notification with notification_deadline_passed, naming the invoice, and stores nothing', async () => {
    const buyer = buyerWithCover((grade) => grade <= 6);
    // Due 2025-12-15 + 60 days = 2026-02-13, before today (2026-03-02).
    const late = await notify({ companyId: buyer.companyId, category: 'OVD', invoices: [unpaid, invoice('INV-0815', '2025-11-15', '2025-12-15', '500.00', '605.00')] });
    expect(late.status).toBe(422);
    expect(late.body.type).toMatch(/notification_deadline_passed$/);
    expect(late.body.detail).toContain('INV-0815');
    expect(late.body.detail).toContain('2026-02-13');
    expect(late.body.errors[0].source).toEqual({ pointer: '/invoices/1/dueDate' });
    expect((await sandbox.call('GET', `${overdues}?companyId=${buyer.companyId}`, { token })).body.totalItems).toBe(0);
    // Due 2026-01-01 + 60 = 2026-03-02: today is the last day, still in time.
    expect((await notify({ companyId: buyer.companyId, category: 'OVD', invoices: [invoice('INV-0901', '2025-12-01', '2026-01-01', '500.00', '605.00')] })).status).toBe(202);
  });

  it('extends a due date within the maximum extension period and refuses one beyond it', async () => {
    const buyer = buyerWithCover((grade) => grade <= 6);
    const notDue = invoice('INV-1002', '2026-02-08', '2026-03-10', '800.00', '968.00');
    // 2026-03-10 + 60 days = 2026-05-09.
    const beyond = await notify({ companyId: buyer.companyId, category: 'EXP', invoices: [notDue], newDueDate: '2026-05-20' });
    expect(beyond.status).toBe(422);
    expect(beyond.body.type).toMatch(/extension_beyond_mep$/);
    expect(beyond.body.detail).toContain('2026-05-09');
    const within = await notify({ companyId: buyer.companyId, category: 'EXP', invoices: [notDue], newDueDate: '2026-05-09' });
    expect(within.status).toBe(202);
    expect(within.body).toMatchObject({ category: 'EXP', newDueDate: '2026-05-09' });
    // An OVD is about invoices already past due.
    expect((await notify({ companyId: buyer.companyId, category: 'OVD', invoices: [notDue] })).body.type).toMatch(/invoice_not_overdue$/);
  });

  it('takes a repayment plan only when it adds up to the gross amount owed', async () => {
    const buyer = buyerWithCover((grade) => grade <= 6);
    const short = await notify({ companyId: buyer.companyId, category: 'RES', invoices: [unpaid], plan: [{ dueDate: '2026-04-01', amount: '605.00' }, { dueDate: '2026-05-01', amount: '600.00' }] });
    expect(short.status).toBe(422);
    expect(short.body.type).toMatch(/plan_total_mismatch$/);
    const plan = [{ dueDate: '2026-04-01', amount: '605.00' }, { dueDate: '2026-05-01', amount: '605.00' }];
    const accepted = await notify({ companyId: buyer.companyId, category: 'RES', invoices: [unpaid], plan });
    expect(accepted.status).toBe(202);
    expect(accepted.body.plan).toEqual(plan);
  });

  it('answers 400 naming each malformed field, and 404 for a buyer the insurer does not know', async () => {
    const malformed = await notify({ category: 'LATE', invoices: [{ number: '', issueDate: '2026-13-01', dueDate: '2026-02-09', netAmount: 12, grossAmount: '12.00', currency: 'EURO' }] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error: { source: { pointer: string } }) => error.source.pointer)).toEqual(['/companyId', '/category', '/invoices/0/currency', '/invoices/0/number', '/invoices/0/issueDate', '/invoices/0/netAmount']);
    expect((await notify({ companyId: 'KSB-0', category: 'OVD', invoices: [unpaid] })).status).toBe(404);
    const precise = await notify({ companyId: buyerWithCover(() => true).companyId, category: 'OVD', invoices: [{ ...unpaid, netAmount: '1000.005' }] });
    expect(precise.status).toBe(422);
    expect(precise.body.errors[0].source).toEqual({ pointer: '/invoices/0/netAmount' });
  });

  it('imposes a supply ban on a grade 7–8 buyer: the cover shrinks to the notified amount, rounded up to a thousand', async () => {
    const buyer = buyerWithCover((grade) => grade === 7 || grade === 8);
    const { overdueId } = (await notify({ companyId: buyer.companyId, category: 'OVD', invoices: [unpaid] })).body;
    await advance('P1D');
    expect((await sandbox.call('GET', `${overdues}/${overdueId}`, { token })).body.outcome).toBe('SUPPLY_BAN');
    const cover = await coverOf(buyer.companyId);
    expect(cover).toMatchObject({ status: 'REDUCED', decidedAmount: '2000.00', conditions: [expect.objectContaining({ code: 'SUPPLY_BAN' })] });
    expect(await feedTypes(buyer.companyId)).toEqual(['OVERDUE_ACKNOWLEDGED', 'SUPPLY_BAN_IMPOSED', 'LIMIT_REDUCED']);
  });

  it('withdraws the cover, with a reason, when the buyer has been downgraded to 9 by the time the insurer answers', async () => {
    const buyer = buyerWithCover((grade) => grade <= 4);
    await notify({ companyId: buyer.companyId, category: 'OVD', invoices: [unpaid] });
    const regraded = await sandbox.admin('POST', `/buyers/${buyer.companyId}/grade`, { grade: 9 });
    expect(regraded.body.grade).toMatchObject({ value: 9, updatedAt: '2026-03-02' });
    await advance('P1D');
    expect((await sandbox.call('GET', `${overdues}?companyId=${buyer.companyId}`, { token })).body.items[0].outcome).toBe('LIMIT_CANCELLED');
    expect(await coverOf(buyer.companyId)).toMatchObject({ status: 'WITHDRAWN', decidedAmount: '0.00', tranches: [], reasons: [expect.objectContaining({ code: 'OVERDUE_NOTIFIED' })] });
    expect(await feedTypes(buyer.companyId)).toEqual(['GRADE_CHANGED', 'OVERDUE_ACKNOWLEDGED', 'LIMIT_WITHDRAWN']);
  });

  it('lists notifications in pages, by status, buyer and change time', async () => {
    const first = buyerWithCover((grade) => grade <= 6);
    const second = buyerWithCover((grade) => grade <= 6, 1);
    await notify({ companyId: first.companyId, category: 'OVD', invoices: [unpaid] }); // answered 2026-03-03T09:00
    await advance('P1DT1H');
    await notify({ companyId: second.companyId, category: 'OVD', invoices: [unpaid] });
    const all = await sandbox.call('GET', `${overdues}?pageSize=1`, { token });
    expect(all.body).toMatchObject({ totalItems: 2, totalPages: 2, pageSize: 1 });
    expect(all.headers.get('total-items')).toBe('2');
    expect((await sandbox.call('GET', `${overdues}?status=RECEIVED`, { token })).body.items.map((item: { companyId: string }) => item.companyId)).toEqual([second.companyId]);
    expect((await sandbox.call('GET', `${overdues}?companyId=${first.companyId}`, { token })).body.items[0].status).toBe('ACKNOWLEDGED');
    expect((await sandbox.call('GET', `${overdues}?since=2026-03-03T09:00:00Z`, { token })).body.totalItems).toBe(2);
    expect((await sandbox.call('GET', `${overdues}?since=2026-03-03T09:00:01Z`, { token })).body.totalItems).toBe(1);
    expect((await sandbox.call('GET', `${overdues}/OVD-999999`, { token })).status).toBe(404);
  });
});
