import { bankTransactionId, type BankStatement, type BankTransaction } from '../../../../shared/import/bank-transaction';
import { parseAmount } from '../../../../shared/import/parse-amount';
import { isCurrencyCode, minorUnitDigits } from '../../../../shared/money/money';
import { isIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import { ImportFileError } from '../import-error';
import type { ParsedBankFile } from './camt053';

/**
 * Sub-fields of the structured `:86:` text of Dutch banks: ING (`/CNTP/iban/bic/name/city/`,
 * `/REMI/USTD//text/` or `/REMI/STRD/CUR/<kenmerk>/`), ABN AMRO (`/TRTP/…/IBAN/…/NAME/…/REMI/…`) and
 * Rabobank (`/ORDP//NAME/…/REMI/…`); law-and-formats.md §B.2.
 */
const KNOWN_CODES = ['RTRN', 'EREF', 'PREF', 'MARF', 'CSID', 'CNTP', 'REMI', 'PURP', 'ULTC', 'ULTD', 'TRTP', 'IBAN', 'BIC', 'NAME', 'ORDP', 'BENM', 'ID', 'ADDR', 'TRCD', 'SUM'] as const;
const CODE_PATTERN = new RegExp(`/(${KNOWN_CODES.join('|')})/`, 'g');

export function parseStructured86(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const matches = [...text.matchAll(CODE_PATTERN)];
  if (matches.length === 0 || (matches[0]?.index ?? 1) > 0) return fields;
  matches.forEach((match, index) => {
    const start = match.index! + match[0].length;
    const end = index + 1 < matches.length ? matches[index + 1]!.index! : text.length;
    if (!fields.has(match[1]!)) fields.set(match[1]!, text.slice(start, end).replace(/\/+$/, ''));
  });
  return fields;
}

interface Field {
  readonly tag: string;
  readonly value: string;
}

/** Splits a message into `:tag:` fields; continuation lines stay with their field. */
function fieldsOf(text: string): Field[] {
  const fields: Field[] = [];
  const body = text.replace(/\r\n?/g, '\n').replace(/\{[1-3]:[^}]*\}/g, '').replace(/\{4:\n?/g, '').replace(/^-\}?\s*$/gm, '');
  for (const line of body.split('\n')) {
    const start = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (start) fields.push({ tag: start[1]!, value: start[2]! });
    else if (fields.length > 0 && line.trim() !== '' && line.trim() !== '-') fields[fields.length - 1] = { tag: fields.at(-1)!.tag, value: `${fields.at(-1)!.value}\n${line}` };
  }
  return fields;
}

