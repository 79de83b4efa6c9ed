import { describe, expect, it } from 'vitest';
import { toIsoDate, type IsoDate } from '../../time/iso-date';
import { accrueInterest, periodInterest, unpaidInterest, type InterestRule } from './interest-accrual';

const d = (text: string): IsoDate => toIsoDate(text);

/** 36.50 % a year: exactly 10 minor units a day on 10,000, which keeps the hand sums short. */
const flatRule = (capitalisesYearly: boolean): InterestRule => ({
  defaultFrom: d('2024-01-01'),
  capitalisesYearly,
  rateOn: () => ({ rateBp: 3650, isStale: false }),
});

describe('periodInterest', () => {
  it('uses days/365 and rounds half up once', () => {
    // 73 × 25 % × 10 / 365 = 0.5 exactly → 1; 72 × 25 % × 10 / 365 = 0.4932 → 0
    expect(periodInterest(73, 2500, 10)).toBe(1);
    expect(periodInterest(72, 2500, 10)).toBe(0);
    // A whole leap year earns 366/365 of the rate: 1,000.00 × 10 % × 366 / 365 = 100.27
    expect(periodInterest(100_000, 1000, 366)).toBe(10_027);
  });

  it('refuses fractions of a cent, a basis point or a day', () => {
    expect(() => periodInterest(100.5, 1000, 1)).toThrow(RangeError);
    expect(() => periodInterest(100, 10.5, 1)).toThrow(RangeError);
    expect(() => periodInterest(100, 1000, -1)).toThrow(RangeError);
  });
});

describe('accrueInterest', () => {
  it('capitalises the unpaid interest of the year on the anniversary, midway through a run', () => {
    // From 2024-12-01 with 500 of this year's interest unpaid:
    //   2024-12-01…12-31  31 d × 10 = 310 → 810 running
    //   2025-01-01 anniversary: 810 capitalised, base 10,810
    //   2025-01-01…01-10  10 d × 10,810 × 36.5 % / 365 = 108.1 → 108
    const start = { principalMinor: 10_000, capitalisedInterestMinor: 0, runningInterestMinor: 500 };
    const { state, periods } = accrueInterest(flatRule(true), start, d('2024-12-01'), d('2025-01-10'));
    expect(periods.map(({ from, to, baseMinor, interestMinor }) => [from, to, baseMinor, interestMinor])).toEqual([
      ['2024-12-01', '2024-12-31', 10_000, 310],
      ['2025-01-01', '2025-01-10', 10_810, 108],
    ]);
    expect(state).toEqual({ principalMinor: 10_000, capitalisedInterestMinor: 810, runningInterestMinor: 108 });
    expect(unpaidInterest(state)).toBe(918);
  });

  it('capitalises when a run starts exactly on the anniversary', () => {
    const start = { principalMinor: 10_000, capitalisedInterestMinor: 0, runningInterestMinor: 3_660 };
    const { state } = accrueInterest(flatRule(true), start, d('2025-01-01'), d('2025-01-01'));
    expect(state).toEqual({ principalMinor: 10_000, capitalisedInterestMinor: 3_660, runningInterestMinor: 14 });
  });

  it('does not capitalise under simple interest', () => {
    const start = { principalMinor: 10_000, capitalisedInterestMinor: 0, runningInterestMinor: 500 };
    const { state, periods } = accrueInterest(flatRule(false), start, d('2024-12-01'), d('2025-01-10'));
    expect(periods).toHaveLength(1);
    expect(state).toEqual({ principalMinor: 10_000, capitalisedInterestMinor: 0, runningInterestMinor: 910 });
  });

  it('leaves the state alone for an empty range or a paid-off base', () => {
    const start = { principalMinor: 10_000, capitalisedInterestMinor: 0, runningInterestMinor: 0 };
    expect(accrueInterest(flatRule(true), start, d('2024-02-02'), d('2024-02-01'))).toEqual({ state: start, periods: [] });
    const paidOff = { principalMinor: 0, capitalisedInterestMinor: 0, runningInterestMinor: 0 };
    expect(accrueInterest(flatRule(true), paidOff, d('2024-02-01'), d('2024-12-31'))).toEqual({ state: paidOff, periods: [] });
    expect(() => accrueInterest(flatRule(true), { ...start, principalMinor: -1 }, d('2024-02-01'), d('2024-02-02'))).toThrow(RangeError);
  });
});
