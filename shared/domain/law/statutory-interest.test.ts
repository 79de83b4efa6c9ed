import { describe, expect, it } from 'vitest';
import { toIsoDate, type IsoDate } from '../../time/iso-date';
import { BUILT_IN_REFERENCE_RATES, type ReferenceRateTable } from './reference-rates';
import { statutoryInterest, statutoryInterestRule } from './statutory-interest';

const d = (text: string): IsoDate => toIsoDate(text);

describe('statutoryInterest, NL wettelijke handelsrente', () => {
  it('splits at every rate change and capitalises on the anniversary of the default start', () => {
    // €10,000 in default from 2024-01-01, calculated on 2025-12-31 (days/365, each period rounded half up):
    //   2024-01-01…06-30  182 d × 12.50 % on 10,000.00 = 623.2877 → 623.29
    //   2024-07-01…12-31  184 d × 12.25 % on 10,000.00 = 617.5342 → 617.53   year 1: 1,240.82
    //   2025-01-01: a full year of default is over, the base becomes 10,000.00 + 1,240.82 = 11,240.82
    //   2025-01-01…06-30  181 d × 11.15 % on 11,240.82 = 621.5250 → 621.52
    //   2025-07-01…12-31  184 d × 10.15 % on 11,240.82 = 575.1604 → 575.16
    //   total 623.29 + 617.53 + 621.52 + 575.16 = 2,437.50
    const result = statutoryInterest({ jurisdiction: 'NL', principalMinor: 1_000_000, currency: 'EUR', defaultFrom: d('2024-01-01'), until: d('2025-12-31') });
    expect(result.periods).toEqual([
      { from: '2024-01-01', to: '2024-06-30', days: 182, rateBp: 1250, baseMinor: 1_000_000, interestMinor: 62_329, isRateStale: false },
      { from: '2024-07-01', to: '2024-12-31', days: 184, rateBp: 1225, baseMinor: 1_000_000, interestMinor: 61_753, isRateStale: false },
      { from: '2025-01-01', to: '2025-06-30', days: 181, rateBp: 1115, baseMinor: 1_124_082, interestMinor: 62_152, isRateStale: false },
      { from: '2025-07-01', to: '2025-12-31', days: 184, rateBp: 1015, baseMinor: 1_124_082, interestMinor: 57_516, isRateStale: false },
    ]);
    expect(result.interestMinor).toBe(243_750);
    expect(result.isRateTableStale).toBe(false);
  });

  it('keeps half-years with the same rate in one period, and counts years from the default start', () => {
    // €1,000 from 2019-03-10 to 2021-03-10 at 8.00 % throughout: one period per year of default.
    //   2019-03-10…2020-03-09  366 d on 1,000.00 = 80.2192 → 80.22; base 1,080.22 from 2020-03-10
    //   2020-03-10…2021-03-09  365 d on 1,080.22 = 86.4176 → 86.42; base 1,166.64 from 2021-03-10
    //   2021-03-10             1 d on 1,166.64  = 0.2557 → 0.26
    const result = statutoryInterest({ jurisdiction: 'NL', principalMinor: 100_000, currency: 'EUR', defaultFrom: d('2019-03-10'), until: d('2021-03-10') });
    expect(result.periods.map(({ from, to, baseMinor, interestMinor }) => [from, to, baseMinor, interestMinor])).toEqual([
      ['2019-03-10', '2020-03-09', 100_000, 8_022],
      ['2020-03-10', '2021-03-09', 108_022, 8_642],
      ['2021-03-10', '2021-03-10', 116_664, 26],
    ]);
    expect(result.interestMinor).toBe(16_690);
  });

  it('carries the last rate past the end of the table and says so', () => {
    // A table that ends with 10.15 % for the second half of 2025 (the built-in one before its 2026 rows).
    //   2025-10-01…12-31   92 d × 10.15 % on 1,000.00 = 25.58 (known rate)
    //   2026-01-01…09-30  273 d × 10.15 % on 1,000.00 = 75.92 (carried forward)  year 1: 101.50
    //   2026-10-01…11-24   55 d × 10.15 % on 1,101.50 = 16.85 (carried forward)
    const to2025 = BUILT_IN_REFERENCE_RATES.filter((row) => row.validFrom < '2026-01-01');
    const result = statutoryInterest({ jurisdiction: 'NL', principalMinor: 100_000, currency: 'EUR', defaultFrom: d('2025-10-01'), until: d('2026-11-24'), rates: to2025 });
    expect(result.periods.map(({ from, to, interestMinor, isRateStale }) => [from, to, interestMinor, isRateStale])).toEqual([
      ['2025-10-01', '2025-12-31', 2_558, false],
      ['2026-01-01', '2026-09-30', 7_592, true],
      ['2026-10-01', '2026-11-24', 1_685, true],
    ]);
    expect(result.interestMinor).toBe(11_835);
    expect(result.isRateTableStale).toBe(true);
  });

  it('uses a rate the user added, and then is no longer stale for that half-year', () => {
    const extended: ReferenceRateTable = [...BUILT_IN_REFERENCE_RATES, { kind: 'NL_HANDELSRENTE', validFrom: d('2026-01-01'), rateBp: 1015 }];
    const result = statutoryInterest({ jurisdiction: 'NL', principalMinor: 100_000, currency: 'EUR', defaultFrom: d('2026-01-01'), until: d('2026-06-30'), rates: extended });
    expect(result.isRateTableStale).toBe(false);
    // 181 d × 10.15 % on 1,000.00 = 50.3329 → 50.33
    expect(result.interestMinor).toBe(5_033);
  });
});

