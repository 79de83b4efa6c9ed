import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator, parseAmount, parseAmountInFull } from './parse-amount';
import { detectDateFormat, parseDate } from './parse-date';

describe('parseAmount', () => {
  const euros = (text: string, decimal: ',' | '.') => parseAmount(text, decimal, 2);

  it('reads the ways exports write amounts, exactly', () => {
    expect(euros('1.234,56', ',')).toEqual({ ok: true, minor: 123_456 });
    expect(euros('1 234,56', ',')).toEqual({ ok: true, minor: 123_456 });
    expect(euros('1\u00a0234,56', ',')).toEqual({ ok: true, minor: 123_456 });
    expect(euros('1,234.56', '.')).toEqual({ ok: true, minor: 123_456 });
    expect(euros('-1234,5', ',')).toEqual({ ok: true, minor: -123_450 });
    expect(euros('1234,56-', ',')).toEqual({ ok: true, minor: -123_456 });
    expect(euros('(1,234.56)', '.')).toEqual({ ok: true, minor: -123_456 });
    expect(euros('€ 1.234,56', ',')).toEqual({ ok: true, minor: 123_456 });
    expect(euros('EUR 12,00', ',')).toEqual({ ok: true, minor: 1_200 });
    expect(euros('12 kr', ',')).toEqual({ ok: true, minor: 1_200 });
    expect(euros('0,10', ',')).toEqual({ ok: true, minor: 10 });
    expect(euros('7', ',')).toEqual({ ok: true, minor: 700 });
    expect(parseAmount('1.234', ',', 0)).toEqual({ ok: true, minor: 1_234 });
  });

  it('reads signs, brackets and currency marks wherever exports put them', () => {
    expect(euros(' (1.234,56) ', ',')).toEqual({ ok: true, minor: -123_456 });
    expect(euros('\u2212 12,50', ',')).toEqual({ ok: true, minor: -1_250 });
    expect(euros('+12,00', ',')).toEqual({ ok: true, minor: 1_200 });
    expect(euros('EUR -12,00', ',')).toEqual({ ok: true, minor: -1_200 });
    expect(euros('-€ 12,00', ',')).toEqual({ ok: true, minor: -1_200 });
    expect(euros('-0,00', ',')).toEqual({ ok: true, minor: 0 });
    expect(euros('€12,00', ',')).toEqual({ ok: true, minor: 1_200 });
    expect(euros('EUR12,00', ',')).toEqual({ ok: true, minor: 1_200 });
    expect(euros('kr 12,00', ',')).toEqual({ ok: true, minor: 1_200 });
    expect(euros('12,00 EUR', ',')).toEqual({ ok: true, minor: 1_200 });
    expect(euros('12,00EUR', ',')).toEqual({ ok: true, minor: 1_200 });
    expect(euros('1.234,56 SEK', ',')).toEqual({ ok: true, minor: 123_456 });
    expect(euros('12:-', ',')).toEqual({ ok: true, minor: 1_200 });
    // ERPs that keep four decimals: the zeros beyond the cents change nothing.
    expect(euros('1234,5000', ',')).toEqual({ ok: true, minor: 123_450 });
    expect(euros('7', '.')).toEqual({ ok: true, minor: 700 });
    expect(euros('#12.00', '.')).toEqual({ ok: false, code: 'amountInvalid' });
    expect(euros('12.00#', '.')).toEqual({ ok: false, code: 'amountInvalid' });
  });

  it('says what is wrong with an amount it cannot read', () => {
    expect(euros('12,345', ',')).toEqual({ ok: false, code: 'amountTooPrecise' });
    expect(euros('twelve', ',')).toEqual({ ok: false, code: 'amountInvalid' });
    expect(euros('', ',')).toEqual({ ok: false, code: 'amountInvalid' });
    expect(euros('1,2,3', ',')).toEqual({ ok: false, code: 'amountInvalid' });
    expect(euros('99999999999999999', ',')).toEqual({ ok: false, code: 'amountTooLarge' });
  });

  it('gives back exactly the cents that were written (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_000_000_000_000, max: 9_000_000_000_000 }), (cents) => {
        const abs = Math.abs(cents);
        const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const text = `${cents < 0 ? '-' : ''}${whole},${String(abs % 100).padStart(2, '0')}`;
        expect(euros(text, ',')).toEqual({ ok: true, minor: cents === 0 ? 0 : cents });
      }),
    );
  });
  // Guard for the fast path of plain amounts (issue 14): whatever the text, the same as the full reading.
  it('reads plain amounts the quick way exactly as the full reading does (property)', () => {
    const character = fc.constantFrom(...'0123456789,.-+ ()€\u00a0\u2212eE'.split(''));
    const text = fc.oneof(fc.string({ unit: character, maxLength: 24 }), fc.string({ maxLength: 12 }), fc.stringMatching(/^-?\d{0,20}([.,]\d{0,6})?-?$/));
    fc.assert(
      fc.property(text, fc.constantFrom<',' | '.'>(',', '.'), fc.constantFrom(0, 2, 3), (input, decimal, digits) => {
        expect(parseAmount(input, decimal, digits)).toEqual(parseAmountInFull(input, decimal, digits));
      }),
      { numRuns: 5_000 },
    );
    for (const input of ['-', '--1', '-1-', ',5', '-,5', '5,', '5,-', '0012,50', '-0', '0,000', '1,2,3', '12,345', '99999999999999999', '1'.repeat(400), '90071992547409,91', '90071992547409,92', '90071992547409,9', '9007199254740991', '9007199254740992-', '0'.repeat(30) + '1,5']) {
      for (const decimal of [',', '.'] as const) expect(parseAmount(input, decimal, 2), input).toEqual(parseAmountInFull(input, decimal, 2));
    }
  });
});

