import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBasisPointsHalfUp, indemnityFor } from './indemnity';

describe('indemnity on an approved claim', () => {
  it('pays 90 % of (net loss − deductible), rounded half up to the cent', () => {
    // €15,345.65 net − €500.00 deductible = €14,845.65; × 90 % = €13,361.085 → €13,361.09 (half up).
    expect(indemnityFor({ netLossMinor: 1_534_565, coverMinor: 2_000_000, deductibleMinor: 50_000, insuredPercentageBp: 9000 })).toEqual({
      grossLossMinor: 1_534_565,
      deductibleAppliedMinor: 50_000,
      insuredPercentageBp: 9000,
      paidAmountMinor: 1_336_109,
    });
  });

  it('caps the loss at the cover, and pays nothing when the loss is within the deductible', () => {
    // €25,000.00 claimed on €10,000.00 cover: (10,000.00 − 500.00) × 90 % = €8,550.00.
    expect(indemnityFor({ netLossMinor: 2_500_000, coverMinor: 1_000_000, deductibleMinor: 50_000, insuredPercentageBp: 9000 })).toMatchObject({ grossLossMinor: 1_000_000, paidAmountMinor: 855_000 });
    expect(indemnityFor({ netLossMinor: 40_000, coverMinor: 1_000_000, deductibleMinor: 50_000, insuredPercentageBp: 9000 })).toMatchObject({ deductibleAppliedMinor: 40_000, paidAmountMinor: 0 });
    expect(indemnityFor({ netLossMinor: 40_000, coverMinor: 0, deductibleMinor: 50_000, insuredPercentageBp: 9000 })).toMatchObject({ grossLossMinor: 0, paidAmountMinor: 0 });
  });

  it('is within half a cent of the exact share for any amount, even past 2^53 / 10000', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
      const exact = BigInt(amount) * BigInt(bp);
      const paid = BigInt(applyBasisPointsHalfUp(amount, bp)) * 10_000n;
      expect(paid - exact <= 5_000n && exact - paid < 5_000n).toBe(true);
    }));
    expect(applyBasisPointsHalfUp(5, 9000)).toBe(5); // 4.5 → 5
    expect(applyBasisPointsHalfUp(15, 9000)).toBe(14); // 13.5 → 14
  });
});