describe('statutoryInterest, other jurisdictions', () => {
  it('GB: base rate + 8 fixed at the half-year interest starts in — £5,000 from 2024-03-15 for 100 days at 13.25 %', () => {
    // Base rate on 31-12-2023 was 5.25 %: 5,000.00 × 13.25 % × 100 / 365 = 181.5068 → £181.51
    const result = statutoryInterest({ jurisdiction: 'GB', principalMinor: 500_000, currency: 'GBP', defaultFrom: d('2024-03-15'), until: d('2024-06-22') });
    expect(result.periods).toEqual([{ from: '2024-03-15', to: '2024-06-22', days: 100, rateBp: 1325, baseMinor: 500_000, interestMinor: 18_151, isRateStale: false }]);
    expect(result.interestMinor).toBe(18_151);
  });

  it('GB: keeps the starting rate when the base rate rises later, and never compounds', () => {
    // From 2023-06-01 (base rate on 31-12-2022: 3.50 → 11.50 %) for a year, although the second half of
    // 2023 would start at 13.00 %: 5,000.00 × 11.50 % × 366 / 365 = 576.5753 → £576.58
    const result = statutoryInterest({ jurisdiction: 'GB', principalMinor: 500_000, currency: 'GBP', defaultFrom: d('2023-06-01'), until: d('2024-05-31') });
    expect(result.periods).toHaveLength(1);
    expect(result.periods[0]).toMatchObject({ rateBp: 1150, days: 366, baseMinor: 500_000 });
    expect(result.interestMinor).toBe(57_658);
  });

  it('SE: referensränta + 8, changing with the half-year while the debt runs', () => {
    // 100,000 kr from 2023-05-01 to 2023-08-31:
    //   2023-05-01…06-30  61 d × (2.50 + 8) % = 1,754.7945 → 1,754.79 kr
    //   2023-07-01…08-31  62 d × (3.50 + 8) % = 1,953.4247 → 1,953.42 kr   total 3,708.21 kr
    const result = statutoryInterest({ jurisdiction: 'SE', principalMinor: 10_000_000, currency: 'SEK', defaultFrom: d('2023-05-01'), until: d('2023-08-31') });
    expect(result.periods.map(({ from, to, days, rateBp, interestMinor }) => [from, to, days, rateBp, interestMinor])).toEqual([
      ['2023-05-01', '2023-06-30', 61, 1050, 175_479],
      ['2023-07-01', '2023-08-31', 62, 1150, 195_342],
    ]);
    expect(result.interestMinor).toBe(370_821);
  });

  it('SE and EU: simple interest, no capitalisation after a year', () => {
    // 10,000 kr from 2019-07-01 at 8.00 % (referensränta 0) for two years: 10,000 × 8 % × 731 / 365 = 1,602.19 kr
    const result = statutoryInterest({ jurisdiction: 'SE', principalMinor: 1_000_000, currency: 'SEK', defaultFrom: d('2019-07-01'), until: d('2021-06-30') });
    expect(result.periods).toHaveLength(1);
    expect(result.interestMinor).toBe(160_219);
  });

  it('EU: the ECB rate on 1 July holds until 31 December, even after the ECB cut it in December', () => {
    // €20,000 from 2024-11-15 to 2025-02-14 (the ECB cut its MRO to 3.15 % on 2024-12-18):
    //   2024-11-15…12-31  47 d × (4.25 + 8) % = 315.4795 → 315.48
    //   2025-01-01…02-14  45 d × (3.15 + 8) % = 274.9315 → 274.93   total 590.41
    const result = statutoryInterest({ jurisdiction: 'EU', principalMinor: 2_000_000, currency: 'EUR', defaultFrom: d('2024-11-15'), until: d('2025-02-14') });
    expect(result.periods.map(({ to, rateBp, interestMinor }) => [to, rateBp, interestMinor])).toEqual([
      ['2024-12-31', 1225, 31_548],
      ['2025-02-14', 1115, 27_493],
    ]);
    expect(result.interestMinor).toBe(59_041);
  });
});

