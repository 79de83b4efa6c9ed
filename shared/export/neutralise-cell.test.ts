import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseCell, neutraliseText } from './neutralise-cell';

describe('neutraliseText', () => {
  it('prefixes text that a spreadsheet would evaluate as a formula with a single quote', () => {
    expect(neutraliseText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutraliseText('+1')).toBe("'+1");
    expect(neutraliseText('-2+3')).toBe("'-2+3");
    expect(neutraliseText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseText('\t=1+1')).toBe("'\t=1+1");
    expect(neutraliseText('\r=1+1')).toBe("'\r=1+1");
  });

  it('leaves ordinary text alone, including formula characters after the first', () => {
    expect(neutraliseText('Bakkerij de Vries B.V.')).toBe('Bakkerij de Vries B.V.');
    expect(neutraliseText('INV-2026-0001')).toBe('INV-2026-0001');
    expect(neutraliseText('a=b')).toBe('a=b');
    expect(neutraliseText('')).toBe('');
    expect(neutraliseText("'=already quoted")).toBe("'=already quoted");
    expect(looksLikeFormula(' =1')).toBe(false);
  });
});

describe('neutraliseCell', () => {
  it('keeps numbers numeric, negative ones included, and empty cells empty', () => {
    expect(neutraliseCell(-12.5)).toBe(-12.5);
    expect(neutraliseCell(0)).toBe(0);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell('-12.5')).toBe("'-12.5");
  });
});
