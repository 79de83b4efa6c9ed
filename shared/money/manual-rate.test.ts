import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../time/iso-date';
import { normaliseRateText, validateManualRate } from './manual-rate';

const today = '2026-11-24' as IsoDate;
const d23 = '2026-11-23' as IsoDate;
const input = { date: '2026-11-24', base: 'GBP', quote: 'EUR', rate: '1,1464', confirmed: false };
const codes = (result: ReturnType<typeof validateManualRate>) => (result.ok ? [] : result.errors.map((error) => `${error.field}:${error.code}`));

describe('a rate typed by hand', () => {
  it('is kept exact, with a decimal comma or point, and marked as entered by hand', () => {
    expect(validateManualRate(input, { today })).toEqual({ ok: true, value: { date: '2026-11-24', base: 'GBP', quote: 'EUR', rate: '1.1464', source: 'manual' } });
    expect(validateManualRate({ ...input, base: ' gbp', rate: '1.1464' }, { today, previous: { date: '2026-11-23' as IsoDate, rate: '1.1481' } }).ok).toBe(true);
    expect(normaliseRateText('0011,0500')).toBe('11.0500');
  });

  it('names each field that is wrong: unknown or equal currencies, a date after today, a rate that is not a positive number', () => {
    expect(codes(validateManualRate({ date: '2026-11-25', base: 'XYZ', quote: 'EUR', rate: '-1.2', confirmed: false }, { today }))).toEqual(['base:unknownCurrency', 'date:futureDate', 'rate:notPositive']);
    expect(codes(validateManualRate({ date: '2026-02-30', base: 'EUR', quote: 'EUR', rate: '0', confirmed: false }, { today }))).toEqual(['quote:sameCurrency', 'date:invalidDate', 'rate:notPositive']);
    expect(codes(validateManualRate({ date: '', base: '', quote: '', rate: '', confirmed: false }, { today }))).toEqual(['base:required', 'quote:required', 'date:required', 'rate:required']);
    expect(codes(validateManualRate({ ...input, rate: '1.234,5' }, { today }))).toEqual(['rate:notPositive']);
    expect(codes(validateManualRate({ ...input, rate: '1.1234567890123' }, { today }))).toEqual(['rate:tooPrecise']);
  });

  it('asks for confirmation when it is more than 50 % away from the pair’s previous rate (a pair typed the wrong way round, 0.0905 for 11.05 kr)', () => {
    const previous = { date: '2026-11-23' as IsoDate, rate: '1.1481' };
    const result = validateManualRate({ ...input, rate: '0.8723' }, { today, previous });
    expect(codes(result)).toEqual([]);
    const doubled = validateManualRate({ ...input, rate: '2.4' }, { today, previous });
    expect(doubled.ok ? undefined : doubled.errors[0]).toMatchObject({ field: 'rate', code: 'implausible', params: { date: '2026-11-23', previous: '1.1481' } });
    expect(doubled.ok ? 0 : (doubled.errors[0]!.params!['change'] as number)).toBeCloseTo(1.0904, 4);
    expect(validateManualRate({ ...input, rate: '2.4', confirmed: true }, { today, previous }).ok).toBe(true);
    // The previous rate stored the other way round (1 EUR = 0.8723 GBP) is compared as 1 GBP = 1.1464 EUR.
    expect(codes(validateManualRate({ ...input, rate: '1.15' }, { today, previous: { date: d23, rate: '0.8723', inverted: true } }))).toEqual([]);
    expect(codes(validateManualRate({ ...input, rate: '0.8723' }, { today, previous: { date: d23, rate: '0.4', inverted: true } }))).toEqual(['rate:implausible']);
    expect(codes(validateManualRate({ ...input, rate: '0.5' }, { today, previous }))).toEqual(['rate:implausible']);
    expect(codes(validateManualRate({ date: '2026-11-24', base: 'EUR', quote: 'SEK', rate: '0,0905', confirmed: false }, { today, previous: { date: '2026-11-23' as IsoDate, rate: '11.0380' } }))).toEqual(['rate:implausible']);
  });
});
