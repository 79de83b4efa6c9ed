/**
 * Amounts as ERP exports and bank files write them, turned into whole minor units without ever passing
 * through a float: "1.234,56" (nl), "1 234,56" (sv, with a space or no-break space), "1,234.56" (en),
 * "-1234,56", "1234,56-" (trailing minus, common in Dutch ERP exports), "(1,234.56)" (accounting
 * negative), "€ 1.234,56", "EUR 12,00", "12 kr".
 */
export type DecimalSeparator = ',' | '.';

export type AmountResult = { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly code: 'amountInvalid' | 'amountTooPrecise' | 'amountTooLarge' };

const CURRENCY_NOISE = /^(?:[A-Z]{3}|€|£|\$|kr\.?|SEK|EUR|GBP)\s*|\s*(?:[A-Z]{3}|€|£|kr\.?|:-)$/i;

export function parseAmount(input: string, decimal: DecimalSeparator, minorDigits: number): AmountResult {
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
