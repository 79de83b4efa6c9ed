/**
 * Limits on tables (CSV, TSV, Excel) that no real export reaches, so a damaged or hostile file is refused
 * with a clear message instead of freezing the window or filling the store (issue 12, class 5: a 5 MB
 * single-line file became 13 dropdowns of a hundred thousand options; a 5 MB customer name was stored).
 * The README's "Importing files" lists them.
 */

/** Columns in a table. ERP open-items exports have 5–60; the column mapping accepts indexes up to 500. */
export const MAX_COLUMNS = 500;

/** Characters in one cell. ERP text fields hold 60–1,024 characters (names, descriptions, references). */
export const MAX_FIELD_CHARS = 2_000;

/** Characters in one column name (the profile of a layout stores names up to this length). */
export const MAX_HEADER_CHARS = 200;

/** Rows of a table: nearly twice what Excel holds (1,048,576), twice the largest export tested (1 million). */
export const MAX_ROWS = 2_000_000;

/**
 * The header row can be chosen among the first rows (HEADER_SEARCH_ROWS is what detection looks at). Here,
 * not beside the IPC schemas that check it: the import worker would load zod only for this number.
 */
export const MAX_HEADER_ROW = 50;

/** Non-blank rows at the top that header detection looks through (a title, a date line, the header). */
export const HEADER_SEARCH_ROWS = 20;
