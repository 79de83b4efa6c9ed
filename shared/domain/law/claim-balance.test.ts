import { describe, expect, it } from 'vitest';
import { toIsoDate, type IsoDate } from '../../time/iso-date';
import { claimBalance } from './claim-balance';
import { addClaimCost, bookClaimPayment, claimCostKey, openClaim, withAllocationOrder } from './claim-ledger';

const d = (text: string): IsoDate => toIsoDate(text);

/** €10,000 in default from 2024-01-01 with €875 WIK costs (the scale on €10,000) booked on 2024-02-01. */
const dutchClaim = addClaimCost(
  openClaim({ invoiceId: 'INV-1', jurisdiction: 'NL', currency: 'EUR', principalMinor: 1_000_000, defaultFrom: d('2024-01-01') }),
  { key: claimCostKey('INV-1', 'wik'), kind: 'wik', amountMinor: 87_500, bookedOn: d('2024-02-01') },
);

describe('claimBalance', () => {
  it('keeps principal, interest and costs apart', () => {
    // Interest 2024-01-01…06-30: 182 d × 12.50 % on 10,000.00 = 623.29
    expect(claimBalance(dutchClaim, d('2024-06-30'))).toMatchObject({
      principalMinor: 1_000_000,
      interestMinor: 62_329,
      costsMinor: 87_500,
      totalMinor: 1_149_829,
      unallocatedMinor: 0,
    });
    // Costs booked later are not owed yet.
    expect(claimBalance(dutchClaim, d('2024-01-31')).costsMinor).toBe(0);
  });

  it('applies a payment to costs, then interest, leaving the principal untouched when it does not reach it', () => {
    // €1,000 on 2024-06-30: 875.00 to the costs, 125.00 to the 623.29 interest, nothing to the principal.
    const paid = bookClaimPayment(dutchClaim, { paymentId: 'BANK-1', paidOn: d('2024-06-30'), amountMinor: 100_000 });
    const balance = claimBalance(paid, d('2024-06-30'));
    expect(balance.allocations).toEqual([
      { paymentId: 'BANK-1', paidOn: '2024-06-30', amountMinor: 100_000, toCostsMinor: 87_500, toInterestMinor: 12_500, toPrincipalMinor: 0, unallocatedMinor: 0 },
    ]);
    expect(balance).toMatchObject({ principalMinor: 1_000_000, interestMinor: 49_829, costsMinor: 0, totalMinor: 1_049_829 });
    // The base stays €10,000: 2024-07-01…12-31, 184 d × 12.25 % = 617.53 more; the unpaid 498.29 is not lost.
    expect(claimBalance(paid, d('2024-12-31')).interestMinor).toBe(49_829 + 61_753);
  });

  it('still capitalises on the anniversary after a partial payment, on the lowered principal', () => {
    // €2,000 on 2024-06-30: 875.00 costs, 623.29 interest, 501.71 principal → principal 9,498.29.
    //   2024-07-01…12-31  184 d × 12.25 % on 9,498.29  = 586.5519 → 586.55
    //   2025-01-01: the year's unpaid 586.55 joins the base: 10,084.84
    //   2025-01-01…03-31   90 d × 11.15 % on 10,084.84 = 277.2640 → 277.26
    const paid = bookClaimPayment(dutchClaim, { paymentId: 'BANK-2', paidOn: d('2024-06-30'), amountMinor: 200_000 });
    const balance = claimBalance(paid, d('2025-03-31'));
    expect(balance.allocations[0]).toMatchObject({ toCostsMinor: 87_500, toInterestMinor: 62_329, toPrincipalMinor: 50_171 });
    expect(balance.periods.map(({ from, to, baseMinor, interestMinor }) => [from, to, baseMinor, interestMinor])).toEqual([
      ['2024-01-01', '2024-06-30', 1_000_000, 62_329],
      ['2024-07-01', '2024-12-31', 949_829, 58_655],
      ['2025-01-01', '2025-03-31', 1_008_484, 27_726],
    ]);
    expect(balance).toMatchObject({ principalMinor: 949_829, interestMinor: 86_381, costsMinor: 0, totalMinor: 1_036_210 });
  });

  it('lowers the base from the day after a payment, at the fixed UK rate, and keeps later costs owed', () => {
    // £5,000 from 2024-03-15 at 13.25 %. £1,072.60 on 2024-04-23 pays the 40 days' interest (72.60) and
    // £1,000 principal. 2024-04-24…08-31: 130 d × 13.25 % on 4,000.00 = 188.7671 → 188.77. The £70 fixed
    // sum booked on 2024-05-01 came after the payment, so it is still owed.
    let gb = openClaim({ invoiceId: 'UK-9', jurisdiction: 'GB', currency: 'GBP', principalMinor: 500_000, defaultFrom: d('2024-03-15') });
    gb = bookClaimPayment(gb, { paymentId: 'P1', paidOn: d('2024-04-23'), amountMinor: 107_260 });
    gb = addClaimCost(gb, { key: claimCostKey('UK-9', 'gb-fixed-sum'), kind: 'gb-fixed-sum', amountMinor: 7_000, bookedOn: d('2024-05-01') });
    const balance = claimBalance(gb, d('2024-08-31'));
    expect(balance.periods.map(({ from, to, rateBp, baseMinor, interestMinor }) => [from, to, rateBp, baseMinor, interestMinor])).toEqual([
      ['2024-03-15', '2024-04-23', 1325, 500_000, 7_260],
      ['2024-04-24', '2024-08-31', 1325, 400_000, 18_877],
    ]);
    expect(balance).toMatchObject({ principalMinor: 400_000, interestMinor: 18_877, costsMinor: 7_000, totalMinor: 425_877 });
  });

  it('follows another allocation order when the claim has one', () => {
    const principalFirst = bookClaimPayment(withAllocationOrder(dutchClaim, ['principal', 'interest', 'costs']), {
      paymentId: 'BANK-3',
      paidOn: d('2024-06-30'),
      amountMinor: 100_000,
    });
    expect(claimBalance(principalFirst, d('2024-06-30'))).toMatchObject({ principalMinor: 900_000, interestMinor: 62_329, costsMinor: 87_500 });
  });

  it('settles the whole claim and keeps any excess apart', () => {
    // Everything owed on 2024-06-30 is 11,498.29; 11,500.00 leaves 1.71 over and nothing more accrues.
    const settled = bookClaimPayment(dutchClaim, { paymentId: 'BANK-4', paidOn: d('2024-06-30'), amountMinor: 1_150_000 });
    expect(claimBalance(settled, d('2025-06-30'))).toMatchObject({ principalMinor: 0, interestMinor: 0, costsMinor: 0, totalMinor: 0, unallocatedMinor: 171 });
  });

  it('takes payments in date order, ignores those after the date, and counts a payment before default against principal', () => {
    let sek = openClaim({ invoiceId: 'SE-1', jurisdiction: 'SE', currency: 'SEK', principalMinor: 10_000_000, defaultFrom: d('2023-05-01') });
    sek = bookClaimPayment(sek, { paymentId: 'late', paidOn: d('2023-09-01'), amountMinor: 1_000_000 });
    sek = bookClaimPayment(sek, { paymentId: 'early', paidOn: d('2023-04-20'), amountMinor: 5_000_000 });
    // 50,000 kr paid before default: interest runs on 50,000 kr only. 2023-05-01…06-30 61 d × 10.50 % =
    // 877.3973 → 877.40; 2023-07-01…08-31 62 d × 11.50 % = 976.7123 → 976.71.
    const balance = claimBalance(sek, d('2023-08-31'));
    expect(balance.allocations.map((allocation) => allocation.paymentId)).toEqual(['early']);
    expect(balance).toMatchObject({ principalMinor: 5_000_000, interestMinor: 87_740 + 97_671 });
  });

  it('flags a balance that relies on a rate carried past the end of the table', () => {
    // The built-in Dutch table ends with the second half of 2026.
    expect(claimBalance(dutchClaim, d('2026-12-31')).isRateTableStale).toBe(false);
    expect(claimBalance(dutchClaim, d('2027-03-01')).isRateTableStale).toBe(true);
  });
});
