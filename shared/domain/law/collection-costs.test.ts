import { describe, expect, it } from 'vitest';
import {
  fixedCompensation,
  SE_AMORTERINGSPLAN_MAX_MINOR,
  SE_INKASSOKRAV_MAX_MINOR,
  swedishReminderFee,
  wikCollectionCosts,
} from './collection-costs';

describe('WIK collection costs (NL)', () => {
  it('passes every test vector of the reference exactly', () => {
    // Principal in euros → costs in euros (law-and-formats.md A.2.2).
    const vectors: [number, number][] = [
      [10_000, 4_000],
      [26_667, 4_000],
      [100_000, 15_000],
      [250_000, 37_500],
      [500_000, 62_500],
      [1_000_000, 87_500],
      [20_000_000, 277_500],
      [100_000_000, 677_500],
      [200_000_000, 677_500],
    ];
    for (const [principalMinor, costsMinor] of vectors) {
      expect(wikCollectionCosts(principalMinor).amountMinor, `principal ${principalMinor}`).toBe(costsMinor);
    }
  });

  it('says whether the scale, the €40 minimum or the €6,775 maximum applied', () => {
    expect(wikCollectionCosts(10_000).rule).toBe('NL_WIK_MINIMUM');
    expect(wikCollectionCosts(26_667).rule).toBe('NL_WIK_SCALE'); // 15 % of 266.67 = 40.0005 → 40.00
    expect(wikCollectionCosts(26_666).rule).toBe('NL_WIK_MINIMUM'); // 39.999: below €40 before rounding, so the minimum decides
    expect(wikCollectionCosts(100_000_000).rule).toBe('NL_WIK_SCALE'); // exactly 6,775
    expect(wikCollectionCosts(100_000_001).rule).toBe('NL_WIK_MAXIMUM');
  });

  it('rounds the scale half up to the cent once, and owes nothing on nothing', () => {
    // €1,234.57 × 15 % = 185.1855 → 185.19; €7,777.77 → 375 + 250 + 5 % × 2,777.77 = 763.8885 → 763.89
    expect(wikCollectionCosts(123_457).amountMinor).toBe(18_519);
    expect(wikCollectionCosts(777_777).amountMinor).toBe(76_389);
    expect(wikCollectionCosts(0).amountMinor).toBe(0);
    expect(() => wikCollectionCosts(-1)).toThrow(RangeError);
  });

  it('adds no VAT by default and 21 % only when the creditor cannot deduct it, the minimum included', () => {
    expect(fixedCompensation({ jurisdiction: 'NL', principalMinor: 1_000_000, currency: 'EUR' }))
      .toEqual({ currency: 'EUR', amountMinor: 87_500, vatMinor: 0, totalMinor: 87_500, rule: 'NL_WIK_SCALE', kind: 'wik' });
    // €875 + 21 % = 875 + 183.75 = 1,058.75; €40 + 21 % = 48.40
    expect(fixedCompensation({ jurisdiction: 'NL', principalMinor: 1_000_000, currency: 'EUR', creditorCannotDeductVat: true }))
      .toMatchObject({ amountMinor: 87_500, vatMinor: 18_375, totalMinor: 105_875 });
    expect(fixedCompensation({ jurisdiction: 'NL', principalMinor: 10_000, currency: 'EUR', creditorCannotDeductVat: true }))
      .toMatchObject({ amountMinor: 4_000, vatMinor: 840, totalMinor: 4_840, rule: 'NL_WIK_MINIMUM' });
  });
});

