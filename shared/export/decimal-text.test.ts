import { describe, expect, it } from 'vitest';
import { plainDecimalText, roundDecimalText, shiftDecimalPoint } from './decimal-text';

describe('plainDecimalText', () => {
  it('writes the shortest decimal of a number without an exponent', () => {
    expect(plainDecimalText(0.07)).toBe('0.07');
    expect(plainDecimalText(-1234.5)).toBe('-1234.5');
    expect(plainDecimalText(1e21)).toBe('1000000000000000000000');
    expect(plainDecimalText(1.5e-7)).toBe('0.00000015');
    expect(plainDecimalText(-1.2345e-10)).toBe('-0.00000000012345');
    expect(plainDecimalText(-0)).toBe('0');
  });

  it('refuses NaN and infinities', () => {
    expect(() => plainDecimalText(Number.NaN)).toThrow(RangeError);
    expect(() => plainDecimalText(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('shiftDecimalPoint', () => {
  it('turns a ratio into percent without floating-point error', () => {
    // 0.07 * 100 is 7.000000000000001 in floating point.
    expect(shiftDecimalPoint('0.07', 2)).toBe('7');
    expect(shiftDecimalPoint('0.855', 2)).toBe('85.5');
    expect(shiftDecimalPoint('1.5', 2)).toBe('150');
    expect(shiftDecimalPoint('-0.0004', 2)).toBe('-0.04');
    expect(shiftDecimalPoint('12', -3)).toBe('0.012');
    expect(shiftDecimalPoint('-0', 2)).toBe('0');
  });
});

describe('roundDecimalText', () => {
  it('rounds half away from zero to a fixed number of decimals', () => {
    expect(roundDecimalText('85.25', 1)).toBe('85.3');
    expect(roundDecimalText('-85.25', 1)).toBe('-85.3');
    expect(roundDecimalText('1.005', 2)).toBe('1.01');
    expect(roundDecimalText('85', 1)).toBe('85.0');
    expect(roundDecimalText('-0.04', 1)).toBe('0.0');
    expect(roundDecimalText('123456789012345678901.235', 2)).toBe('123456789012345678901.24');
  });
});
