/**
 * Decimal numbers as plain text (`-1234.5`: ASCII minus, `.` as the decimal point, no grouping, never an
 * exponent), for files that other programs read back. Everything here works on the digits of a string, so
 * no floating-point arithmetic can add or lose a cent: a double enters only through its shortest
 * round-trip form (`String(0.07)` is "0.07", not 0.07000000000000000666…).
 */
export type DecimalText = `${number}`;

const EXPONENT_FORM = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;

/** The shortest decimal that reads back as `value`, written out in full: 1e21 → "1000000000000000000000". */
export function plainDecimalText(value: number): DecimalText {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const shortest = String(value); // -0 gives "0"
  const match = EXPONENT_FORM.exec(shortest);
  if (!match) return shortest as DecimalText;
  const [, sign = '', integer = '', fraction = '', exponent = '0'] = match;
  return shiftDecimalPoint(`${sign}${integer}.${fraction}` as DecimalText, Number(exponent));
}

/** Multiplies a decimal text by 10^places (negative: divides) by moving its decimal point. */
export function shiftDecimalPoint(text: DecimalText, places: number): DecimalText {
  const negative = text.startsWith('-');
  const [integer = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  let digits = integer + fraction;
  let point = integer.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const decimals = digits.slice(point).replace(/0+$/, '');
  const unsigned = decimals ? `${whole}.${decimals}` : whole;
  const isZero = /^[0.]*$/.test(unsigned);
  return `${negative && !isZero ? '-' : ''}${unsigned}` as DecimalText;
}

const roundingFormatters = new Map<number, Intl.NumberFormat>();

/**
 * Rounds a decimal text to exactly `fractionDigits` decimals, half away from zero ("2.345" → "2.35").
 * `Intl.NumberFormat` rounds strings in decimal, exactly (ECMA-402, Intl.NumberFormat v3); its `en`
 * output is plain ASCII with grouping off, and "-0.0" becomes "0.0".
 */
export function roundDecimalText(text: DecimalText, fractionDigits: number): DecimalText {
  let formatter = roundingFormatters.get(fractionDigits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en', {
      useGrouping: false,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      signDisplay: 'negative',
    });
    roundingFormatters.set(fractionDigits, formatter);
  }
  return formatter.format(text) as DecimalText;
}