function yymmdd(value: string): IsoDate | undefined {
  const iso = `20${value.slice(0, 2)}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** `:61:` value date, optional entry date, mark (C, D, RC, RD), amount with decimal comma, type code, references. */
const STATEMENT_LINE = /^(\d{6})(\d{4})?(R?[CD])([A-Z])?(\d{1,12},\d{0,2})([NFS][A-Z0-9]{3})([^\n/]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

/**
 * Reads SWIFT MT940 statements (also with the SWIFT block envelope). Amounts are read exactly from their
 * decimal-comma form and dates as calendar dates (general-purpose MT940 libraries return floats and
 * time-zoned Date objects, which this app must not use for money and business dates).
 */
export function parseMt940(text: string, file: string): ParsedBankFile {
  const statements: BankStatement[] = [];
  let current: { accountIban: string; currency: string; transactions: BankTransaction[] } | undefined;
  let pendingLine: { line: number; match: RegExpExecArray } | undefined;
  let position = 0;

  const flushLine = (information: string) => {
    if (!pendingLine || !current) return;
    const { match } = pendingLine;
    const valueDate = yymmdd(match[1]!);
    if (!valueDate) throw new ImportFileError('bankEntryInvalid', { file, position: pendingLine.line, field: ':61:' });
    let bookingDate = valueDate;
    if (match[2]) {
      const candidate = `${valueDate.slice(0, 4)}-${match[2].slice(0, 2)}-${match[2].slice(2, 4)}`;
      // The entry date has no year: December entries of a January value date belong to the year before.
      const adjusted = candidate > valueDate && match[2].startsWith('12') && valueDate.slice(5, 7) === '01' ? `${Number(valueDate.slice(0, 4)) - 1}${candidate.slice(4)}` : candidate;
      if (isIsoDate(adjusted)) bookingDate = adjusted;
    }
    const currency = current.currency;
    const amount = parseAmount(match[5]!, ',', minorUnitDigits(currency));
    if (!amount.ok) throw new ImportFileError('bankEntryInvalid', { file, position: pendingLine.line, field: ':61:' });
    const mark = match[3]!;
    const direction = mark === 'C' || mark === 'RD' ? 'credit' : 'debit';
    const structured = parseStructured86(information.replace(/\n/g, ''));
    const remi = structured.get('REMI') ?? '';
    const structuredReference = /^STRD\/(?:CUR|ISO|SCOR)\/(.+)$/.exec(remi)?.[1] ?? '';
    const counterparty = (structured.get('CNTP') ?? '').split('/');
    const customerReference = match[7]!.trim().replace(/^NONREF$/, '');
    const bankReference = (match[8] ?? '').trim();
    const endToEndId = (structured.get('EREF') ?? '').replace(/^NOTPROVIDED$/, '') || customerReference;
    const remittance = structured.size > 0 ? remi.replace(/^USTD\/\//, '').replace(/^STRD\/[A-Z]+\/.*$/, '') : information.replace(/\n/g, ' ');
    current.transactions.push({
      id: bankTransactionId({ accountIban: current.accountIban, bankReference, endToEndId, bookingDate, amountMinor: amount.minor, direction, sequence: pendingLine.line }),
      position: pendingLine.line,
      accountIban: current.accountIban,
      bookingDate,
      valueDate,
      amountMinor: amount.minor,
      currency,
      direction,
      isReversal: mark.startsWith('R'),
      counterpartyName: counterparty[2] ?? structured.get('NAME') ?? '',
      counterpartyIban: (counterparty[0] || structured.get('IBAN') || '').replace(/\s/g, '').toUpperCase(),
      structuredReference,
      remittance: remittance.trim(),
      endToEndId,
      bankReference,
    });
    pendingLine = undefined;
  };

  for (const field of fieldsOf(text)) {
    position += 1;
    switch (field.tag) {
      case '20':
        flushLine('');
        if (current) statements.push(current);
        current = { accountIban: '', currency: '', transactions: [] };
        break;
      case '25': {
        if (!current) break;
        const account = field.value.trim().replace(/\s/g, '').toUpperCase();
        const withCurrency = /^([A-Z]{2}\d{2}[A-Z0-9]+?)([A-Z]{3})$/.exec(account);
        current.accountIban = withCurrency && isCurrencyCode(withCurrency[2]) ? withCurrency[1]! : account;
        break;
      }
      case '60F':
      case '60M': {
        if (!current) break;
        const currency = field.value.slice(7, 10);
        if (!isCurrencyCode(currency)) throw new ImportFileError('bankEntryInvalid', { file, position, field: `:${field.tag}:` });
        current.currency = currency;
        break;
      }
      case '61': {
        flushLine('');
        const match = STATEMENT_LINE.exec(field.value);
        if (!match || !current) throw new ImportFileError('bankEntryInvalid', { file, position, field: ':61:' });
        pendingLine = { line: position, match };
        break;
      }
      case '86':
        if (pendingLine) flushLine(field.value);
        break;
      default:
        break;
    }
  }
  flushLine('');
  if (current) statements.push(current);
  if (statements.length === 0) throw new ImportFileError('notMt940', { file });
  return { format: 'mt940', statements, pendingEntries: 0 };
}
