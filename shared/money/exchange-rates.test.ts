import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber, toIsoDate } from '../time/iso-date';
import { applyBasisPoints, divideRounded } from './basis-points';
import { ExchangeRateTable, MissingExchangeRateError, STALE_RATE_DAYS } from './exchange-rates';
import { money } from './money';

const d = toIsoDate;

describe('applyBasisPoints', () => {
  it('gives what exact BigInt arithmetic gives, for any whole amount and percentage', () => {
    // Small products are worked out in doubles (basis-points.ts); they must round as the BigInt path does.
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }).filter((value) => value % 7 !== 3), fc.integer({ min: 0, max: 10_000 }), (amountMinor, basisPoints) => {
        expect(applyBasisPoints(amountMinor, basisPoints)).toBe(divideRounded(BigInt(amountMinor) * BigInt(basisPoints), 10_000n));
        expect(applyBasisPoints(amountMinor % 1e9, basisPoints)).toBe(divideRounded(BigInt(amountMinor % 1e9) * BigInt(basisPoints), 10_000n));
      }),
      { numRuns: 1_000 },
    );
  });

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
    expect(() => table.convert(money(100, 'SEK'), 'USD', d('2026-11-24'))).toThrow(/SEK to USD/);
    expect(table.has('EUR', 'EUR', d('2000-01-01'))).toBe(true);
  });

  it('crosses two currencies through EUR exactly, rounding once', () => {
    // £1,000.00 → SEK at 11.2000 / 0.8750 = 12.8 SEK per GBP exactly: 12,800.00 kr.
    expect(table.convert(money(100_000, 'GBP'), 'SEK', d('2026-11-24'))).toEqual(money(1_280_000, 'SEK'));
    // 1,000.00 kr → GBP: 1000 × 0.8750 / 11.2000 = 78.125 → £78.13 (half up, once; two roundings would give £78.12).
    expect(table.convert(money(100_000, 'SEK'), 'GBP', d('2026-11-24'))).toEqual(money(7_813, 'GBP'));
    expect(table.rateUsed('SEK', 'GBP', d('2026-11-24'))).toEqual({ date: '2026-11-02', via: 'EUR' });
    // On 1 November the SEK leg exists (30 October) but the GBP leg does not yet.
    expect(table.has('SEK', 'GBP', d('2026-11-01'))).toBe(false);
  });

  it('tells the date of the rate it uses, however old, so the screens can say how stale it is', () => {
    expect(STALE_RATE_DAYS).toBe(7);
    expect(table.rateUsed('EUR', 'GBP', d('2027-03-01'))).toEqual({ date: '2026-11-02', via: undefined });
    expect(table.convert(money(100_000, 'EUR'), 'GBP', d('2027-03-01'))).toEqual(money(87_500, 'GBP'));
    expect(table.rateUsed('EUR', 'GBP', d('2026-11-01'))).toBeUndefined();
  });

  it('takes a rate typed by hand over a file’s for the same day, whichever way round either is given', () => {
    const corrected = new ExchangeRateTable([
      { date: d('2026-11-02'), base: 'EUR', quote: 'GBP', rate: '0.8750', source: 'ecb' },
      { date: d('2026-11-02'), base: 'GBP', quote: 'EUR', rate: '1.25', source: 'manual' },
      { date: d('2026-11-02'), base: 'EUR', quote: 'SEK', rate: '11.00', source: 'ecb' },
      { date: d('2026-11-02'), base: 'EUR', quote: 'SEK', rate: '11.50', source: 'riksbank' },
    ]);
    expect(corrected.convert(money(100_000, 'GBP'), 'EUR', d('2026-11-03'))).toEqual(money(125_000, 'EUR'));
    expect(corrected.convert(money(100_000, 'EUR'), 'SEK', d('2026-11-03'))).toEqual(money(1_150_000, 'SEK'));
  });

  it('finds the same rate as a walk through every dated rate would, for any dates', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: -10, max: 450 }), (days, asked) => {
        const start = toDayNumber(d('2026-01-01'));
        const rates = days.map((day) => ({ date: fromDayNumber(start + day), base: 'EUR', quote: 'SEK', rate: `${10 + day}.5` }));
        const expected = [...days].sort((a, b) => a - b).filter((day) => day <= asked).at(-1);
        const converted = new ExchangeRateTable(rates).has('EUR', 'SEK', fromDayNumber(start + asked))
          ? new ExchangeRateTable(rates).convert(money(100, 'EUR'), 'SEK', fromDayNumber(start + asked)).amountMinor
          : undefined;
        expect(converted).toBe(expected === undefined ? undefined : (10 + expected) * 100 + 50);
      }),
      { numRuns: 200 },
    );
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

  it('converts through a conversion looked up once exactly as convert and convertParts do, for small sums and sums too large for doubles', () => {
    // conversion() works in doubles while every product stays below 2^51 and falls back to BigInt above it;
    // a result beyond the safe integers is refused alike.
    const outcome = <T>(work: () => T): T | string => {
      try {
        return work();
      } catch (error) {
        return String(error);
      }
    };
    const amount = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -Math.floor(Number.MAX_SAFE_INTEGER / 1e4), max: Math.floor(Number.MAX_SAFE_INTEGER / 1e4) }));
    // Rates from 0.01 to 99.99999999 with eight decimals, as central banks publish them.
    const rate = fc.oneof(
      fc.integer({ min: 100, max: 999_999 }).map((tenThousandths) => `${Math.floor(tenThousandths / 1e4)}.${String(tenThousandths % 1e4).padStart(4, '0')}`),
      fc.integer({ min: 1_000_000, max: 9_999_999_999 }).map((hundredMillionths) => `${Math.floor(hundredMillionths / 1e8)}.${String(hundredMillionths % 1e8).padStart(8, '0')}`),
    );
    fc.assert(
      fc.property(rate, fc.constantFrom('SEK', 'JPY', 'KWD'), fc.array(amount, { minLength: 1, maxLength: 6 }), (value, quote, amounts) => {
        const rates = new ExchangeRateTable([{ date: d('2026-11-02'), base: 'EUR', quote, rate: value }]);
        for (const [from, to] of [['EUR', quote], [quote, 'EUR']] as const) {
          const conversion = rates.conversion(from, to, d('2026-11-24'))!;
          for (const amountMinor of amounts) expect(outcome(() => conversion.amount(amountMinor))).toEqual(outcome(() => rates.convert(money(amountMinor, from), to, d('2026-11-24')).amountMinor));
          expect(outcome(() => conversion.parts(amounts))).toEqual(outcome(() => rates.convertParts(amounts, from, to, d('2026-11-24'))));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('rejects rates that are not positive decimals', () => {
    expect(() => new ExchangeRateTable([{ date: d('2026-11-02'), base: 'EUR', quote: 'SEK', rate: '11,20' }])).toThrow(RangeError);
    expect(() => new ExchangeRateTable([{ date: d('2026-11-02'), base: 'EUR', quote: 'SEK', rate: '0.000' }])).toThrow(RangeError);
  });
});
