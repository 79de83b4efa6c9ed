import { isIsoDate, utcMsToIsoDate, type IsoDate } from '../time/iso-date';

/**
 * Date formats found in Dutch, Swedish and British exports and bank files. `excel-serial` is Excel's day
 * number (1900 date system, counting the non-existent 29 February 1900), as spreadsheet cells carry it.
 */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD-MM-YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYYMMDD', 'YYYY/MM/DD', 'DD-MM-YY', 'excel-serial'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const PATTERNS: Record<Exclude<DateFormat, 'excel-serial'>, { regex: RegExp; order: ('Y' | 'M' | 'D')[] }> = {
  'YYYY-MM-DD': { regex: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/, order: ['Y', 'M', 'D'] },
  'DD-MM-YYYY': { regex: /^(\d{1,2})-(\d{1,2})-(\d{4})(?: .*)?$/, order: ['D', 'M', 'Y'] },
  'DD/MM/YYYY': { regex: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/, order: ['D', 'M', 'Y'] },
  'MM/DD/YYYY': { regex: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/, order: ['M', 'D', 'Y'] },
  'DD.MM.YYYY': { regex: /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: .*)?$/, order: ['D', 'M', 'Y'] },
  YYYYMMDD: { regex: /^(\d{4})(\d{2})(\d{2})$/, order: ['Y', 'M', 'D'] },
  'YYYY/MM/DD': { regex: /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: .*)?$/, order: ['Y', 'M', 'D'] },
  'DD-MM-YY': { regex: /^(\d{1,2})-(\d{1,2})-(\d{2})$/, order: ['D', 'M', 'Y'] },
};

/** Excel's day 25569 is 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

export function parseDate(input: string, format: DateFormat): IsoDate | undefined {
  const text = input.trim();
  if (format === 'excel-serial') {
    if (!/^\d{4,6}(?:\.\d+)?$/.test(text)) return undefined;
    const serial = Math.floor(Number(text));
    if (serial < 367 || serial > 2_958_465) return undefined;
    return utcMsToIsoDate((serial - EXCEL_EPOCH_OFFSET) * 86_400_000);
  }
  const pattern = PATTERNS[format];
  const match = pattern.regex.exec(text);
  if (!match) return undefined;
  const parts: Record<'Y' | 'M' | 'D', string> = { Y: '', M: '', D: '' };
  pattern.order.forEach((part, index) => {
    parts[part] = match[index + 1]!;
  });
  // Two-digit years: 00–69 are 2000–2069, as spreadsheet programs read them.
  const year = parts.Y.length === 2 ? (Number(parts.Y) < 70 ? `20${parts.Y}` : `19${parts.Y}`) : parts.Y;
  const iso = `${year}-${parts.M.padStart(2, '0')}-${parts.D.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * The format that reads the samples as real dates. A stray bad date ("31-09-2026") must not hide the
 * format of all the others, so the format reading the most samples wins, if it reads at least 80 % (the
 * bad ones are then reported row by row). Where several read equally many (all days ≤ 12:
 * "03/04/2026"), the day-first reading wins: that is what Dutch, Swedish and British exports mean.
 */
export function detectDateFormat(samples: readonly string[]): DateFormat | undefined {
  const values = samples.map((sample) => sample.trim()).filter((sample) => sample !== '');
  if (values.length === 0) return undefined;
  const preference: DateFormat[] = ['YYYY-MM-DD', 'DD-MM-YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'YYYYMMDD', 'YYYY/MM/DD', 'MM/DD/YYYY', 'DD-MM-YY', 'excel-serial'];
  let best: { format: DateFormat; read: number } | undefined;
  for (const format of preference) {
    const read = values.filter((value) => parseDate(value, format) !== undefined).length;
    if (!best || read > best.read) best = { format, read };
  }
  return best && best.read >= values.length * 0.8 ? best.format : undefined;
}
