import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { checkRateFile, type RateFileProblem } from '../../../../shared/domain/law/rate-table-csv';
import { mergeRateTables } from '../../../../shared/domain/law/rate-table-merge';
import { validateRateRow, type RateRowInput } from '../../../../shared/domain/law/rate-row-validation';
import type { ReferenceRateTable } from '../../../../shared/domain/law/reference-rates';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';

/**
 * The statutory-interest table letters and payment plans use: the shipped rows with the controller's
 * rows from the store, which win for their period (rate-table-merge.ts). Read afresh for every letter
 * and plan, so a row added under Settings counts from the next one on.
 */
export async function loadRateTable(db: KredoDb): Promise<ReferenceRateTable> {
  return mergeRateTables(await db.interestRates.toArray());
}

/**
 * Stores a rate row typed under Settings › Interest rates when every field checks out (rate-row-validation.ts),
 * with an audit line; otherwise nothing changes and each problem comes back with its field.
 */
export async function saveInterestRate(db: KredoDb, request: { readonly input: RateRowInput; readonly today: IsoDate; readonly at: string }): Promise<{ readonly errors: readonly FieldError[] }> {
  return db.transaction('rw', [db.interestRates, db.audit], async () => {
    const userRows = await db.interestRates.toArray();
    const result = validateRateRow(request.input, { today: request.today, table: mergeRateTables(userRows), userRows, at: request.at });
    if (!result.ok) return { errors: result.errors };
    const row = result.value;
    await db.interestRates.add(row);
    await db.audit.add({ at: request.at, actor: 'user', action: 'policy.interestRateAdded', entityType: 'policy', entityId: 'interest-rates', details: { table: row.kind, from: row.validFrom, rateBp: row.rateBp, source: row.source } });
    return { errors: [] };
  });
}

/**
 * Imports a rates file (rate-table-csv.ts): all its rows or, if any row has a problem, none, with every
 * problem and its line number to show.
 */
export async function importInterestRates(db: KredoDb, request: { readonly text: string; readonly fileName: string; readonly confirmed: boolean; readonly today: IsoDate; readonly at: string }): Promise<{ readonly stored: number; readonly problems: readonly RateFileProblem[] }> {
  return db.transaction('rw', [db.interestRates, db.audit], async () => {
    const checked = checkRateFile(request.text, { today: request.today, userRows: await db.interestRates.toArray(), at: request.at, confirmed: request.confirmed });
    if (checked.problems.length > 0) return { stored: 0, problems: checked.problems };
    await db.interestRates.bulkAdd([...checked.rows]);
    await db.audit.add({ at: request.at, actor: 'user', action: 'policy.interestRatesImported', entityType: 'policy', entityId: 'interest-rates', details: { file: request.fileName, rows: checked.rows.length } });
    return { stored: checked.rows.length, problems: [] };
  });
}

/** Removes a row the controller added (the shipped row for that period, if any, is used again). */
export async function removeInterestRate(db: KredoDb, request: { readonly id: string; readonly at: string }): Promise<void> {
  await db.transaction('rw', [db.interestRates, db.audit], async () => {
    const row = await db.interestRates.get(request.id);
    if (!row) return;
    await db.interestRates.delete(request.id);
    await db.audit.add({ at: request.at, actor: 'user', action: 'policy.interestRateRemoved', entityType: 'policy', entityId: 'interest-rates', details: { table: row.kind, from: row.validFrom, rateBp: row.rateBp } });
  });
}
