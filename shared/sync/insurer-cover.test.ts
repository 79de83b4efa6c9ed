import { describe, expect, it } from 'vitest';
import { limitInForceOn } from '../domain/limits/credit-limit';
import type { IsoDate } from '../time/iso-date';
import type { z } from 'zod';
import { applyInsurerCover, insurerAmountToMinor, insurerCoverSchema, type InsurerCover } from './insurer-cover';

const cover = (overrides: Partial<z.input<typeof insurerCoverSchema>> = {}): InsurerCover =>
  insurerCoverSchema.parse({
    coverId: 'CV-1', companyId: 'C-77', customerReference: 'D-1', status: 'APPROVED', requestedAmount: '50000.00', decidedAmount: '50000.00', currency: 'EUR',
    tranches: [{ amount: '40000.00', effectiveFrom: '2026-11-01', expiresAt: null, kind: 'permanent' }, { amount: '10000.00', effectiveFrom: '2026-11-01', expiresAt: '2026-12-31', kind: 'temporary' }],
    conditions: [{ code: 'PAYMENT_TERMS', description: 'Terms up to 60 days' }], reasons: [], pendingChange: null,
    decidedAt: '2026-11-01T09:00:00Z', updatedAt: '2026-11-01T09:00:00Z', version: 1, ...overrides,
  });

describe('covers from the insurer', () => {
  it('reads amounts exactly, whatever their size', () => {
    expect(insurerAmountToMinor('50000.00', 'EUR')).toBe(5_000_000);
    expect(insurerAmountToMinor('0.1', 'EUR')).toBe(10);
    expect(insurerAmountToMinor('90071992547409.91', 'EUR')).toBe(9_007_199_254_740_991);
    expect(insurerAmountToMinor('120000', 'SEK')).toBe(12_000_000);
    expect(() => insurerAmountToMinor('1.005', 'EUR')).toThrow(RangeError);
  });

  it('refuses a cover that is not in the canonical shape', () => {
    expect(insurerCoverSchema.safeParse({ ...cover(), decidedAmount: 50000 }).success).toBe(false);
    expect(insurerCoverSchema.safeParse({ ...cover(), status: 'MAYBE' }).success).toBe(false);
    expect(insurerCoverSchema.safeParse({ ...cover(), currency: 'euro' }).success).toBe(false);
  });

  it('becomes a limit with its tranches, conditions and a first history line', () => {
    const limit = applyInsurerCover(undefined, cover(), 'D-1');
    expect(limit).toMatchObject({ debtorId: 'D-1', source: 'insurer', coverId: 'CV-1', status: 'APPROVED', decidedAmountMinor: 5_000_000, requestedAmountMinor: 5_000_000, decidedOn: '2026-11-01', insurerVersion: 1 });
    expect(limitInForceOn(limit, '2026-12-01' as IsoDate)).toBe(5_000_000);
    expect(limitInForceOn(limit, '2027-01-01' as IsoDate)).toBe(4_000_000);
    expect(limit.history).toEqual([{ on: '2026-11-01', status: 'APPROVED', amountMinor: 5_000_000, note: 'insurer' }]);
  });

  it('keeps an announced reduction, then the reduction itself, in the history', () => {
    const announced = applyInsurerCover(applyInsurerCover(undefined, cover(), 'D-1'), cover({ version: 2, updatedAt: '2026-11-20T08:00:00Z', pendingChange: { type: 'REDUCTION', newAmount: '20000.00', effectiveFrom: '2026-12-20', noticeGivenAt: '2026-11-20T08:00:00Z' } }), 'D-1');
    expect(announced.pendingChange).toEqual({ type: 'REDUCTION', newAmountMinor: 2_000_000, effectiveFrom: '2026-12-20', noticeGivenOn: '2026-11-20' });
    expect(announced.history).toHaveLength(1);
    expect(limitInForceOn(announced, '2026-12-20' as IsoDate)).toBe(2_000_000);
    const reduced = applyInsurerCover(announced, cover({ version: 3, status: 'REDUCED', decidedAmount: '20000.00', updatedAt: '2026-12-20T00:00:00Z', tranches: [{ amount: '20000.00', effectiveFrom: '2026-12-20', expiresAt: null, kind: 'permanent' }] }), 'D-1');
    expect(reduced.pendingChange).toBeUndefined();
    expect(reduced.history.map((entry) => `${entry.on} ${entry.status} ${entry.amountMinor}`)).toEqual(['2026-11-01 APPROVED 5000000', '2026-12-20 REDUCED 2000000']);
  });

  it('ignores a duplicate or a late, older version of the cover', () => {
    const current = applyInsurerCover(applyInsurerCover(undefined, cover(), 'D-1'), cover({ version: 3, status: 'WITHDRAWN', decidedAmount: '0.00', tranches: [] }), 'D-1');
    expect(applyInsurerCover(current, cover({ version: 2, decidedAmount: '70000.00' }), 'D-1')).toBe(current);
    expect(applyInsurerCover(current, cover({ version: 3, status: 'WITHDRAWN', decidedAmount: '0.00', tranches: [] }), 'D-1')).toBe(current);
  });
});
