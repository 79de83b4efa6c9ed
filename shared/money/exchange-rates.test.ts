import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../time/iso-date';
import { applyBasisPoints, divideRounded } from './basis-points';
import { ExchangeRateTable, MissingExchangeRateError } from './exchange-rates';
import { money } from './money';

const d = toIsoDate;

describe('applyBasisPoints', () => {
  it('takes an exact percentage of an amount, rounding half away from zero', () => {
    expect(applyBasisPoints(1_000_000, 9000)).toBe(900_000); // 90 % of €10,000.00
    expect(applyBasisPoints(12_345, 9000)).toBe(11_111); // 11,110.5 → 11,111
    expect(applyBasisPoints(-12_345, 9000)).toBe(-11_111);
    expect(applyBasisPoints(1, 5000)).toBe(1); // half a cent rounds up
  });

  it('stays exact where doubles would not', () => {
    // Computed as doubles, Math.round(4503599627370497 * 9000 / 10000) gives …448: one cent off.
    expect(applyBasisPoints(4_503_599_627_370_497, 9000)).toBe(4_053_239_664_633_447);
    expect(applyBasisPoints(1_234_567_890_123_457, 7777)).toBe(960_123_448_149_013);
  });

  it('refuses fractions', () => {
    expect(() => applyBasisPoints(10.5, 9000)).toThrow(RangeError);
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});

describe('ExchangeRateTable', () => {
  const table = new ExchangeRateTable([
    { date: d('2026-10-30'), base: 'EUR', quote: 'SEK', rate: '11.0150' },
    { date: d('2026-11-02'), base: 'EUR', quote: 'SEK', rate: '11.2000' },
    { date: d('2026-11-02'), base: 'EUR', quote: 'GBP', rate: '0.8750' },
    { date: d('2026-11-02'), base: 'EUR', quote: 'JPY', rate: '162.50' },
  ]);

  it('uses the latest rate published on or before the date', () => {
    expect(table.convert(money(100_000, 'EUR'), 'SEK', d('2026-11-01'))).toEqual(money(1_101_500, 'SEK'));
    expect(table.convert(money(100_000, 'EUR'), 'SEK', d('2026-11-24'))).toEqual(money(1_120_000, 'SEK'));
  });

  it('converts the other way exactly, rounding to the cent', () => {
    // 1,000.00 SEK / 11.20 = 89.2857… EUR
    expect(table.convert(money(100_000, 'SEK'), 'EUR', d('2026-11-24'))).toEqual(money(8_929, 'EUR'));
    expect(table.convert(money(87_500, 'GBP'), 'EUR', d('2026-11-24'))).toEqual(money(100_000, 'EUR'));
  });

  it('handles currencies without minor units', () => {
    expect(table.convert(money(1_000, 'EUR'), 'JPY', d('2026-11-24'))).toEqual(money(1_625, 'JPY'));
    expect(table.convert(money(1_625, 'JPY'), 'EUR', d('2026-11-24'))).toEqual(money(1_000, 'EUR'));
  });

  it('says which rate is missing', () => {
    expect(() => table.convert(money(100, 'EUR'), 'SEK', d('2026-10-01'))).toThrow(MissingExchangeRateError);
    expect(() => table.convert(money(100, 'SEK'), 'GBP', d('2026-11-24'))).toThrow(/SEK to GBP/);
    expect(table.has('EUR', 'EUR', d('2000-01-01'))).toBe(true);
  });

  it('converts parts so that they add up to the converted whole', () => {
    // Each SEK 10.00 is €0.8929 at 11.20: rounded one by one, three of them would make €2.67, not €2.68.
    const parts = table.convertParts([1_000, 1_000, 1_000], 'SEK', 'EUR', d('2026-11-24'));
    expect(parts.reduce((sum, part) => sum + part, 0)).toBe(table.convert(money(3_000, 'SEK'), 'EUR', d('2026-11-24')).amountMinor);
    expect(parts).toEqual([90, 89, 89]);
    const mixed = table.convertParts([12_345, -678, 0, 99_999], 'SEK', 'EUR', d('2026-11-24'));
    expect(mixed.reduce((sum, part) => sum + part, 0)).toBe(table.convert(money(111_666, 'SEK'), 'EUR', d('2026-11-24')).amountMinor);
    expect(table.convertParts([5, 7], 'EUR', 'EUR', d('2026-11-24'))).toEqual([5, 7]);
  });

  it('rejects rates that are not positive decimals', () => {
    expect(() => new ExchangeRateTable([{ date: d('2026-11-02'), base: 'EUR', quote: 'SEK', rate: '11,20' }])).toThrow(RangeError);
    expect(() => new ExchangeRateTable([{ date: d('2026-11-02'), base: 'EUR', quote: 'SEK', rate: '0.000' }])).toThrow(RangeError);
  });
});
