import { bankLineId } from '../../../../shared/import/bank-line-id';
import { bankTransactionId, type BankStatement, type BankTransaction } from '../../../../shared/import/bank-transaction';
import { isLegacyEuroCurrency, legacyToEuroCents } from '../../../../shared/import/legacy-euro-currencies';
import type { ImportRejection } from '../../../../shared/import/open-item-record';
import type { StatementBalance } from '../../../../shared/import/reconcile-statement';
import { isCurrencyCode, minorUnitDigits } from '../../../../shared/money/money';
import { ImportFileError } from '../import-error';
import { BANK_TEXT_LIMITS, bankRejection, parseBankAmount, requireReconciled, type ParsedBankFile } from './bank-file';
import { splitSwiftFields, type SwiftField } from './swift-fields';
import { readStatementLine, swiftDate, type StatementLine } from './mt940-statement-line';

/**
 * Sub-fields of the structured `:86:` text of Dutch banks: ING (`/CNTP/iban/bic/name/city/`,
 * `/REMI/USTD//text/` or `/REMI/STRD/CUR/<kenmerk>/`), ABN AMRO (`/TRTP/…/IBAN/…/NAME/…/REMI/…`) and
 * Rabobank's "MT940 Structured" (`/EREF/…/ORDP//NAME/…/REMI/USTD//…/ISDT/…`); law-and-formats.md §B.2.
 */
const KNOWN_CODES = ['RTRN', 'EREF', 'PREF', 'MARF', 'CSID', 'CNTP', 'REMI', 'PURP', 'ULTC', 'ULTD', 'TRTP', 'IBAN', 'BIC', 'NAME', 'ORDP', 'BENM', 'ID', 'ADDR', 'TRCD', 'SUM', 'ISDT'] as const;
const CODE_PATTERN = new RegExp(`/(${KNOWN_CODES.join('|')})/`, 'g');

/** The sub-fields of a structured `:86:`; empty for free text. Linear: one scan for codes, one slice each. */
export function parseStructured86(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const matches = [...text.matchAll(CODE_PATTERN)];
  if (matches.length === 0 || (matches[0]?.index ?? 1) > 0) return fields;
  matches.forEach((match, index) => {
    const start = match.index! + match[0].length;
    let end = index + 1 < matches.length ? matches[index + 1]!.index! : text.length;
    while (end > start && text[end - 1] === '/') end -= 1;
    if (!fields.has(match[1]!)) fields.set(match[1]!, text.slice(start, end));
  });
  return fields;
}

/** A balance field (`:60F:`, `:62F:`, …): mark, date, currency, amount; a legacy euro currency converted to euros. */
function readBalance(value: string): StatementBalance | undefined {
  const mark = value[0];
  const currency = value.slice(7, 10);
  const amountText = value.slice(10).trim();
  if ((mark !== 'C' && mark !== 'D') || !/^[A-Z]{3}$/.test(currency)) return undefined;
  if (isLegacyEuroCurrency(currency)) {
    const [whole = '', fraction = ''] = amountText.split(',');
    if (!/^\d{1,15}$/.test(whole) || !/^\d{0,3}$/.test(fraction)) return undefined;
    const cents = legacyToEuroCents(currency, BigInt(`${whole}${fraction}`), fraction.length);
    return { amountMinor: mark === 'D' ? -cents : cents, currency: 'EUR', tolerance: 1 };
  }
  if (!isCurrencyCode(currency)) return undefined;
  const amount = parseBankAmount(amountText, ',', minorUnitDigits(currency));
  return amount === undefined ? undefined : { amountMinor: mark === 'D' ? -amount : amount, currency, tolerance: 0 };
}

/** `:25:` as IBAN without a trailing currency (ING writes `NL20INGB0001234567EUR`), or the domestic number. */
function accountOf(value: string): string {
  const account = value.trim().replace(/\s/g, '').toUpperCase();
  const withCurrency = /^([A-Z]{2}\d{2}[A-Z0-9]+?)([A-Z]{3})$/.exec(account);
  return withCurrency && isCurrencyCode(withCurrency[2]) ? withCurrency[1]! : account;
}

const looksLikeIban = (text: string) => /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(text);

interface OpenStatement {
  name: string;
  reference: string;
  accountIban: string;
  currency: string;
  opening?: StatementBalance;
  closing?: StatementBalance;
  readonly transactions: BankTransaction[];
  readonly signed: number[];
  unreadable: number;
}

/**
 * Reads SWIFT MT940 statements (also in the SWIFT block envelope) as ING, ABN AMRO, Rabobank (MT940
 * Structured) and the Swedish banks write them. Amounts are read exactly and dates as calendar dates. Each
 * statement message must reconcile: `:60F:`/`:60M:` plus its `:61:` lines equals `:62F:`/`:62M:`, and a
 * message without its closing balance was cut short (bank-file.ts).
 *
 * Known, unambiguous deviations are read as the bank meant them: an amount without its decimal comma is
 * whole units, a `:61:` line wrapped before its reference is joined, a value date of 30 February is the
 * month's last day, a balance in a currency the euro replaced is converted at its fixed rate. Any other
 * unreadable `:61:` is refused on its own with its reason. An MT942 intraday report is named as such.
 *
 * Linear: the text is split into lines and fields in one pass (swift-fields.ts, with its limits), and each
 * field is read by a scanner, not a backtracking regular expression (0.5 MB once took 30 s, issue 12).
 */