describe('statutoryInterest, edges', () => {
  it('owes nothing before default starts and counts the first and last day', () => {
    expect(statutoryInterest({ jurisdiction: 'NL', principalMinor: 100_000, currency: 'EUR', defaultFrom: d('2025-03-01'), until: d('2025-02-28') }))
      .toEqual({ currency: 'EUR', interestMinor: 0, periods: [], isRateTableStale: false });
    // One day at 11.15 % on €1,000: 0.3055 → €0.31
    expect(statutoryInterest({ jurisdiction: 'NL', principalMinor: 100_000, currency: 'EUR', defaultFrom: d('2025-03-01'), until: d('2025-03-01') }).interestMinor).toBe(31);
  });

  it('stays exact on amounts far beyond what a float holds to the cent', () => {
    // 2^53 − 1 cents × 12.50 % × 182 / 365, in cents:
    // 9,007,199,254,740,991 × 1250 × 182 / 3,650,000 = 561,407,624,781,801.4938… → 561,407,624,781,801
    const result = statutoryInterest({ jurisdiction: 'NL', principalMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR', defaultFrom: d('2024-01-01'), until: d('2024-06-30') });
    expect(result.interestMinor).toBe(561_407_624_781_801);
  });

  it('refuses what it cannot compute', () => {
    const valid = { jurisdiction: 'NL', principalMinor: 100_000, currency: 'EUR', defaultFrom: d('2025-01-01'), until: d('2025-02-01') } as const;
    expect(() => statutoryInterest({ ...valid, principalMinor: 10.5 })).toThrow(RangeError);
    expect(() => statutoryInterest({ ...valid, principalMinor: -1 })).toThrow(RangeError);
    expect(() => statutoryInterest({ ...valid, currency: 'XYZ' })).toThrow(RangeError);
    expect(() => statutoryInterest({ ...valid, jurisdiction: 'DE' as never })).toThrow(RangeError);
    expect(() => statutoryInterest({ ...valid, until: '2025-02-30' as IsoDate })).toThrow(RangeError);
    expect(() => statutoryInterest({ ...valid, defaultFrom: d('2012-06-01') })).toThrow(RangeError);
    expect(() => statutoryInterestRule('DE' as never, d('2025-01-01'))).toThrow(RangeError);
  });
});
