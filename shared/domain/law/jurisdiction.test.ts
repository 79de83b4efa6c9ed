import { describe, expect, it } from 'vitest';
import { assertJurisdictionCurrency, isLawJurisdiction } from './jurisdiction';

describe('jurisdiction currency', () => {
  it('accepts each law in its own currency', () => {
    expect(() => assertJurisdictionCurrency('NL', 'EUR')).not.toThrow();
    expect(() => assertJurisdictionCurrency('EU', 'EUR')).not.toThrow();
    expect(() => assertJurisdictionCurrency('SE', 'SEK')).not.toThrow();
    expect(() => assertJurisdictionCurrency('GB', 'GBP')).not.toThrow();
  });

  it('refuses a mismatched or unknown currency and an unknown jurisdiction', () => {
    expect(() => assertJurisdictionCurrency('SE', 'EUR')).toThrow(RangeError);
    expect(() => assertJurisdictionCurrency('GB', 'EUR')).toThrow(/GBP/);
    expect(() => assertJurisdictionCurrency('NL', 'XYZ')).toThrow(RangeError);
    expect(() => assertJurisdictionCurrency('UK' as never, 'GBP')).toThrow(RangeError);
    expect(isLawJurisdiction('UK')).toBe(false);
    expect(isLawJurisdiction('GB')).toBe(true);
  });
});
