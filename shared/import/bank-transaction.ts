import { fnv1a32 } from '../hash/fnv1a';
import type { IsoDate } from '../time/iso-date';

/** One booked movement on a bank account (CAMT.053/054 entry detail, MT940 statement line, BgMax payment), normalised. */
export interface BankTransaction {
  /**
   * Stable across re-imports of the same statement, and carrying what recognises the same booking in
   * another format (see bankLineId).
   */
  readonly id: string;
  /** Where it stood in the file, for reports (entry number or line). */
  readonly position: number;
  readonly accountIban: string;
  readonly bookingDate: IsoDate;
  readonly valueDate: IsoDate;
  /** Always positive; see `direction`. */
  readonly amountMinor: number;
  readonly currency: string;
  readonly direction: 'credit' | 'debit';
  readonly isReversal: boolean;
  readonly counterpartyName: string;
  readonly counterpartyIban: string;
  /** A structured creditor reference (betalingskenmerk, RF, OCR) when the payer gave one. */
  readonly structuredReference: string;
  /** All free remittance text, joined. */
  readonly remittance: string;
  readonly endToEndId: string;
  readonly bankReference: string;
}

export interface BankStatement {
  /** How the file names the statement (MT940 `:20:`/`:28C:`, CAMT `Stmt/Id`, a BgMax deposit's number), for messages. */
  readonly name: string;
  readonly accountIban: string;
  readonly currency: string;
  readonly transactions: readonly BankTransaction[];
}

/**
 * A stable id from what identifies a booking; the same statement imported twice gives the same ids. The
 * first part of every bank line's id (see bankLineId), and all of the ids stored before it existed.
 */
export function bankTransactionId(parts: { accountIban: string; bankReference: string; endToEndId: string; bookingDate: string; amountMinor: number; direction: string; sequence: number }): string {
  const key = [parts.accountIban, parts.bankReference || parts.endToEndId || `#${parts.sequence}`, parts.bookingDate, parts.direction, parts.amountMinor].join('|');
  return `BT-${fnv1a32(key).toString(36)}-${key.length.toString(36)}-${parts.bookingDate.replace(/-/g, '')}`;
}
