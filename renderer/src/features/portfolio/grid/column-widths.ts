import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { uiDb } from '../../../data/queries/ui-db';

/**
 * The widths the controller gave the grid's columns by dragging a column edge (issue 17: "the grid
 * remembers column widths"), kept beside the saved views in the store's meta table so they outlast a
 * restart and travel with a backup. In rem, like the columns' own widths, so they follow the font size.
 */
export type ColumnWidths = Readonly<Record<string, number>>;

const META_KEY = 'portfolio.columnWidths';
/** Narrower than a few characters is no column; wider than a screen is a slip of the mouse. */
export const MIN_COLUMN_REM = 3;
export const MAX_COLUMN_REM = 60;

const widthsSchema = z.record(z.string().max(40), z.number().min(MIN_COLUMN_REM).max(MAX_COLUMN_REM));

/** Reads the stored widths; a width written by a newer or damaged version is dropped, the others kept. */
export function parseColumnWidths(json: unknown): ColumnWidths {
  if (typeof json !== 'string') return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((entry) => widthsSchema.safeParse(Object.fromEntries([entry])).success));
}

/** A dragged width in rem, kept within bounds and rounded to a hundredth (what a pixel is worth). */
export function clampColumnRem(rem: number): number {
  return Math.round(Math.min(MAX_COLUMN_REM, Math.max(MIN_COLUMN_REM, rem)) * 100) / 100;
}

export function useColumnWidths(): ColumnWidths {
  return useLiveQuery(async () => parseColumnWidths((await uiDb.meta.get(META_KEY))?.value), []) ?? {};
}

/** Keeps one column's width, or (undefined) gives it back its default width. */
export async function saveColumnWidth(columnId: string, widthRem: number | undefined): Promise<void> {
  await uiDb.transaction('rw', uiDb.meta, async () => {
    const { [columnId]: _previous, ...others } = parseColumnWidths((await uiDb.meta.get(META_KEY))?.value);
    const next = widthRem === undefined ? others : { ...others, [columnId]: clampColumnRem(widthRem) };
    await uiDb.meta.put({ key: META_KEY, value: JSON.stringify(widthsSchema.parse(next)) });
  });
}

/** Every column back to its default width. */
export async function resetColumnWidths(): Promise<void> {
  await uiDb.meta.delete(META_KEY);
}

/** The columns with the controller's widths in place of their defaults. */
export function withColumnWidths<Column extends { readonly id: string; readonly width: number }>(columns: readonly Column[], widths: ColumnWidths): Column[] {
  return columns.map((column) => (widths[column.id] === undefined ? column : { ...column, width: widths[column.id]! }));
}
