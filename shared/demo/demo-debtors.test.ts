import { describe, expect, it } from 'vitest';
import { DEMO_DEBTOR_COUNT, generateDemoDebtors } from './demo-debtors';

describe('generateDemoDebtors', () => {
  it('produces the same portfolio on every run', () => {
    expect(generateDemoDebtors()).toEqual(generateDemoDebtors());
    expect(generateDemoDebtors(1)).not.toEqual(generateDemoDebtors(2));
  });

  it('gives every debtor a unique id, a currency matching its country, and whole minor units', () => {
    const debtors = generateDemoDebtors();
    expect(debtors).toHaveLength(DEMO_DEBTOR_COUNT);
    expect(new Set(debtors.map((debtor) => debtor.id)).size).toBe(DEMO_DEBTOR_COUNT);
    const currencyOf = { NL: 'EUR', SE: 'SEK', GB: 'GBP' } as const;
    for (const debtor of debtors) {
      expect(debtor.currency).toBe(currencyOf[debtor.country]);
      expect(Number.isSafeInteger(debtor.exposureMinor) && debtor.exposureMinor >= 0).toBe(true);
      expect(Number.isSafeInteger(debtor.limitMinor) && debtor.limitMinor >= 0).toBe(true);
    }
    expect(new Set(debtors.map((debtor) => debtor.country))).toEqual(new Set(['NL', 'SE', 'GB']));
  });
});
