import { isIsoDate, toDayNumber, type IsoDate } from '../../../../shared/time/iso-date';

/** The sub-fields of an MT940 `:61:` statement line (SWIFT MT940, field 61). */
export interface StatementLine {
  /** YYMMDD. */
  readonly valueDate: string;
  /** MMDD, when given. */
  readonly entryDate: string | undefined;
  /** C, D, RC (reversal of a credit) or RD (reversal of a debit). */
  readonly mark: 'C' | 'D' | 'RC' | 'RD';
  /** As written: digits with the decimal comma, or (a known deviation) without it, meaning whole units. */
  readonly amount: string;
  /** N, F or S and three characters: NTRF, N654, S103. */
  readonly transactionType: string;
  readonly customerReference: string;
  readonly bankReference: string;
  /** The second line (supplementary details; Rabobank's counterparty account). */
  readonly supplementary: string;
}

const isDigit = (character: string | undefined) => character !== undefined && character >= '0' && character <= '9';
const isAlphanumeric = (character: string | undefined) => character !== undefined && /^[A-Z0-9]$/i.test(character);

/**
 * Reads the first line of a `:61:` in one pass. "incomplete" when the line ends before the mandatory
 * sub-fields do (the line was wrapped: SWIFT requires a reference, `NONREF` when there is none).
 */
function readFirstLine(text: string): Omit<StatementLine, 'supplementary'> | 'incomplete' | 'invalid' {
  let index = 0;
  const ended = () => index >= text.length;
  for (; index < 6; index += 1) if (!isDigit(text[index])) return ended() ? 'incomplete' : 'invalid';
  const valueDate = text.slice(0, 6);
  let entryDate: string | undefined;
  if (isDigit(text[6])) {
    for (index = 6; index < 10; index += 1) if (!isDigit(text[index])) return ended() ? 'incomplete' : 'invalid';
    entryDate = text.slice(6, 10);
  }
  let mark: StatementLine['mark'];
  if (text.startsWith('RC', index) || text.startsWith('RD', index)) mark = text.slice(index, index + 2) as 'RC' | 'RD';
  else if (text[index] === 'C' || text[index] === 'D') mark = text[index] as 'C' | 'D';
  else return ended() || (text[index] === 'R' && index === text.length - 1) ? 'incomplete' : 'invalid';
  index += mark.length;
  // Funds code: the third letter of the currency code, before the amount.
  if (/^[A-Z]$/.test(text[index] ?? '') && isDigit(text[index + 1])) index += 1;
  const amountStart = index;
  while (index < text.length && index - amountStart < 16 && (isDigit(text[index]) || text[index] === ',')) index += 1;
  const amount = text.slice(amountStart, index);
  if (amount === '' || !isDigit(amount[0])) return ended() ? 'incomplete' : 'invalid';
  if (text.length - index < 4) return 'incomplete';
  const transactionType = text.slice(index, index + 4);
  if (!/^[NFS]$/.test(transactionType[0]!) || ![...transactionType.slice(1)].every(isAlphanumeric)) return 'invalid';
  index += 4;
  const rest = text.slice(index);
  if (rest.trim() === '') return 'incomplete';
  const separator = rest.indexOf('//');
  return {
    valueDate,
    entryDate,
    mark,
    amount,
    transactionType,
    customerReference: separator < 0 ? rest : rest.slice(0, separator),
    bankReference: separator < 0 ? '' : rest.slice(separator + 2),
  };
}

/**
 * Reads a `:61:` field (its lines joined by `\n`). A first line that stops before its reference was
 * wrapped by the bank's software: it is read together with the next line, and what follows is the
 * supplementary details. Undefined when the line cannot be read at all.
 */
export function readStatementLine(value: string): StatementLine | undefined {
  const lines = value.split('\n');
  const first = readFirstLine(lines[0] ?? '');
  if (typeof first === 'object') return { ...first, supplementary: lines.slice(1).join('\n') };
  if (first === 'invalid' || lines.length < 2) return undefined;
  const joined = readFirstLine(`${lines[0]}${lines[1]}`);
  return typeof joined === 'object' ? { ...joined, supplementary: lines.slice(2).join('\n') } : undefined;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A SWIFT date as a calendar date: YYMMDD (years 80–99 are 1980–1999), or MMDD with the year that puts
 * it nearest `near` (an entry date in early January belongs to the next year of a 31 December value date,
 * one in late December to the year before a January one). The value date of 29 or 30 February that some
 * banks use for month-end interest (30/360) is read as February's last day; any other impossible day is not a date.
 */
export function swiftDate(text: string, near?: IsoDate): IsoDate | undefined {
  if (!/^\d{4}(\d{2})?$/.test(text)) return undefined;
  const [month, day] = text.length === 6 ? [Number(text.slice(2, 4)), Number(text.slice(4, 6))] : [Number(text.slice(0, 2)), Number(text.slice(2, 4))];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const build = (year: number): IsoDate | undefined => {
    // 29 and 30 February are month-end dates of the 30/360 day count; no other day past a month's end is.
    const meant = month === 2 && day <= 30 ? Math.min(day, daysIn(year, month)) : day;
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(meant).padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  };
  if (text.length === 6) {
    const yy = Number(text.slice(0, 2));
    return build(yy >= 80 ? 1900 + yy : 2000 + yy);
  }
  if (!near) return undefined;
  const year = Number(near.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map(build).filter((date): date is IsoDate => date !== undefined);
  return candidates.sort((a, b) => Math.abs(toDayNumber(a) - toDayNumber(near)) - Math.abs(toDayNumber(b) - toDayNumber(near)))[0];
}