describe('fixedCompensation, other jurisdictions', () => {
  it('EU: €40 per late invoice whatever its size, for business debts', () => {
    expect(fixedCompensation({ jurisdiction: 'EU', principalMinor: 1, currency: 'EUR' })).toMatchObject({ totalMinor: 4_000, rule: 'EU_FIXED_40', kind: 'eu-fixed-compensation' });
    expect(fixedCompensation({ jurisdiction: 'EU', principalMinor: 5_000_000, currency: 'EUR' }).totalMinor).toBe(4_000);
    expect(fixedCompensation({ jurisdiction: 'EU', principalMinor: 5_000, currency: 'EUR', debtorIsBusiness: false })).toMatchObject({ totalMinor: 0, rule: 'NONE_NOT_B2B', kind: undefined });
  });

  it('GB: £40 below £1,000, £70 below £10,000, £100 from £10,000', () => {
    const sum = (principalMinor: number) => fixedCompensation({ jurisdiction: 'GB', principalMinor, currency: 'GBP' });
    expect(sum(99_999)).toMatchObject({ totalMinor: 4_000, rule: 'GB_FIXED_40', kind: 'gb-fixed-sum' });
    expect(sum(100_000)).toMatchObject({ totalMinor: 7_000, rule: 'GB_FIXED_70' });
    expect(sum(999_999)).toMatchObject({ totalMinor: 7_000, rule: 'GB_FIXED_70' });
    expect(sum(1_000_000)).toMatchObject({ totalMinor: 10_000, rule: 'GB_FIXED_100' });
    expect(fixedCompensation({ jurisdiction: 'GB', principalMinor: 1_000_000, currency: 'GBP', debtorIsBusiness: false }).rule).toBe('NONE_NOT_B2B');
  });

  it('SE: 450 kr förseningsersättning when interest is due, and then never the 60 kr reminder fee', () => {
    expect(fixedCompensation({ jurisdiction: 'SE', principalMinor: 1_000_000, currency: 'SEK', reminderFeeAgreed: true }))
      .toEqual({ currency: 'SEK', amountMinor: 45_000, vatMinor: 0, totalMinor: 45_000, rule: 'SE_FORSENINGSERSATTNING', kind: 'forseningsersattning' });
    expect(swedishReminderFee({ agreedInAdvance: true, invoiceCarriesForseningsersattning: true })).toBe(0);
  });

  it('SE: the 60 kr reminder fee only where the 450 does not apply and the fee was agreed in advance', () => {
    const noInterest = { jurisdiction: 'SE', principalMinor: 1_000_000, currency: 'SEK', interestDue: false } as const;
    expect(fixedCompensation({ ...noInterest, reminderFeeAgreed: true })).toMatchObject({ totalMinor: 6_000, rule: 'SE_PAMINNELSEAVGIFT', kind: 'paminnelseavgift' });
    expect(fixedCompensation(noInterest)).toMatchObject({ totalMinor: 0, rule: 'SE_NONE', kind: undefined });
    expect(fixedCompensation({ jurisdiction: 'SE', principalMinor: 1_000_000, currency: 'SEK', debtorIsBusiness: false, reminderFeeAgreed: true }).rule).toBe('SE_PAMINNELSEAVGIFT');
    expect(swedishReminderFee({ agreedInAdvance: false, invoiceCarriesForseningsersattning: false })).toBe(0);
    expect(swedishReminderFee({ agreedInAdvance: true, invoiceCarriesForseningsersattning: false })).toBe(6_000);
  });

  it('SE: states the inkassokrav and amorteringsplan maxima', () => {
    expect(SE_INKASSOKRAV_MAX_MINOR).toBe(18_000);
    expect(SE_AMORTERINGSPLAN_MAX_MINOR).toBe(17_000);
  });

  it("refuses a currency that is not the jurisdiction's, and a broken principal", () => {
    expect(() => fixedCompensation({ jurisdiction: 'SE', principalMinor: 100_000, currency: 'EUR' })).toThrow(RangeError);
    expect(() => fixedCompensation({ jurisdiction: 'NL', principalMinor: 100_000, currency: 'SEK' })).toThrow(RangeError);
    expect(() => fixedCompensation({ jurisdiction: 'EU', principalMinor: 100_000, currency: 'GBP' })).toThrow(RangeError);
    expect(() => fixedCompensation({ jurisdiction: 'GB', principalMinor: 100_000, currency: 'EUR' })).toThrow(RangeError);
    expect(() => fixedCompensation({ jurisdiction: 'GB', principalMinor: 1.5, currency: 'GBP' })).toThrow(RangeError);
  });
});
