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

/** The fields of a customer export (shared/import/customer-fields.ts) that an open-items export does not have. */
export const CUSTOMER_ONLY_FIELDS = [
  'street', 'postalCode', 'city', 'country', 'invoiceStreet', 'invoicePostalCode', 'invoiceCity', 'invoiceCountry',
  'contactTitle', 'contactFirstName', 'contactSurname', 'contactName', 'contactRole', 'email', 'phone',
] as const;

/** Every field a table's column can be mapped to, open items and customers alike (one mapping step for both). */
export const TABLE_FIELDS = [...OPEN_ITEM_FIELDS, ...CUSTOMER_ONLY_FIELDS] as const;
export type TableField = (typeof TABLE_FIELDS)[number];

/** Which column (0-based) holds each field; a field without a column is not in the file. */
export type ColumnMapping = Partial<Record<TableField, number>>;

export function missingRequiredFields(mapping: ColumnMapping): OpenItemField[] {
  return REQUIRED_FIELDS.filter((field) => mapping[field] === undefined);
}