export function parseMt940(text: string, file: string): ParsedBankFile {
  const { fields, isMt942 } = splitSwiftFields(text, file, BANK_TEXT_LIMITS);
  if (isMt942 || fields.some((field) => field.tag === '34F' || field.tag === '13D')) throw new ImportFileError('intradayReport', { file, format: 'MT942' });
  const statements: BankStatement[] = [];
  const rejections: ImportRejection[] = [];
  let current: OpenStatement | undefined;
  let pending: { field: SwiftField; index: number; line: StatementLine | undefined } | undefined;

  const open = (reference: string): OpenStatement => ({ name: reference, reference, accountIban: '', currency: '', transactions: [], signed: [], unreadable: 0 });
  const close = () => {
    if (!current) return;
    flushLine('');
    requireReconciled(file, current.name, current.opening, current.closing, current.signed, current.unreadable);
    statements.push({ name: current.name, accountIban: current.accountIban, currency: current.currency, transactions: current.transactions });
    current = undefined;
  };

  const flushLine = (information: string) => {
    if (!pending || !current) return;
    const { field, index, line } = pending;
    pending = undefined;
    const statement = current;
    const digits = statement.currency ? minorUnitDigits(statement.currency) : 2;
    const amount = line && parseBankAmount(line.amount, ',', digits);
    if (!line || amount === undefined) {
      rejections.push(bankRejection(field.line, ':61:', line ? 'bankAmountInvalid' : 'bankLineUnreadable', field.value.split('\n')[0] ?? ''));
      statement.unreadable += 1;
      return;
    }
    const isCredit = line.mark === 'C' || line.mark === 'RD';
    statement.signed.push(isCredit ? amount : -amount);
    const valueDate = swiftDate(line.valueDate);
    if (!valueDate) {
      rejections.push(bankRejection(field.line, ':61:', 'bankDateInvalid', line.valueDate));
      return;
    }
    const bookingDate = line.entryDate ? (swiftDate(line.entryDate, valueDate) ?? valueDate) : valueDate;
    const flat = information.replace(/\n/g, '');
    const structured = parseStructured86(flat);
    const remi = structured.get('REMI') ?? '';
    const structuredReference = remi.startsWith('STRD/') ? remi.replace(/^STRD\/[A-Z]+\//, '') : '';
    const counterparty = (structured.get('CNTP') ?? '').split('/');
    const supplementary = line.supplementary.trim().replace(/\s/g, '').toUpperCase();
    const customerReference = line.customerReference.trim().replace(/^NONREF$/, '');
    const bankReference = line.bankReference.trim();
    const endToEndId = (structured.get('EREF') ?? '').replace(/^NOTPROVIDED$/, '') || customerReference;
    const remittance = (structured.size > 0 ? remi.replace(/^USTD\/\//, '').replace(/^STRD\/.*$/, '') : information.replace(/\n/g, ' ')).trim();
    const direction = isCredit ? 'credit' : 'debit';
    const legacy = bankTransactionId({ accountIban: statement.accountIban, bankReference, endToEndId, bookingDate, amountMinor: amount, direction, sequence: index });
    statement.transactions.push({
      id: bankLineId(legacy, {
        accounts: [statement.accountIban],
        bookingDate,
        valueDate,
        direction,
        amountMinor: amount,
        currency: statement.currency,
        endToEndId: structured.get('EREF') ?? '',
        references: [bankReference, customerReference, structuredReference],
        remittance,
        fallback: `mt940:${index}`,
      }),
      position: field.line,
      accountIban: statement.accountIban,
      bookingDate,
      valueDate,
      amountMinor: amount,
      currency: statement.currency,
      direction,
      isReversal: line.mark.startsWith('R') || structured.has('RTRN'),
      counterpartyName: counterparty[2] || structured.get('NAME') || '',
      counterpartyIban: (counterparty[0] || structured.get('IBAN') || (looksLikeIban(supplementary) ? supplementary : '')).replace(/\s/g, '').toUpperCase(),
      structuredReference,
      remittance,
      endToEndId,
      bankReference,
    });
  };

  fields.forEach((field, index) => {
    // The field's number among all fields, as earlier versions numbered lines (their ids stay the same).
    const sequence = index + 1;
    if (field.tag === '20') {
      close();
      current = open(field.value.trim());
      return;
    }
    if (field.tag === '86') {
      flushLine(field.value);
      return;
    }
    flushLine('');
    current ??= open('');
    switch (field.tag) {
      case '25':
        current.accountIban = accountOf(field.value);
        break;
      case '28':
      case '28C':
        current.name = [current.reference, field.value.trim()].filter(Boolean).join(' / ');
        break;
      case '60F':
      case '60M': {
        const balance = readBalance(field.value.trim());
        if (!balance) throw new ImportFileError('bankEntryInvalid', { file, position: field.line, field: `:${field.tag}:` });
        current.opening = balance;
        current.currency = balance.currency;
        break;
      }
      case '62F':
      case '62M': {
        const balance = readBalance(field.value.trim());
        if (!balance) throw new ImportFileError('bankEntryInvalid', { file, position: field.line, field: `:${field.tag}:` });
        current.closing = balance;
        current.currency ||= balance.currency;
        break;
      }
      case '61':
        pending = { field, index: sequence, line: readStatementLine(field.value) };
        break;
      default:
        break;
    }
  });
  close();
  if (statements.length === 0) throw new ImportFileError('notMt940', { file });
  return { format: 'mt940', statements, pendingEntries: 0, rejections };
}