describe('detectDecimalSeparator', () => {
  it('tells Dutch from British columns, and leaves ambiguous ones to the locale', () => {
    expect(detectDecimalSeparator(['1.234,56', '12,00', '9,5'], '.')).toBe(',');
    expect(detectDecimalSeparator(['1,234.56', '12.00'], ',')).toBe('.');
    expect(detectDecimalSeparator(['1,234', '2,500'], ',')).toBe(',');
    expect(detectDecimalSeparator(['1,234', '2,500', '12.50'], ',')).toBe('.');
    expect(detectDecimalSeparator(['100', '250'], ',')).toBe(',');
  });

  it('decides on one sample, and on amounts written without a leading zero', () => {
    expect(detectDecimalSeparator(['1.234,56'], '.')).toBe(',');
    expect(detectDecimalSeparator([' 1,234.56 '], ',')).toBe('.');
    expect(detectDecimalSeparator([',50'], '.')).toBe(',');
    expect(detectDecimalSeparator(['.50'], ',')).toBe('.');
    expect(detectDecimalSeparator(['.123,45'], '.')).toBe(',');
    expect(detectDecimalSeparator([',123.45'], ',')).toBe('.');
    // Three digits after a comma are decimals when what comes before cannot be a thousands group.
    expect(detectDecimalSeparator(['1234,567'], '.')).toBe(',');
    expect(detectDecimalSeparator(['12345.678'], ',')).toBe('.');
    // …and ambiguous when it can, with or without a currency mark.
    expect(detectDecimalSeparator(['12,345'], '.')).toBe('.');
    expect(detectDecimalSeparator(['1.234'], ',')).toBe(',');
    expect(detectDecimalSeparator(['1,234 kr'], '.')).toBe('.');
  });
});

describe('dates', () => {
  it('reads each format and refuses impossible dates', () => {
    expect(parseDate('2026-11-24', 'YYYY-MM-DD')).toBe('2026-11-24');
    expect(parseDate('2026-11-24T10:00:00', 'YYYY-MM-DD')).toBe('2026-11-24');
    expect(parseDate('24-11-2026', 'DD-MM-YYYY')).toBe('2026-11-24');
    expect(parseDate('4-3-2026', 'DD-MM-YYYY')).toBe('2026-03-04');
    expect(parseDate('24/11/2026', 'DD/MM/YYYY')).toBe('2026-11-24');
    expect(parseDate('11/24/2026', 'MM/DD/YYYY')).toBe('2026-11-24');
    expect(parseDate('24.11.2026', 'DD.MM.YYYY')).toBe('2026-11-24');
    expect(parseDate('20261124', 'YYYYMMDD')).toBe('2026-11-24');
    expect(parseDate('24-11-26', 'DD-MM-YY')).toBe('2026-11-24');
    expect(parseDate('46350', 'excel-serial')).toBe('2026-11-24');
    expect(parseDate('31-02-2026', 'DD-MM-YYYY')).toBeUndefined();
    expect(parseDate('2026-13-01', 'YYYY-MM-DD')).toBeUndefined();
  });

  it('detects the format from samples, day first when both readings fit', () => {
    expect(detectDateFormat(['2026-11-24', '2026-01-05'])).toBe('YYYY-MM-DD');
    expect(detectDateFormat(['03/04/2026', '05/06/2026'])).toBe('DD/MM/YYYY');
    expect(detectDateFormat(['03/04/2026', '11/24/2026'])).toBe('MM/DD/YYYY');
    expect(detectDateFormat(['24-11-2026', '1-2-2026'])).toBe('DD-MM-YYYY');
    expect(detectDateFormat(['46350', '46000'])).toBe('excel-serial');
    expect(detectDateFormat(['tomorrow'])).toBeUndefined();
    // One impossible date among good ones does not hide the format; it is refused on its own row.
    expect(detectDateFormat(['01-10-2026', '31-09-2026', '02-10-2026', '05-10-2026', '06-10-2026'])).toBe('DD-MM-YYYY');
    expect(detectDateFormat(['01-10-2026', 'soon', 'later'])).toBeUndefined();
  });
});
