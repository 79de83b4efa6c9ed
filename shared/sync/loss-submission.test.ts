import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../time/iso-date';
import { applyLossUpdate, lossAcknowledged, lossAttemptFailed, lossUpdateOf, newLossSubmission } from './loss-submission';

const invoice = { number: 'F-1', issueDate: '2026-08-01' as IsoDate, dueDate: '2026-08-31' as IsoDate, netAmountMinor: 1_000_000, grossAmountMinor: 1_210_000, currency: 'EUR' as const };
const claim = newLossSubmission({ id: 'k-1', debtorId: 'D1', kind: 'claim', createdAt: '2026-11-24T09:00:00Z', invoices: [invoice], detail: { cause: 'PROTRACTED_DEFAULT' } });

describe('loss submissions', () => {
  it('are refused without invoices or in two currencies', () => {
    expect(() => newLossSubmission({ id: 'k', debtorId: 'D1', kind: 'overdue', createdAt: '', invoices: [], detail: {} })).toThrow(RangeError);
    expect(() => newLossSubmission({ id: 'k', debtorId: 'D1', kind: 'overdue', createdAt: '', invoices: [invoice, { ...invoice, currency: 'SEK' }], detail: {} })).toThrow(RangeError);
  });

  it('follow a claim to its settlement from feed events, whatever order they arrive in', () => {
    const sent = lossAcknowledged(claim, { insurerId: 'CLM-1', status: 'SUBMITTED' });
    const paid = lossUpdateOf({ settlement: { settlementId: 'STL-1', claimId: 'CLM-1', grossLoss: '10000.00', insuredPercentage: '90.00', insuredPercentageBp: 9000, deductibleApplied: '500.00', paidAmount: '8550.00', currency: 'EUR', paidAt: '2027-05-01T09:00:00Z' } })!;
    const assessing = lossUpdateOf({ claim: { claimId: 'CLM-1', status: 'ASSESSING', statusReason: null } })!;
    const settled = applyLossUpdate(applyLossUpdate(sent, paid), assessing);
    expect(settled.insurerStatus).toBe('PAID');
    expect(settled.settlement).toMatchObject({ grossLossMinor: 1_000_000, deductibleMinor: 50_000, paidMinor: 855_000, insuredPercentageBp: 9000 });
  });

  it('read the insurer’s answer to an overdue notification and ignore events about other things', () => {
    const update = lossUpdateOf({ overdue: { overdueId: 'OVD-1', status: 'ACKNOWLEDGED', outcome: 'SUPPLY_BAN' } });
    expect(update).toEqual({ insurerId: 'OVD-1', status: 'ACKNOWLEDGED', outcome: 'SUPPLY_BAN' });
    expect(lossUpdateOf({ cover: { coverId: 'CV-1' } })).toBeUndefined();
  });

  it('wait after a dropped connection and stop for good when the insurer refuses', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    expect(lossAttemptFailed(claim, { kind: 'retry', reason: 'network', delayMs: 30_000 }, now)).toMatchObject({ state: 'SUBMITTED_LOCAL', attempts: 1, notBefore: '2026-11-24T09:00:30.000Z' });
    expect(lossAttemptFailed(claim, { kind: 'rejected', status: 422 }, now, 'claim_deadline_passed')).toMatchObject({ state: 'REJECTED', lastProblem: { status: 422, code: 'claim_deadline_passed' } });
  });
});
