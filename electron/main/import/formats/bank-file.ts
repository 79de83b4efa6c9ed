import type { BankStatement } from '../../../../shared/import/bank-transaction';
import type { ImportRejection, RejectionCode } from '../../../../shared/import/open-item-record';
import { reconcileStatement, type StatementBalance } from '../../../../shared/import/reconcile-statement';
import { minorUnitDigits } from '../../../../shared/money/money';
import { ImportFileError } from '../import-error';

/** What any bank file reader returns: the booked lines by statement, and the lines it refused. */
export interface ParsedBankFile {
  readonly format: 'camt.053.001.02' | 'camt.053.001.08' | 'camt.053' | 'camt.054' | 'mt940' | 'bgmax';
  readonly statements: readonly BankStatement[];
  /** Entries not yet booked (pending, information only): not payments yet, left out. */
  readonly pendingEntries: number;
  /** Lines refused on their own (item 10 of issue 12): the rest of their statement is read. */
  readonly rejections: readonly ImportRejection[];
}

/**
 * Limits of text bank files (MT940, BgMax) that no real file reaches: SWIFT lines are at most 65
 * characters and a field at most 6 × 65 (`:86:`), BgMax records are 80; a year of a busy account's
 * statements is some hundreds of thousands of lines. Beyond them a file is refused, so every reader's
 * work stays bounded by the file's size.
 */
export const BANK_TEXT_LIMITS = { lineChars: 10_000, fieldChars: 20_000, lines: 4_000_000 } as const;

/** A line of a bank file refused with its reason; `value` is shortened so a hostile line cannot fill the report. */
export function bankRejection(row: number, field: string, code: RejectionCode, value: string): ImportRejection {
  return { row, field: `bank:${field}`, code, value: value.length > 80 ? `${value.slice(0, 79)}…` : value };
}

/**
 * Refuses a file whose statement is incomplete (no opening or closing balance: the file was cut short) or
 * does not add up (opening + entries ≠ closing), naming the statement and the difference. Statements with
 * refused lines whose amounts could not be read cannot be checked; those lines are listed instead.
 */
export function requireReconciled(file: string, statement: string, opening: StatementBalance | undefined, closing: StatementBalance | undefined, entries: readonly number[], unreadableEntries: number): void {
  const result = reconcileStatement(opening, closing, entries, unreadableEntries);
  if (result.kind === 'incomplete') throw new ImportFileError('statementIncomplete', { file, statement });
  if (result.kind === 'unbalanced') {
    // How far apart the two are; the message says they differ, the sign would only puzzle.
    const difference = Math.abs(result.differenceMinor) / 10 ** minorUnitDigits(result.currency);
    throw new ImportFileError('statementUnbalanced', { file, statement, difference, currency: result.currency });
  }
}

/**
 * A plain decimal amount as bank files write it (digits, at most one separator), in minor units, read in one
 * pass without regular expressions; undefined when it is not one or has more decimals than `minorDigits`.
 */
export function parseBankAmount(text: string, separator: ',' | '.', minorDigits: number): number | undefined {
  let whole = '';
  let fraction = '';
  let seenSeparator = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character >= '0' && character <= '9') {
      if (seenSeparator) fraction += character;
      else whole += character;
    } else if (character === separator && !seenSeparator) {
      seenSeparator = true;
    } else {
      return undefined;
    }
    if (whole.length > 18 || fraction.length > 18) return undefined;
  }
  if (whole === '' && fraction === '') return undefined;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > minorDigits) return undefined;
  const minor = Number(`${whole || '0'}${significant.padEnd(minorDigits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : undefined;
}
