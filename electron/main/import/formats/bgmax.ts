import { accountKeys, bankgiroAccount } from '../../../../shared/import/account-keys';
import { bankLineId } from '../../../../shared/import/bank-line-id';
import { bankTransactionId, type BankStatement, type BankTransaction } from '../../../../shared/import/bank-transaction';
import type { ImportRejection } from '../../../../shared/import/open-item-record';
import { isCurrencyCode } from '../../../../shared/money/money';
import { isIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import { ImportFileError } from '../import-error';
import { BANK_TEXT_LIMITS, bankRejection, parseBankAmount, type ParsedBankFile } from './bank-file';

/** A BgMax field by its 1-based positions in the record, as the technical manual lists them. */
const field = (record: string, from: number, to: number) => record.slice(from - 1, to);

/** A payment (TK20) or deduction (TK21) with the records that follow it, until its deposit closes (TK15). */
interface Payment {
  readonly line: number;
  readonly isDeduction: boolean;
  readonly senderBankgiro: string;
  readonly reference: string;
  readonly referenceCode: string;
  readonly amountMinor: number | undefined;
  readonly serial: string;
  readonly extraReferences: string[];
  readonly information: string[];
  name: string;
}

interface Deposit {
  readonly line: number;
  readonly bankgiro: string;
  readonly currency: string;
  readonly payments: Payment[];
}

/**
 * Reads Bankgirot's BgMax file ("Bankgiro Inbetalningar", Technical Manual, record and file description):
 * 80-character records by transaction code (TK). TK01 opens the file (layout BGMAX, version, timestamp,
 * test mark); TK05 opens a deposit to a bankgiro number; TK20 is a payment and TK21 a deduction, each with
 * the sender's bankgiro number, a reference, the amount in öre, a reference code (2: an OCR number
 * Bankgirot has checked) and Bankgirot's serial number; TK22/23 carry extra references, TK25 text, TK26 the
 * payer's name (TK27–29 address and organisation number); TK15 closes the deposit with the bank account,
 * payment date, deposit number, amount and number of payments; TK70 closes the file with counts. The file
 * must be whole: each deposit's payments add up to its amount and count, and TK70's counts match — or it
 * is refused, naming the deposit. A test file (mark T) is refused. Records the manual may add later are
 * skipped, as it asks. Linear: every record is read once (records beyond BANK_TEXT_LIMITS are refused).
 */
export function parseBgMax(text: string, file: string): ParsedBankFile {
  const statements: BankStatement[] = [];
  const rejections: ImportRejection[] = [];
  const counts = { payments: 0, deductions: 0, references: 0, deposits: 0 };
  let deposit: Deposit | undefined;
  let payment: Payment | undefined;
  let lastDeposit = '';
  let started = false;
  let ended = false;
  let lineNumber = 0;

  for (let start = 0; start < text.length && !ended; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNumber += 1;
    if (lineNumber > BANK_TEXT_LIMITS.lines) throw new ImportFileError('statementTooManyLines', { file, limit: BANK_TEXT_LIMITS.lines });
    if (end - start > BANK_TEXT_LIMITS.lineChars) throw new ImportFileError('statementLineTooLong', { file, line: lineNumber, limit: BANK_TEXT_LIMITS.lineChars });
    const record = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (record.trim() === '') continue;
    const code = record.slice(0, 2);
    if (!started) {
      if (!record.startsWith('01BGMAX')) throw new ImportFileError('notBgMax', { file });
      if (field(record, 45, 45) === 'T') throw new ImportFileError('bgmaxTestFile', { file });
      started = true;
      continue;
    }
    switch (code) {
      case '05':
        if (deposit) throw new ImportFileError('statementIncomplete', { file, statement: lastDeposit || field(record, 3, 12).trim() });
        deposit = { line: lineNumber, bankgiro: field(record, 3, 12).trim(), currency: field(record, 23, 25).trim() || 'SEK', payments: [] };
        payment = undefined;
        break;
      case '20':
      case '21': {
        if (!deposit) throw new ImportFileError('bankEntryInvalid', { file, position: lineNumber, field: `TK${code}` });
        const amountText = field(record, 38, 55).trim();
        // Amounts are öre (minor units) without a separator.
        const amountMinor = parseBankAmount(amountText, ',', 0);
        if (amountMinor === undefined) rejections.push(bankRejection(lineNumber, `TK${code}`, 'bankAmountInvalid', amountText));
        payment = {
          line: lineNumber,
          isDeduction: code === '21',
          senderBankgiro: field(record, 3, 12).trim(),
          reference: field(record, 13, 37).trim(),
          referenceCode: field(record, 56, 56),
          amountMinor,
          serial: field(record, 58, 69).trim(),
          extraReferences: [],
          information: [],
          name: '',
        };
        deposit.payments.push(payment);
        if (code === '20') counts.payments += 1;
        else counts.deductions += 1;
        break;
      }
      case '22':
      case '23':
        counts.references += 1;
        payment?.extraReferences.push(field(record, 13, 37).trim());
        break;
      case '25':
        payment?.information.push(field(record, 3, 52).trim());
        break;
      case '26':
        if (payment) payment.name = [field(record, 3, 37).trim(), field(record, 38, 72).trim()].filter(Boolean).join(' ');
        break;
      case '15': {
        if (!deposit) throw new ImportFileError('bankEntryInvalid', { file, position: lineNumber, field: 'TK15' });
        counts.deposits += 1;
        statements.push(closeDeposit(file, deposit, record, lineNumber));
        lastDeposit = field(record, 46, 50).trim();
        deposit = undefined;
        payment = undefined;
        break;
      }
      case '70': {
        const expected = [field(record, 3, 10), field(record, 11, 18), field(record, 19, 26), field(record, 27, 34)].map(Number);
        const found = [counts.payments, counts.deductions, counts.references, counts.deposits];
        const record70 = ['TK20', 'TK21', 'TK22/23', 'TK15'];
        const wrong = expected.findIndex((count, index) => count !== found[index]);
        if (wrong >= 0) throw new ImportFileError('bgmaxCountMismatch', { file, record: record70[wrong]!, expected: Number.isFinite(expected[wrong]) ? expected[wrong]! : field(record, 3 + wrong * 8, 10 + wrong * 8), found: found[wrong]! });
        ended = true;
        break;
      }
      default:
        // TK27–29 (address, organisation number) and records added after this reader: skipped (Technical Manual, 3.1).
        break;
    }
  }
  if (!started) throw new ImportFileError('notBgMax', { file });
  if (!ended || deposit) throw new ImportFileError('statementIncomplete', { file, statement: deposit ? `BG ${Number(deposit.bankgiro) || deposit.bankgiro}` : lastDeposit || 'TK70' });
  return { format: 'bgmax', statements, pendingEntries: 0, rejections };
}

/** TK15: checks the deposit against its payments and turns them into bank lines dated the payment day. */
function closeDeposit(file: string, deposit: Deposit, record: string, lineNumber: number): BankStatement {
  const bankAccount = field(record, 3, 37).trim();
  const dateText = field(record, 38, 45);
  const serial = field(record, 46, 50).trim();
  const depositText = field(record, 51, 68).trim();
  const currency = field(record, 69, 71).trim() || deposit.currency;
  const countText = field(record, 72, 79).trim();
  const date = `${dateText.slice(0, 4)}-${dateText.slice(4, 6)}-${dateText.slice(6, 8)}`;
  const total = parseBankAmount(depositText, ',', 0);
  if (!isIsoDate(date)) throw new ImportFileError('bankEntryInvalid', { file, position: lineNumber, field: 'TK15' });
  if (!isCurrencyCode(currency) || total === undefined) throw new ImportFileError('bankEntryInvalid', { file, position: lineNumber, field: 'TK15' });
  if (Number(countText) !== deposit.payments.length) throw new ImportFileError('bgmaxCountMismatch', { file, record: `TK15 ${serial}`, expected: countText, found: deposit.payments.length });
  const readable = deposit.payments.filter((payment) => payment.amountMinor !== undefined);
  if (readable.length === deposit.payments.length) {
    const sum = readable.reduce((result, payment) => result + (payment.isDeduction ? -payment.amountMinor! : payment.amountMinor!), 0);
    if (sum !== total) throw new ImportFileError('statementUnbalanced', { file, statement: serial, difference: Math.abs(total - sum) / 100, currency });
  }
  const accountIban = bankgiroAccount(deposit.bankgiro);
  const bankgiroDigits = accountIban.slice(2);
  const transactions = readable.map((payment): BankTransaction => {
    const amountMinor = payment.amountMinor!;
    const direction = payment.isDeduction ? 'debit' : 'credit';
    // Reference code 2: an OCR number whose check digit (and length) Bankgirot has verified; other codes
    // carry free references (invoice numbers), given as text for the matcher to look up.
    const structuredReference = payment.referenceCode === '2' ? payment.reference : '';
    const remittance = [payment.referenceCode === '2' ? '' : payment.reference, ...payment.extraReferences, ...payment.information].filter(Boolean).join(' ');
    const legacy = bankTransactionId({ accountIban, bankReference: payment.serial, endToEndId: '', bookingDate: date, amountMinor, direction, sequence: payment.line });
    return {
      id: bankLineId(legacy, {
        accounts: [accountIban, ...accountKeys(bankAccount)],
        bookingDate: date,
        valueDate: date,
        direction,
        amountMinor,
        currency,
        endToEndId: '',
        references: [payment.serial, structuredReference],
        remittance,
        group: { amountMinor: total, references: [bankgiroDigits, `BG${bankgiroDigits}`] },
        fallback: `bgmax:${payment.line}`,
      }),
      position: payment.line,
      accountIban,
      bookingDate: date as IsoDate,
      valueDate: date as IsoDate,
      amountMinor,
      currency,
      direction,
      isReversal: false,
      counterpartyName: payment.name,
      counterpartyIban: Number(payment.senderBankgiro) > 0 ? bankgiroAccount(payment.senderBankgiro) : '',
      structuredReference,
      remittance,
      endToEndId: '',
      bankReference: payment.serial,
    };
  });
  return { name: serial, accountIban, currency, transactions };
}
