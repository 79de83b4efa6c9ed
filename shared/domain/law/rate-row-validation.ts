import type { FieldError, Validated } from '../dunning/field-errors';
import { addDays, isIsoDate, type IsoDate } from '../../time/iso-date';
import { nextHalfYearStart } from './law-calendar';
import { LETTER_RATE_KINDS, type LetterRateKind } from './rate-table-coverage';
import { userRateRowId, type UserRateRow } from './rate-table-merge';
import { isHalfYearKind, lookupReferenceRate, type ReferenceRateKind, type ReferenceRateTable } from './reference-rates';

/** A row as typed under Settings › Interest rates, or read from a rates file: the rate in percent ("10,40"). */
export interface RateRowInput {
  readonly kind: string;
  readonly validFrom: string;
  readonly rate: string;
  readonly source: string;
  /** The controller ticked "The rate is right" after being told it is far from the previous one. */
  readonly confirmed: boolean;
}

/**
 * The range a rate of each table can plausibly take, in basis points. The Dutch handelsrente is the ECB's
 * rate + 8 and has never been below 7.75 %; Bank Rate has never been negative (0.10 % at its lowest, 2020);
 * the Riksbank's referensränta was −0.50 % in 2015–2019 and the ECB's deposit rate −0.50 %, so those two may
 * be somewhat negative. The ceilings are far above anything since the euro (handelsrente 12.50 % in 2024).
 * A value outside is a slip (a statutory rate typed where the reference rate belongs, a missing comma).
 */
export const RATE_BOUNDS_BP: Readonly<Record<ReferenceRateKind, { readonly min: number; readonly max: number }>> = {
  NL_HANDELSRENTE: { min: 0, max: 2500 },
  NL_WETTELIJKE_RENTE: { min: 0, max: 2000 },
  SE_REFERENSRANTA: { min: -500, max: 1500 },
  UK_BASE_RATE: { min: 0, max: 1500 },
  ECB_MRO: { min: -100, max: 1500 },
};

/**
 * A change from the rate in force before the new row of more than this many basis points (2 percentage
 * points) asks for confirmation. Since 2013 only the turn of 2022/2023 moved a table by more (handelsrente
 * 8.00 → 10.50 %, referensränta 0.50 → 2.50 %); anything larger is far more often a typing slip than policy.
 */
export const LARGE_JUMP_BP = 200;

/** "10,40", "10.4", "-0,50 %" → basis points; undefined for anything else (grouping, more than 2 decimals: see tooPrecise). */
export function parseRatePercent(text: string): { readonly bp?: number; readonly problem?: 'notANumber' | 'tooPrecise' } {
  const compact = text.trim().replace(/\s*%$/, '').replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  const match = /^(-?)(\d{1,3})(?:[.,](\d+))?$/.exec(compact);
  if (!match) return { problem: 'notANumber' };
  const decimals = match[3] ?? '';
  if (decimals.length > 2) return { problem: 'tooPrecise' };
  const bp = Number(match[2]) * 100 + Number(decimals.padEnd(2, '0'));
  return { bp: match[1] === '-' && bp !== 0 ? -bp : bp };
}

export const isLetterRateKind = (kind: string): kind is LetterRateKind => (LETTER_RATE_KINDS as readonly string[]).includes(kind);

/** The longest source note kept with a row. */
export const SOURCE_MAX_LENGTH = 200;

/**
 * Checks a rate row before it is stored: a known table; a real date, on 1 January or 1 July where the law
 * fixes the rate per half-year, not before the table starts and not beyond the coming half-year (the Bank
 * of England's: not after today, since it records a change that happened); no second row of the
 * controller's for the same period (remove the old one first); a rate in percent with at most two decimals
 * within the table's plausible range; and — against the rate in force before it — no jump over
 * LARGE_JUMP_BP unless confirmed. Every problem comes back with its field, so the form shows each next to
 * its input; nothing is stored unless all check out.
 */
export function validateRateRow(
  input: RateRowInput,
  context: { readonly today: IsoDate; readonly table: ReferenceRateTable; readonly userRows: readonly UserRateRow[]; readonly at: string },
): Validated<UserRateRow> {
  const errors: FieldError[] = [];
  const problem = (field: string, code: string, params?: Record<string, unknown>) => errors.push({ field, code, message: code, ...(params && { params }) });
  const kind = input.kind.trim();
  if (kind === '') problem('kind', 'required');
  else if (!isLetterRateKind(kind)) problem('kind', 'unknownTable', { value: kind });
  const known = isLetterRateKind(kind) ? kind : undefined;
  const first = known && context.table.filter((row) => row.kind === known).map((row) => row.validFrom).sort()[0];

  const date = input.validFrom.trim();
  if (date === '') problem('validFrom', 'required');
  else if (!isIsoDate(date)) problem('validFrom', 'invalidDate');
  else if (known) {
    const latest = isHalfYearKind(known) ? nextHalfYearStart(context.today) : context.today;
    if (isHalfYearKind(known) && !/-(01|07)-01$/.test(date)) problem('validFrom', 'notHalfYearStart');
    else if (first && date < first) problem('validFrom', 'beforeTableStart', { first });
    else if (date > latest) problem('validFrom', 'tooFarAhead', { latest });
    else if (context.userRows.some((row) => row.id === userRateRowId(known, date))) problem('validFrom', 'overlap');
  }

  const parsed = input.rate.trim() === '' ? undefined : parseRatePercent(input.rate);
  if (!parsed) problem('rate', 'required');
  else if (parsed.problem) problem('rate', parsed.problem);
  else if (known && parsed.bp !== undefined) {
    const bounds = RATE_BOUNDS_BP[known];
    if (parsed.bp < bounds.min) problem('rate', 'belowMinimum', { minimum: bounds.min });
    else if (parsed.bp > bounds.max) problem('rate', 'aboveMaximum', { maximum: bounds.max });
    else if (!input.confirmed && isIsoDate(date) && first && date > first) {
      const before = lookupReferenceRate(known, addDays(date, -1), context.table);
      if (Math.abs(parsed.bp - before.rateBp) > LARGE_JUMP_BP) problem('rate', 'largeJump', { previous: before.rateBp, from: before.validFrom, change: parsed.bp - before.rateBp });
    }
  }

  const source = input.source.trim();
  if (source.length > SOURCE_MAX_LENGTH) problem('source', 'tooLong', { maximum: SOURCE_MAX_LENGTH });

  if (errors.length > 0 || !known || parsed?.bp === undefined) return { ok: false, errors };
  const validFrom = date as IsoDate;
  return { ok: true, value: { id: userRateRowId(known, validFrom), kind: known, validFrom, rateBp: parsed.bp, source, addedAt: context.at } };
}
