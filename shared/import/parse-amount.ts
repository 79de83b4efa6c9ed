/**
 * Amounts as ERP exports and bank files write them, turned into whole minor units without ever passing
 * through a float: "1.234,56" (nl), "1 234,56" (sv, with a space or no-break space), "1,234.56" (en),
 * "-1234,56", "1234,56-" (trailing minus, common in Dutch ERP exports), "(1,234.56)" (accounting
 * negative), "€ 1.234,56", "EUR 12,00", "12 kr".
 */
export type DecimalSeparator = ',' | '.';

export type AmountResult = { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly code: 'amountInvalid' | 'amountTooPrecise' | 'amountTooLarge' };

const CURRENCY_NOISE = /^(?:[A-Z]{3}|€|£|\$|kr\.?|SEK|EUR|GBP)\s*|\s*(?:[A-Z]{3}|€|£|kr\.?|:-)$/i;

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;

/**
 * The amount most rows of an export hold — digits with at most one decimal separator and at most one
 * ASCII minus in front or behind ("1234,56", "-80", "150,00-") — read without the regular expressions
 * the full reading runs (a fifth of a million-row parse): undefined for anything else, which the full
 * reading then takes. Gives what parseAmountInFull gives (parse-amount.test.ts holds the two to each other).
 */
function plainAmount(input: string, decimal: DecimalSeparator, minorDigits: number): AmountResult | undefined {
  let start = 0;
  let end = input.length;
  const isLeadingMinus = input.charCodeAt(0) === MINUS;
  if (isLeadingMinus) start = 1;
  else if (input.charCodeAt(end - 1) === MINUS) end -= 1;
  if (start >= end) return undefined;
  const separator = decimal.charCodeAt(0);
  let separatorAt = -1;
  for (let index = start; index < end; index += 1) {
    const code = input.charCodeAt(index);
    if (code >= DIGIT_0 && code <= DIGIT_9) continue;
    if (code !== separator || separatorAt >= 0 || index === start) return undefined;
    separatorAt = index;
  }
  let fractionEnd = end;
  if (separatorAt >= 0) while (fractionEnd > separatorAt + 1 && input.charCodeAt(fractionEnd - 1) === DIGIT_0) fractionEnd -= 1;
  const fractionDigits = separatorAt < 0 ? 0 : fractionEnd - separatorAt - 1;
  if (fractionDigits > minorDigits) return { ok: false, code: 'amountTooPrecise' };
  // The digits, whole then fraction, then the fraction's missing zeros, as one integer built digit by
  // digit (no strings made): exact while it stays a safe integer, and past that it only grows.
  let minor = 0;
  for (let index = start; index < fractionEnd; index += 1) {
    if (index === separatorAt) continue;
    minor = minor * 10 + (input.charCodeAt(index) - DIGIT_0);
    if (minor > Number.MAX_SAFE_INTEGER) return { ok: false, code: 'amountTooLarge' };
  }
  for (let zeros = fractionDigits; zeros < minorDigits; zeros += 1) {
    minor *= 10;
    if (minor > Number.MAX_SAFE_INTEGER) return { ok: false, code: 'amountTooLarge' };
  }
  return { ok: true, minor: (start === 1 || end < input.length) && minor !== 0 ? -minor : minor };
}

export function parseAmount(input: string, decimal: DecimalSeparator, minorDigits: number): AmountResult {
  return plainAmount(input, decimal, minorDigits) ?? parseAmountInFull(input, decimal, minorDigits);
}

/** Every way of writing an amount parseAmount accepts, read the long way (regular expressions). */
export function parseAmountInFull(input: string, decimal: DecimalSeparator, minorDigits: number): AmountResult {
  let text = input.trim().replace(/[\u00a0\u202f\u2009]/g, ' ');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(CURRENCY_NOISE, '').trim();
  if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1).trim();
  } else if (text.startsWith('-') || text.startsWith('−')) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY_NOISE, '').trim();
  const grouping = decimal === ',' ? /[.\s']/g : /[,\s']/g;
  const compact = text.replace(grouping, '');
  const match = (decimal === ',' ? /^(\d+)(?:,(\d*))?$/ : /^(\d+)(?:\.(\d*))?$/).exec(compact);
  if (!match || text === '') return { ok: false, code: 'amountInvalid' };
  const whole = match[1]!;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > minorDigits) return { ok: false, code: 'amountTooPrecise' };
  const digits = `${whole}${fraction.padEnd(minorDigits, '0')}`.replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) return { ok: false, code: 'amountTooLarge' };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/**
 * Which decimal separator a column of amounts uses. A separator followed by exactly three digits at the
 * end is ambiguous ("1,234"); the other samples decide, and failing that the locale's habit does.
 */
export function detectDecimalSeparator(samples: readonly string[], fallback: DecimalSeparator): DecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const raw of samples) {
    const text = raw.trim();
    const lastComma = text.lastIndexOf(',');
    const lastPoint = text.lastIndexOf('.');
    if (lastComma < 0 && lastPoint < 0) continue;
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma += 1;
      else point += 1;
      continue;
    }
    const position = Math.max(lastComma, lastPoint);
    const decimals = text.slice(position + 1).replace(/[^\d]/g, '').length;
    if (decimals === 3 && /^\D*\d{1,3}[.,]\d{3}\D*$/.test(text)) continue;
    if (lastComma >= 0) comma += 1;
    else point += 1;
  }
  if (comma === point) return fallback;
  return comma > point ? ',' : '.';
}
