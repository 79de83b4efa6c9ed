import { describe, expect, it } from 'vitest';
import { newOutboxEntry } from './limit-outbox';
import { findOwnRequest, findOwnSubmission, lookupSince, lossRecordOf, requestRecordOf } from './insurer-lookup';
import { newLossSubmission } from './loss-submission';
import type { IsoDate } from '../time/iso-date';

const request = newOutboxEntry({ id: 'a', debtorId: 'D-1', type: 'NEW', amountMinor: 2_000_000, currency: 'EUR', createdAt: '2026-03-02T09:00:00.000Z' });
/** A cover request as the insurer lists it (insurer-apis.md §3.2, electron/sandbox/resource-views.ts). */
const listed = (overrides: Record<string, unknown>) =>
  requestRecordOf({ requestId: 'REQ-1', jobId: 'JOB-1', companyId: 'C-1', coverId: 'CV-1', type: 'NEW', requestedAmount: '20000.00', currency: 'EUR', status: 'PENDING', receivedAt: '2026-03-02T09:00:01.000Z', decidedAt: null, ...overrides })!;

describe('finding a request at the insurer whose answer was lost', () => {
  it('recognises it by type, amount and currency, made no earlier than a day before Kredo stored it', () => {
    expect(findOwnRequest(request, [listed({})], new Set())?.requestId).toBe('REQ-1');
    expect(findOwnRequest(request, [listed({ status: 'DECIDED', decidedAt: '2026-03-02T09:00:01.000Z' })], new Set())).toMatchObject({ requestId: 'REQ-1', status: 'DECIDED', coverId: 'CV-1' });
    expect(findOwnRequest(request, [listed({ requestedAmount: '25000.00' })], new Set())).toBeUndefined();
    expect(findOwnRequest(request, [listed({ type: 'INCREASE' })], new Set())).toBeUndefined();
    expect(findOwnRequest(request, [listed({ status: 'WITHDRAWN' })], new Set())).toBeUndefined();
    // The same request made a year ago is another request.
    expect(findOwnRequest(request, [listed({ receivedAt: '2025-03-02T09:00:00.000Z' })], new Set())).toBeUndefined();
    // One Kredo already knows as another entry's is not this one's.
    expect(findOwnRequest(request, [listed({})], new Set(['REQ-1']))).toBeUndefined();
    expect(lookupSince(request)).toBe('2026-03-01T09:00:00.000Z');
  });

  it('skips list items it cannot read rather than failing the check', () => {
    expect(requestRecordOf({ requestId: 'REQ-2', type: 'NEW' })).toBeUndefined();
    expect(requestRecordOf('nonsense')).toBeUndefined();
  });

  it('recognises an overdue notification or a claim by its invoices and kind', () => {
    const invoice = (number: string) => ({ number, issueDate: '2026-01-01' as IsoDate, dueDate: '2026-01-31' as IsoDate, netAmountMinor: 100_000, grossAmountMinor: 121_000, currency: 'EUR' as const });
    const claim = newLossSubmission({ id: 'c', debtorId: 'D-1', kind: 'claim', createdAt: '2026-03-02T09:00:00.000Z', invoices: [invoice('F-1'), invoice('F-2')], detail: { cause: 'PROTRACTED_DEFAULT' } });
    const claimed = (overrides: Record<string, unknown>) => lossRecordOf('claim', { claimId: 'CL-1', companyId: 'C-1', cause: 'PROTRACTED_DEFAULT', invoices: [{ number: 'F-2' }, { number: 'F-1' }], status: 'SUBMITTED', submittedAt: '2026-03-02T09:00:01.000Z', ...overrides })!;
    expect(findOwnSubmission(claim, [claimed({})], new Set())).toMatchObject({ insurerId: 'CL-1', status: 'SUBMITTED' });
    expect(findOwnSubmission(claim, [claimed({ invoices: [{ number: 'F-1' }] })], new Set())).toBeUndefined();
    expect(findOwnSubmission(claim, [claimed({ cause: 'INSOLVENCY' })], new Set())).toBeUndefined();
    expect(findOwnSubmission(claim, [claimed({})], new Set(['CL-1']))).toBeUndefined();

    const overdue = newLossSubmission({ id: 'o', debtorId: 'D-1', kind: 'overdue', createdAt: '2026-03-02T09:00:00.000Z', invoices: [invoice('F-1')], detail: {} });
    const notified = lossRecordOf('overdue', { overdueId: 'OV-1', category: 'OVD', invoices: [{ number: 'F-1' }], status: 'RECEIVED', receivedAt: '2026-03-02T09:00:00.000Z' })!;
    expect(findOwnSubmission(overdue, [notified], new Set())?.insurerId).toBe('OV-1');
    expect(findOwnSubmission({ ...overdue, detail: { category: 'EXP' } }, [notified], new Set())).toBeUndefined();
  });
});
