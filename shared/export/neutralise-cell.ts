/**
 * Spreadsheet formula injection ("CSV injection"): Excel, LibreOffice Calc and Google Sheets evaluate a
 * cell whose text starts with `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage return can
 * smuggle one past a check of the first character. Debtor names, invoice numbers and remittance texts come
 * from ERP files and bank statements, so an export must never let them run as `=HYPERLINK(...)` or worse
 * on the credit controller's machine.
 *
 * The defence is OWASP's: prefix such a cell with a single quote, which spreadsheets take as "this is
 * text" (https://owasp.org/www-community/attacks/CSV_Injection; also OWASP ASVS 5.0 V1.2.10).
 */
const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Whether a spreadsheet could read this text as the start of a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_TRIGGERS.has(text.charAt(0));
}

/** The text as it may safely stand in an exported cell: prefixed with `'` when it could start a formula. */
export function neutraliseText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * Neutralises a cell only if it is text. Numbers stay numbers: a negative amount such as -12.5 is a value
 * the spreadsheet should compute with, not text an attacker wrote.
 */
export function neutraliseCell<T extends string | number | null>(cell: T): T {
  return (typeof cell === 'string' ? neutraliseText(cell) : cell) as T;
}
