import Papa from 'papaparse';
import type { FieldError } from '../dunning/field-errors';
import type { IsoDate } from '../../time/iso-date';
import { mergeRateTables, type UserRateRow } from './rate-table-merge';
import { validateRateRow } from './rate-row-validation';
import type { ReferenceRateKind, ReferenceRateTable } from './reference-rates';

/**
 * A rates file (Settings › Interest rates › Import rates file): CSV with a header row
 * `table,from,rate,source` (or `;`-separated, as Excel saves it in Dutch and Swedish), one row per rate:
 *
 *     table,from,rate,source
 *     NL_HANDELSRENTE,2026-07-01,"10,40",dnb.nl
 *     SE_REFERENSRANTA,2026-07-01,2.00,riksbank.se
 *     UK_BASE_RATE,2026-08-06,3.75,bankofengland.co.uk
 *
 * `table` is NL_HANDELSRENTE, SE_REFERENSRANTA, UK_BASE_RATE or ECB_MRO (NL, SE, UK/GB and ECB also do);
 * `from` is YYYY-MM-DD (1 January or 1 July, or Bank Rate's change date); `rate` is in percent, with a
 * decimal point or comma; `source` may be empty.
 */
export const RATE_FILE_COLUMNS = ['table', 'from', 'rate', 'source'] as const;

const TABLE_ALIASES: Readonly<Record<string, ReferenceRateKind>> = { NL: 'NL_HANDELSRENTE', SE: 'SE_REFERENSRANTA', UK: 'UK_BASE_RATE', GB: 'UK_BASE_RATE', ECB: 'ECB_MRO', EU: 'ECB_MRO' };

/** A problem with one line of the file (1-based, the header is line 1), shown with the line number. */
export interface RateFileProblem extends FieldError {
  readonly line: number;
}

export interface RateFileCheck {
  /** The rows to store, all of them only if `problems` is empty. */
  readonly rows: readonly UserRateRow[];
  /** Every problem: a file with any is imported not at all. */
  readonly problems: readonly RateFileProblem[];
}

/**
 * Reads and checks a rates file against the table as it stands, each row as if typed in the form (so the
 * same plausibility checks apply), rows of the file counting for the rows after them: a file may bring
 * both half-years of a year. `confirmed` is the controller's "the rates with a large change are right".
 */
export function checkRateFile(text: string, context: { readonly today: IsoDate; readonly userRows: readonly UserRateRow[]; readonly at: string; readonly confirmed: boolean; readonly shipped?: ReferenceRateTable }): RateFileCheck {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const [header, ...lines] = parsed.data;
  const columns = (header ?? []).map((cell) => cell.trim().toLowerCase());
  if (RATE_FILE_COLUMNS.some((column, index) => columns[index] !== column)) return { rows: [], problems: [{ line: 1, field: 'file', code: 'badHeader', message: 'badHeader' }] };
  if (lines.length === 0) return { rows: [], problems: [{ line: 1, field: 'file', code: 'noRows', message: 'noRows' }] };
  const problems: RateFileProblem[] = [];
  const accepted: UserRateRow[] = [];
  lines.forEach((cells, index) => {
    const line = index + 2;
    const table = (cells[0] ?? '').trim().toUpperCase();
    const input = { kind: TABLE_ALIASES[table] ?? table, validFrom: cells[1] ?? '', rate: cells[2] ?? '', source: cells[3] ?? '', confirmed: context.confirmed };
    const userRows = [...context.userRows, ...accepted];
    const result = validateRateRow(input, { today: context.today, table: mergeRateTables(userRows, context.shipped), userRows, at: context.at });
    if (result.ok) accepted.push(result.value);
    else problems.push(...result.errors.map((error) => ({ ...error, line })));
  });
  return { rows: problems.length === 0 ? accepted : [], problems };
}
