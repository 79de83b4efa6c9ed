/**
 * The IPC shapes of imports: the files the main process holds, what it found in them, and the summary of
 * a parse. Records themselves travel as JSON text in batches (`import:read-batch`), checked in the worker
 * that produced them; validating a million rows again with zod here would cost seconds for nothing.
 */
import { z } from 'zod';
import { DATE_FORMATS } from '../import/parse-date';
import { TABLE_FIELDS } from '../import/open-item-fields';
import { TABLE_CONTENTS } from '../import/customer-fields';
import { REJECTION_CODES } from '../import/open-item-record';
import { MAX_HEADER_ROW } from '../import/table-limits';

export const importKindSchema = z.enum(['open-items', 'camt053', 'camt054', 'mt940', 'bgmax', 'ubl', 'xlsx']);

export const importFileSchema = z.strictObject({
  fileId: z.string(),
  name: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  kind: importKindSchema,
  origin: z.enum(['dialog', 'drop', 'watched']),
});

/** A file that was not taken in, with the reason as an `errors` code (the file's name among its parameters). */
export const importRefusalSchema = z.strictObject({
  name: z.string(),
  origin: z.enum(['dialog', 'drop', 'watched']),
  error: z.strictObject({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
});

export const columnMappingSchema = z.partialRecord(z.enum(TABLE_FIELDS), z.number().int().nonnegative().max(500));
/** What a table holds: open items, or customers' contacts and addresses (shared/import/customer-fields.ts). */
export const tableContentSchema = z.enum(TABLE_CONTENTS);

/** How a text file may be encoded (detected from its bytes, changeable on the mapping step). */
export const TEXT_ENCODINGS = ['utf-8-bom', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'] as const;
export const TABLE_DELIMITERS = [',', ';', '\t', '|'] as const;
export { MAX_HEADER_ROW };

/**
 * How a table is read before any column means anything: its encoding and separator (text), its sheet
 * (Excel) and which row holds the column names. Each part left out is detected.
 */
export const readingSchema = z.strictObject({
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  delimiter: z.enum(TABLE_DELIMITERS).optional(),
  sheet: z.string().max(100).optional(),
  /** The header's row number in the file or sheet (1 is the first). */
  headerRow: z.number().int().min(1).max(MAX_HEADER_ROW).optional(),
});

export const dialectSchema = z.strictObject({
  decimal: z.enum([',', '.']),
  dateFormat: z.enum(DATE_FORMATS),
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/),
});

export const tabularAnalysisSchema = z.strictObject({
  type: z.literal('tabular'),
  encoding: z.string(),
  delimiter: z.string(),
  /** How the file was read for this analysis: what was asked for, the rest detected. */
  reading: readingSchema,
  /** What detection alone found, shown beside the controls that change it. */
  detected: readingSchema,
  /** The workbook's sheets, in order (none for a text file). */
  sheets: z.array(z.string()),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  rowCount: z.number().int().nonnegative(),
  mapping: columnMappingSchema,
  /** What the table looks like it holds, and the customer mapping proposed should the controller say it holds customers. */
  content: tableContentSchema.optional(),
  customerMapping: columnMappingSchema.optional(),
  customerPresetName: z.string().nullable().optional(),
  presetName: z.string().nullable(),
  profileId: z.string().nullable(),
  dialect: z.strictObject({ decimal: z.enum([',', '.']), dateFormat: z.enum(DATE_FORMATS).nullable(), defaultCurrency: z.string() }),
});

export const bankAnalysisSchema = z.strictObject({
  type: z.literal('bank'),
  format: z.string(),
  statements: z.number().int().nonnegative(),
  credits: z.number().int().nonnegative(),
  debits: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  currencies: z.array(z.string()),
});

export const eInvoiceAnalysisSchema = z.strictObject({
  type: z.literal('e-invoice'),
  documentKind: z.enum(['invoice', 'credit-note']),
  number: z.string(),
  buyerName: z.string(),
  openMinor: z.number().int(),
  currency: z.string(),
});

export const fileAnalysisSchema = z.discriminatedUnion('type', [tabularAnalysisSchema, bankAnalysisSchema, eInvoiceAnalysisSchema]);

export const importRejectionSchema = z.strictObject({
  row: z.number().int(),
  field: z.string(),
  code: z.enum(REJECTION_CODES),
  value: z.string(),
  firstRow: z.number().int().optional(),
});

export const parseSummarySchema = z.strictObject({
  fileId: z.string(),
  recordKind: z.enum(['open-items', 'bank-transactions', 'e-invoice', 'customers']),
  batchCount: z.number().int().nonnegative(),
  recordCount: z.number().int().nonnegative(),
  rowCount: z.number().int().nonnegative(),
  settledRows: z.number().int().nonnegative(),
  /** The first 1,000 rejections; `rejectionCount` says how many there were in all. */
  rejections: z.array(importRejectionSchema),
  rejectionCount: z.number().int().nonnegative(),
  /** SHA-256 of the file's bytes: the same file imported again is recognised. */
  fileHash: z.string(),
});

export const importProfileSchema = z.strictObject({
  id: z.string(),
  name: z.string().min(1).max(80),
  /** The header row the profile was saved for, normalised: a file with the same headers gets it automatically. */
  headerSignature: z.string(),
  mapping: columnMappingSchema,
  dialect: dialectSchema,
  /** How files with these headers are read, when it differs from what detection finds (saved since issue 12). */
  reading: readingSchema.optional(),
  /** What files with these headers hold (customers' master data, or open items when left out). */
  content: tableContentSchema.optional(),
});

/** What a parse of each kind of file yields. */
export function recordKindOf(kind: z.output<typeof importKindSchema>): z.output<typeof parseSummarySchema>['recordKind'] {
  if (kind === 'camt053' || kind === 'camt054' || kind === 'mt940' || kind === 'bgmax') return 'bank-transactions';
  return kind === 'ubl' ? 'e-invoice' : 'open-items';
}

export type ImportFile = z.output<typeof importFileSchema>;
export type FileAnalysis = z.output<typeof fileAnalysisSchema>;
export type TabularAnalysis = z.output<typeof tabularAnalysisSchema>;
export type ParseSummary = z.output<typeof parseSummarySchema>;
export type ImportProfile = z.output<typeof importProfileSchema>;
export type ImportDialect = z.output<typeof dialectSchema>;
export type ImportRefusal = z.output<typeof importRefusalSchema>;
export type ImportReading = z.output<typeof readingSchema>;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
