import type { IsoDate } from '../time/iso-date';
import type { TableField } from './open-item-fields';

/** What the store needs of one open invoice or credit note from an import (see OpenItemRecord). */
export type ImportedOpenItem = Omit<OpenItemRecord, 'row' | 'description'>;

/** One open invoice or credit note as an export states it, checked and normalised. */
export interface OpenItemRecord {
  /** The row's line number in the file (the header is line 1), for reports. */
  readonly row: number;
  readonly customerCode: string;
  readonly customerName: string;
  readonly invoiceNumber: string;
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate | undefined;
  readonly currency: string;
  /** What is still open, in minor units; negative for a credit note. */
  readonly openMinor: number;
  /** The original gross amount, when the export has it. */
  readonly amountMinor: number | undefined;
  readonly paymentReference: string;
  readonly vatNumber: string;
  readonly companyNumber: string;
  readonly description: string;
}

/** Why a row was refused; each code is a text in the `imports` namespace (`reject.<code>`). */
export const REJECTION_CODES = ['missingValue', 'emailInvalid', 'countryUnknown', 'amountInvalid', 'amountTooPrecise', 'amountTooLarge', 'dateInvalid', 'dueBeforeInvoice', 'currencyUnknown', 'duplicateInFile', 'tooFewColumns', 'tooManyColumns', 'fieldTooLong',
  // A line of a bank file (see BankFileField), refused on its own: the rest of its statement is read.
  'bankLineUnreadable', 'bankDateInvalid', 'bankAmountInvalid', 'bankCurrencyUnknown', 'bankDetailsMismatch'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** A field of a bank file as the file names it, shown as it is: `bank::61:`, `bank:Ntry/BookgDt`, `bank:TK20`. */
export type BankFileField = `bank:${string}`;

export interface ImportRejection {
  readonly row: number;
  readonly field: TableField | 'row' | BankFileField;
  readonly code: RejectionCode;
  /** The value as it stood in the file (shortened), so the user can find and fix it. */
  readonly value: string;
  /** For duplicates: the row the same invoice appeared on first. */
  readonly firstRow?: number;
}
