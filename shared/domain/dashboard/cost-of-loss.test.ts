import { describe, expect, it } from 'vitest';
import { costOfLoss, DEFAULT_NET_MARGIN_BP } from './cost-of-loss';

describe('costOfLoss', () => {
  it('needs loss ÷ margin of new sales: €10,000 lost at 5 % takes €200,000', () => {
    expect(costOfLoss(1_000_000, DEFAULT_NET_MARGIN_BP)).toEqual({ lossMinor: 1_000_000, marginBp: 500, revenueNeededMinor: 20_000_000 });
  });

  it('is exact to the cent, rounding half away from zero once', () => {
    // €1,234.56 at 3.5 %: 35,273.142857… → €35,273.14.
    expect(costOfLoss(123_456, 350)?.revenueNeededMinor).toBe(3_527_314);
    // 3 cents at 80 %: 3.75 → 4 cents; 1 cent at 80 %: 1.25 → 1 cent; 5 cents at 40 %: 12.5 → 13 cents.
    expect(costOfLoss(3, 8000)?.revenueNeededMinor).toBe(4);
    expect(costOfLoss(1, 8000)?.revenueNeededMinor).toBe(1);
    expect(costOfLoss(5, 4000)?.revenueNeededMinor).toBe(13);
    // Large amounts stay whole: (2^52 + 1) × 10,000 / 9,000 = 5,003,999,585,967,218.88… → …219.
    expect(costOfLoss(4_503_599_627_370_497, 9000)?.revenueNeededMinor).toBe(5_003_999_585_967_219);
  });

  it('has no answer without a margin, for a margin over 100 %, a negative loss or a result out of range', () => {
    expect(costOfLoss(1_000_000, 0)).toBeUndefined();
    expect(costOfLoss(1_000_000, 10_001)).toBeUndefined();
    expect(costOfLoss(-1, 500)).toBeUndefined();
    expect(costOfLoss(Number.MAX_SAFE_INTEGER, 500)).toBeUndefined();
    expect(costOfLoss(0, 500)?.revenueNeededMinor).toBe(0);
  });
});
