import { describe, expect, it } from 'vitest';
import { computeExposure, revenueToRecoverLoss } from './exposure';

const base = { creditsMinor: 0, unappliedCashMinor: 0, disputedMinor: 0, insuredPercentageBp: 9000 };

describe('computeExposure', () => {
  it('is fully insured within the limit, paying 90 %', () => {
    expect(computeExposure({ ...base, openInvoicesMinor: 4_000_000, limitMinor: 5_000_000 })).toEqual({
      exposureMinor: 4_000_000,
      limitMinor: 5_000_000,
      availableMinor: 1_000_000,
      utilisation: 0.8,
      overLimitMinor: 0,
      insuredExposureMinor: 4_000_000,
      uninsuredMinor: 0,
      indemnityMinor: 3_600_000,
    });
  });

  it('names the internal limit only when the company set one (a stored summary has no empty field for it)', () => {
    const without = computeExposure({ ...base, openInvoicesMinor: 4_000_000, limitMinor: 5_000_000, internalLimitMinor: undefined });
    expect(without).toStrictEqual({ exposureMinor: 4_000_000, limitMinor: 5_000_000, availableMinor: 1_000_000, utilisation: 0.8, overLimitMinor: 0, insuredExposureMinor: 4_000_000, uninsuredMinor: 0, indemnityMinor: 3_600_000 });
    expect('internalLimitMinor' in without).toBe(false);
    expect(computeExposure({ ...base, openInvoicesMinor: 4_000_000, limitMinor: 5_000_000, internalLimitMinor: 3_000_000 })).toStrictEqual({
      exposureMinor: 4_000_000, limitMinor: 5_000_000, internalLimitMinor: 3_000_000, availableMinor: 0, utilisation: 4 / 3, overLimitMinor: 1_000_000, insuredExposureMinor: 4_000_000, uninsuredMinor: 0, indemnityMinor: 3_600_000,
    });
  });

  it('splits an over-limit exposure into insured and uninsured parts', () => {
    const exposure = computeExposure({ ...base, openInvoicesMinor: 7_000_000, limitMinor: 5_000_000 });
    expect(exposure).toMatchObject({ overLimitMinor: 2_000_000, insuredExposureMinor: 5_000_000, uninsuredMinor: 2_000_000, indemnityMinor: 4_500_000, availableMinor: 0 });
    expect(exposure.utilisation).toBeCloseTo(1.4, 10);
  });

  it('nets credit notes and unapplied cash and leaves disputed debt uninsured', () => {
    const exposure = computeExposure({ ...base, openInvoicesMinor: 1_000_000, creditsMinor: -100_000, unappliedCashMinor: 50_000, disputedMinor: 200_000, limitMinor: 2_000_000 });
    expect(exposure).toMatchObject({ exposureMinor: 850_000, insuredExposureMinor: 650_000, uninsuredMinor: 200_000, overLimitMinor: 0 });
  });

  it('insures nothing without a limit', () => {
    expect(computeExposure({ ...base, openInvoicesMinor: 300_000, limitMinor: 0 })).toMatchObject({ utilisation: undefined, uninsuredMinor: 300_000, overLimitMinor: 300_000, indemnityMinor: 0 });
  });

  it('never goes below zero when credit exceeds the debt', () => {
    expect(computeExposure({ ...base, openInvoicesMinor: 100, creditsMinor: -500, limitMinor: 1000 }).exposureMinor).toBe(0);
  });
});

describe('revenueToRecoverLoss', () => {
  it('needs €100,000 of sales to recover €10,000 at a 10 % margin (the seeds’ example)', () => {
    expect(revenueToRecoverLoss(1_000_000, 1000)).toBe(10_000_000);
    expect(revenueToRecoverLoss(1_000_000, 0)).toBeUndefined();
  });
});
