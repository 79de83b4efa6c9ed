import { describe, expect, it } from 'vitest';
import { isCurrencyCode, minorUnitDigits, money, toDecimalString } from './money';

describe('money', () => {
  it('refuses fractions of a minor unit and unknown currencies', () => {
    expect(() => money(10.5, 'EUR')).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 2, 'EUR')).toThrow(RangeError);
    expect(() => money(100, 'EURO')).toThrow(RangeError);
    expect(money(-1999, 'SEK')).toEqual({ amountMinor: -1999, currency: 'SEK' });
  });

  it('knows the minor-unit digits of ISO 4217 currencies', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('SEK')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('writes the exact decimal of any amount, without floating-point error', () => {
    expect(toDecimalString(money(123456, 'EUR'))).toBe('1234.56');
    expect(toDecimalString(money(5, 'EUR'))).toBe('0.05');
    expect(toDecimalString(money(-7, 'GBP'))).toBe('-0.07');
    expect(toDecimalString(money(1000, 'JPY'))).toBe('1000');
    expect(toDecimalString(money(1234, 'KWD'))).toBe('1.234');
    // 2^53 - 1 cents: as a float in euros this would round.
    expect(toDecimalString(money(Number.MAX_SAFE_INTEGER, 'EUR'))).toBe('90071992547409.91');
  });

  it('recognises currency codes', () => {
    expect(isCurrencyCode('GBP')).toBe(true);
    expect(isCurrencyCode('gbp')).toBe(false);
    expect(isCurrencyCode('XYZ1')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(isCurrencyCode('SEK')).toBe(true);
  });
});
