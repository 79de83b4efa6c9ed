import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import type { FileAnalysis } from '../../../../shared/ipc/import-contract';
import { decodeText } from '../decode-text';
import type { BankFileKind } from './bank-file-kind';
import type { ParsedBankFile } from './bank-file';
import { parseBgMax } from './bgmax';
import { parseCamt } from './camt';
import { parseMt940 } from './mt940';

/**
 * Reads a bank file of the kind its content showed (sniff-format.ts), decoded as its bytes tell (BgMax is
 * ISO-8859-1, which detection reads as the Windows-1252 it agrees with on every letter; XML and MT940 UTF-8).
 */
export function parseBankFile(kind: BankFileKind, bytes: Uint8Array, name: string): ParsedBankFile {
  const { text } = decodeText(bytes);
  if (kind === 'mt940') return parseMt940(text, name);
  if (kind === 'bgmax') return parseBgMax(text, name);
  return parseCamt(text, name);
}

/** What a bank file holds, before it is read in full and compared with the portfolio. */
export function analyseBankFile(parsed: ParsedBankFile): FileAnalysis {
  const transactions: BankTransaction[] = parsed.statements.flatMap((statement) => statement.transactions);
  return {
    type: 'bank',
    format: parsed.format,
    statements: parsed.statements.length,
    credits: transactions.filter((transaction) => transaction.direction === 'credit').length,
    debits: transactions.filter((transaction) => transaction.direction === 'debit').length,
    pending: parsed.pendingEntries,
    currencies: [...new Set(transactions.map((transaction) => transaction.currency))].sort(),
  };
}
