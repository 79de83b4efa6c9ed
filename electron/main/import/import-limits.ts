/**
 * Limits no real export reaches, so a damaged or hostile file is refused with a clear message instead of
 * exhausting the import worker's memory (issue 12, class 5). Each is far above what the ERPs Kredo reads
 * produce; the README's "Importing files" lists them. The limits on tables are in shared/import/table-limits.ts.
 */

/** Entries in a workbook's zip. An Excel export has 10–30 parts. */
export const MAX_ZIP_ENTRIES = 2_000;

/** Bytes a workbook may unpack to, all parts together. A workbook of the largest allowed size (cells below) unpacks to about 100 MB. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/**
 * How much smaller a large part may be packed than unpacked. Real worksheets pack 5–20 to 1 (a sheet of
 * identical rows 12 to 1); a zip bomb packs around 1,000 to 1. Parts under 1 MB are left alone.
 */
export const MAX_PACKING_RATIO = 100;
export const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;

/**
 * Cells in a workbook, all sheets together. The spreadsheet library holds every cell as an object of
 * about 350 bytes, so this keeps a workbook within the import worker's memory; larger exports are CSV.
 */
export const MAX_WORKBOOK_CELLS = 2_000_000;

/** Rows in a worksheet: Excel's own maximum. */
export const MAX_SHEET_ROWS = 1_048_576;

/** The import worker's heap. Reading the million-row CSV export of the benchmark needs well under half of it. */
export const WORKER_MAX_OLD_GENERATION_MB = 1_536;

/** A job that reports nothing for this long (no progress, no result) is stopped. */
export const WORKER_STALL_MS = 120_000;
