import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { effectiveLimitOn, limitInForceOn, limitStateOf, type CreditLimit } from './credit-limit';

const d = toIsoDate;
const decided: CreditLimit = {
  debtorId: 'D1',
  source: 'insurer',
  coverId: 'C-1',
  status: 'APPROVED',
  currency: 'EUR',
  requestedAmountMinor: 8_000_000,
  decidedAmountMinor: 8_000_000,
  tranches: [
    { amountMinor: 5_000_000, effectiveFrom: d('2026-01-01'), kind: 'permanent' },
    { amountMinor: 3_000_000, effectiveFrom: d('2026-10-01'), expiresOn: d('2026-12-31'), kind: 'temporary' },
  ],
  conditions: [],
  reasons: [],
  history: [],
};

describe('limitInForceOn', () => {
  it('adds the tranches in force on the date', () => {
    expect(limitInForceOn(decided, d('2025-12-31'))).toBe(0);
    expect(limitInForceOn(decided, d('2026-06-01'))).toBe(5_000_000);
    expect(limitInForceOn(decided, d('2026-12-31'))).toBe(8_000_000);
    expect(limitInForceOn(decided, d('2027-01-01'))).toBe(5_000_000);
  });

  it('applies an announced reduction from its effective date only', () => {
    const reducing = { ...decided, pendingChange: { type: 'REDUCTION' as const, newAmountMinor: 2_000_000, effectiveFrom: d('2026-12-24'), noticeGivenOn: d('2026-11-24') } };
    expect(limitInForceOn(reducing, d('2026-12-23'))).toBe(8_000_000);
    expect(limitInForceOn(reducing, d('2026-12-24'))).toBe(2_000_000);
  });

  it('gives no cover for refused, withdrawn, cancelled, expired and pending limits', () => {
    for (const status of ['REFUSED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED', 'PENDING'] as const) {
      expect(limitInForceOn({ ...decided, status }, d('2026-11-24'))).toBe(0);
    }
  });
});

describe('effectiveLimitOn', () => {
  const discretionary: CreditLimit = { ...decided, source: 'discretionary', coverId: undefined, tranches: [{ amountMinor: 1_500_000, effectiveFrom: d('2026-01-01'), kind: 'permanent' }] };

  it('prefers the insurer’s decision and falls back to the discretionary limit', () => {
    expect(effectiveLimitOn([discretionary, decided], d('2026-06-01'))).toEqual({ amountMinor: 5_000_000, source: 'insurer' });
    expect(effectiveLimitOn([discretionary], d('2026-06-01'))).toEqual({ amountMinor: 1_500_000, source: 'discretionary' });
    expect(effectiveLimitOn([], d('2026-06-01'))).toEqual({ amountMinor: 0, source: 'none' });
  });

  it('lets a zero decision end the discretionary limit, but not a request still pending', () => {
    expect(effectiveLimitOn([discretionary, { ...decided, status: 'REFUSED' }], d('2026-06-01'))).toEqual({ amountMinor: 0, source: 'insurer' });
    expect(effectiveLimitOn([discretionary, { ...decided, status: 'PENDING' }], d('2026-06-01'))).toEqual({ amountMinor: 1_500_000, source: 'discretionary' });
  });
});

describe('limitStateOf', () => {
  it('names the insurer decision’s status before an own limit, and says when there is none', () => {
    const own: CreditLimit = { ...decided, source: 'discretionary', status: 'APPROVED' };
    expect(limitStateOf([own, { ...decided, status: 'REFUSED' }])).toBe('REFUSED');
    expect(limitStateOf([own])).toBe('DISCRETIONARY');
    expect(limitStateOf([])).toBe('NONE');
  });
});
