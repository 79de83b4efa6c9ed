import { describe, expect, it } from 'vitest';
import { limitInForceOn, type CreditLimit } from '../domain/limits/credit-limit';
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

/**
 * Insurers issue a new cover id for a buyer after a cancellation and re-approval, or a change of product; each
 * cover id counts its own versions, so a new cover starts again from a low version (issue 15 item 1).
 */
describe('a buyer’s covers under more than one cover id', () => {
  const old = (overrides: Partial<z.input<typeof insurerCoverSchema>> = {}) => cover({ coverId: 'CV-1', version: 5, decidedAt: '2026-01-10T09:00:00Z', updatedAt: '2026-01-10T09:00:00Z', ...overrides });
  const cancelledOld = old({ version: 6, status: 'CANCELLED', decidedAmount: '0.00', tranches: [], updatedAt: '2026-03-02T09:00:00Z' });
  const reissued = cover({ coverId: 'CV-2', version: 1, decidedAmount: '80000.00', tranches: [{ amount: '80000.00', effectiveFrom: '2026-03-02', expiresAt: null, kind: 'permanent' }], conditions: [], decidedAt: '2026-03-02T09:00:01Z', updatedAt: '2026-03-02T09:00:01Z' });
  const apply = (...covers: InsurerCover[]) => covers.reduce<CreditLimit | undefined>((limit, next) => applyInsurerCover(limit, next, 'D-1'), undefined)!;

  it('puts a cover re-issued under a new id with a lower version in force, whichever of the cancellation and the new cover comes first', () => {
    for (const limit of [apply(old(), cancelledOld, reissued), apply(old(), reissued, cancelledOld)]) {
      expect(limit).toMatchObject({ coverId: 'CV-2', status: 'APPROVED', decidedAmountMinor: 8_000_000, insurerVersion: 1 });
      expect(limitInForceOn(limit, '2026-03-10' as IsoDate)).toBe(8_000_000);
      // The history keeps both covers: the old decision, its cancellation and the new decision (the last two on one day).
      expect(limit.history.map((entry) => `${entry.on} ${entry.status} ${entry.amountMinor}`).sort()).toEqual(['2026-01-10 APPROVED 5000000', '2026-03-02 APPROVED 8000000', '2026-03-02 CANCELLED 0']);
    }
  });

  it('does not let a late event of a superseded cover overwrite the cover in force, though its version is higher', () => {
    // A change of product: the new cover is issued while the old one still stands; then a late event of the old one.
    const current = apply(old(), reissued);
    expect(current).toMatchObject({ coverId: 'CV-2', decidedAmountMinor: 8_000_000 });
    const late = applyInsurerCover(current, old({ version: 7, status: 'REDUCED', decidedAmount: '20000.00', tranches: [{ amount: '20000.00', effectiveFrom: '2026-02-01', expiresAt: null, kind: 'permanent' }], updatedAt: '2026-02-01T00:00:00Z' }), 'D-1');
    expect(late).toMatchObject({ coverId: 'CV-2', status: 'APPROVED', decidedAmountMinor: 8_000_000, insurerVersion: 1 });
    expect(late.history.map((entry) => `${entry.on} ${entry.status}`)).toEqual(['2026-01-10 APPROVED', '2026-02-01 REDUCED', '2026-03-02 APPROVED']);
    // Versions are kept per cover id: the old cover's replay changes nothing, the new cover's next version applies.
    expect(applyInsurerCover(late, old({ version: 7, status: 'REDUCED', decidedAmount: '20000.00' }), 'D-1')).toBe(late);
    expect(applyInsurerCover(late, { ...reissued, version: 2, status: 'REDUCED', decidedAmount: '40000.00' }, 'D-1')).toMatchObject({ coverId: 'CV-2', status: 'REDUCED', decidedAmountMinor: 4_000_000, insurerVersion: 2 });
  });

  it('a cancelled or withdrawn cover never hides one in force; with none in force, the latest decision counts', () => {
    const withdrawnNew = { ...reissued, version: 2, status: 'WITHDRAWN' as const, decidedAmount: '0.00', tranches: [], updatedAt: '2026-04-01T00:00:00Z' };
    // The new cover withdrawn while the old one still stands: the old one is in force again.
    expect(apply(old(), reissued, withdrawnNew)).toMatchObject({ coverId: 'CV-1', status: 'APPROVED', decidedAmountMinor: 5_000_000 });
    // Both ended: the newer decision (the withdrawal of the new cover) is what the controller sees.
    expect(apply(old(), cancelledOld, reissued, withdrawnNew)).toMatchObject({ coverId: 'CV-2', status: 'WITHDRAWN', decidedAmountMinor: 0 });
  });
});
