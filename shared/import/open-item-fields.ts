/**
 * The fields of an open-items export that Kredo understands. Required: who owes (customer code), which
 * invoice, its date, and what is open. The rest is used when present: without a due date the debtor's
 * payment terms apply; without a currency the import's default currency does.
 */
export const OPEN_ITEM_FIELDS = [
  'customerCode',
  'customerName',
  'invoiceNumber',
  'invoiceDate',
  'dueDate',
  'openAmount',
  'amount',
  'currency',
  'paymentReference',
  'vatNumber',
  'companyNumber',
  'description',
] as const;

export type OpenItemField = (typeof OPEN_ITEM_FIELDS)[number];

export const REQUIRED_FIELDS: readonly OpenItemField[] = ['customerCode', 'invoiceNumber', 'invoiceDate', 'openAmount'];

/** Which column (0-based) holds each field; a field without a column is not in the file. */
export type ColumnMapping = Partial<Record<OpenItemField, number>>;

export function missingRequiredFields(mapping: ColumnMapping): OpenItemField[] {
  return REQUIRED_FIELDS.filter((field) => mapping[field] === undefined);
}
