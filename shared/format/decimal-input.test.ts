import { describe, expect, it } from 'vitest';
import { decimalSeparatorOf, formatAmountInput, formatPercentInput, parseAmountInput, parseDecimalInput, parsePercentInput } from './decimal-input';

describe('decimal input', () => {
  it('knows each language’s decimal separator', () => {
    expect([decimalSeparatorOf('nl-NL'), decimalSeparatorOf('sv-SE'), decimalSeparatorOf('en-GB')]).toEqual([',', ',', '.']);
  });

  it('reads amounts as typed in Dutch, Swedish and English into minor units', () => {
    expect(parseAmountInput('10.000,50', 'nl-NL', 'EUR')).toBe(1_000_050);
    expect(parseAmountInput('10000,5', 'nl-NL', 'EUR')).toBe(1_000_050);
    expect(parseAmountInput('10\u00a0000,50', 'sv-SE', 'SEK')).toBe(1_000_050);
    expect(parseAmountInput('10 000', 'sv-SE', 'SEK')).toBe(1_000_000);
    expect(parseAmountInput('10,000.50', 'en-GB', 'GBP')).toBe(1_000_050);
    expect(parseAmountInput('1.000', 'nl-NL', 'JPY')).toBe(1_000);
  });

  it('takes the other separator as the decimal where it cannot group thousands', () => {
    expect(parseAmountInput('12.5', 'nl-NL', 'EUR')).toBe(1_250);
    expect(parseAmountInput('12,5', 'en-GB', 'EUR')).toBe(1_250);
    expect(parseAmountInput('1,250', 'en-GB', 'EUR')).toBe(125_000);
  });

  it('refuses what is not a plain non-negative amount', () => {
    for (const text of ['', ' ', 'abc', '-5', '1,2,3', '1.2.3,4,5', '12,345', '1e5', '10,001']) {
      expect(parseAmountInput(text, 'nl-NL', 'EUR'), text).toBeUndefined();
    }
    expect(parseAmountInput('12,300', 'nl-NL', 'EUR')).toBe(1_230);
    expect(parseDecimalInput('99999999999999999', ',', 2)).toBeUndefined();
  });

  it('reads percentages into basis points, with or without the sign', () => {
    expect(parsePercentInput('5', 'nl-NL')).toBe(500);
    expect(parsePercentInput('5,5', 'sv-SE')).toBe(550);
    expect(parsePercentInput('12.25 %', 'en-GB')).toBe(1_225);
    expect(parsePercentInput('5%', 'nl-NL')).toBe(500);
    expect(parsePercentInput('5,555', 'nl-NL')).toBeUndefined();
  });

  it('writes amounts and percentages for the input fields so that they read back unchanged', () => {
    expect(formatAmountInput(123_456, 'EUR', 'nl-NL')).toBe('1.234,56');
    expect(formatAmountInput(123_456, 'GBP', 'en-GB')).toBe('1,234.56');
    expect(parseAmountInput(formatAmountInput(123_456_789, 'SEK', 'sv-SE'), 'sv-SE', 'SEK')).toBe(123_456_789);
    expect(formatPercentInput(500, 'nl-NL')).toBe('5');
    expect(formatPercentInput(550, 'sv-SE')).toBe('5,5');
    expect(formatPercentInput(1_225, 'en-GB')).toBe('12.25');
    expect(formatPercentInput(5, 'en-GB')).toBe('0.05');
  });
});
