import { describe, expect, it } from 'vitest';
import { averageDaysDelinquent, bestPossibleDso, collectionEffectivenessIndex, countbackDso, standardDso, weightedDaysLate } from './collection-kpis';

// The worked examples of law-and-formats.md part C, in euros ×100 (minor units).
describe('DSO', () => {
  const receivables = 5_000_000; // €50,000
  const months = [
    { salesMinor: 3_000_000, days: 31 }, // March
    { salesMinor: 2_500_000, days: 28 }, // February
    { salesMinor: 2_000_000, days: 31 }, // January
  ];

  it('standard three-month DSO is 60.0 days', () => {
    expect(standardDso(receivables, 7_500_000, 90)).toBeCloseTo(60.0, 10);
  });

  it('countback DSO is 31 + 20,000/25,000 × 28 = 53.4 days', () => {
    expect(countbackDso(receivables, months)).toBeCloseTo(53.4, 10);
  });

  it('countback stops at the months it has, and stays 0 without receivables', () => {
    expect(countbackDso(10_000_000, months)).toBe(90);
    expect(countbackDso(0, months)).toBe(0);
    expect(countbackDso(100, [])).toBeUndefined();
  });

  it('best possible DSO and ADD split DSO into on-time and late days', () => {
    const bestPossible = bestPossibleDso(2_500_000, 7_500_000, 90); // half of AR not yet due
    expect(bestPossible).toBeCloseTo(30, 10);
    expect(averageDaysDelinquent(standardDso(receivables, 7_500_000, 90), bestPossible)).toBeCloseTo(30, 10);
    expect(standardDso(receivables, 0, 90)).toBeUndefined();
    expect(averageDaysDelinquent(undefined, 30)).toBeUndefined();
  });
});

describe('collectionEffectivenessIndex', () => {
  it('is 3,490 / 6,240 = 55.9 % in the creditguru example', () => {
    const cei = collectionEffectivenessIndex({
      beginningReceivablesMinor: 620_000,
      creditSalesMinor: 1_089_000,
      months: 3,
      endingTotalReceivablesMinor: 634_000,
      endingCurrentReceivablesMinor: 359_000,
    });
    expect(cei).toBeCloseTo(55.93, 2);
  });

  it('is 100 % when everything collectable was collected', () => {
    expect(collectionEffectivenessIndex({ beginningReceivablesMinor: 1000, creditSalesMinor: 3000, months: 3, endingTotalReceivablesMinor: 500, endingCurrentReceivablesMinor: 500 })).toBe(100);
  });
});

describe('weightedDaysLate', () => {
  it('weights days late by the amount paid', () => {
    // €1,000 paid 10 days late and €3,000 on time: 10,000 / 4,000 = 2.5 days.
    expect(weightedDaysLate({ weightedDaysMinor: 100_000 * 10, amountMinor: 400_000 })).toBe(2.5);
    expect(weightedDaysLate({ weightedDaysMinor: 0, amountMinor: 0 })).toBeUndefined();
  });
});
