import type { FileKind } from '../sniff-format';

/** The bank statement formats a file can be sniffed as (sniff-format.ts); each is read by bank-job.ts. */
export type BankFileKind = Extract<FileKind, 'camt053' | 'camt054' | 'mt940' | 'bgmax'>;

/**
 * Whether a file is a bank statement, told without loading the bank readers: the import worker loads them
 * (and their XML parsers) only for such a file.
 */
export function isBankFileKind(kind: FileKind): kind is BankFileKind {
  return kind === 'camt053' || kind === 'camt054' || kind === 'mt940' || kind === 'bgmax';
}
