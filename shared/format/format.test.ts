import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { toIsoDate } from '../time/iso-date';
import { formatDate } from './format-date';
import { formatMoney } from './format-money';
import { basisPointsAsRatio, formatBasisPoints, formatNumber, formatPercent } from './format-number';

// Intl output uses narrow no-break spaces and no-break spaces; normalise them to compare readably.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('follows each language’s conventions for the same amount', () => {
    const amount = money(123456789, 'EUR');
    expect(plain(formatMoney(amount, 'nl-NL'))).toBe('€ 1.234.567,89');
    expect(plain(formatMoney(amount, 'en-GB'))).toBe('€1,234,567.89');
    expect(plain(formatMoney(money(123456789, 'SEK'), 'sv-SE'))).toBe('1 234 567,89 kr');
    expect(plain(formatMoney(money(-4000, 'GBP'), 'en-GB'))).toBe('-£40.00');
  });

  it('formats amounts beyond float precision to the cent', () => {
    expect(plain(formatMoney(money(Number.MAX_SAFE_INTEGER, 'EUR'), 'en-GB'))).toBe('€90,071,992,547,409.91');
  });
});

describe('formatDate', () => {
  it('writes a business date in each locale’s order, independent of the time zone', () => {
    const date = toIsoDate('2026-03-01');
    expect(formatDate(date, 'nl-NL')).toBe('01-03-2026');
    expect(formatDate(date, 'sv-SE')).toBe('2026-03-01');
    expect(formatDate(date, 'en-GB')).toBe('01/03/2026');
    expect(formatDate(date, 'nl-NL', 'long')).toBe('1 maart 2026');
    expect(formatDate(date, 'sv-SE', 'long')).toBe('1 mars 2026');
  });
});

describe('formatNumber and formatPercent', () => {
  it('use the locale’s separators', () => {
    expect(plain(formatNumber(1234567, 'sv-SE'))).toBe('1 234 567');
    expect(formatNumber(1234.5, 'nl-NL', 1)).toBe('1.234,5');
    expect(plain(formatPercent(0.875, 'nl-NL'))).toBe('87,5%');
    expect(formatPercent(0.875, 'en-GB')).toBe('87.5%');
  });
});

describe('rates in basis points', () => {
  it('shows a statutory rate to the basis point, never rounded through a float', () => {
    expect(formatBasisPoints(1015, 'en-GB')).toBe('10.15%');
    expect(formatBasisPoints(1015, 'nl-NL')).toBe('10,15%');
    expect(plain(formatBasisPoints(-50, 'sv-SE'))).toBe('−0,5 %');
    expect(basisPointsAsRatio(1015)).toBe('0.1015');
  });
});
