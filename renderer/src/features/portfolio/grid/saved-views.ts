import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { RISK_BANDS } from '../../../../../shared/domain/risk/risk-score';
import { LIMIT_STATUSES } from '../../../../../shared/domain/limits/credit-limit';
import { uiDb } from '../../../data/queries/ui-db';
import type { GridQuery } from './grid-query';

/** A named grid set-up the controller can come back to: search, filters, sort and columns. */
export interface SavedView {
  readonly id: string;
  readonly name: string;
  readonly query: GridQuery;
  readonly columns: readonly string[];
}

const META_KEY = 'portfolio.savedViews';

const viewSchema = z.object({
  id: z.string().max(64),
  name: z.string().min(1).max(80),
  columns: z.array(z.string().max(40)).max(60),
  query: z.object({
    search: z.string().max(200),
    sort: z.object({ column: z.string().max(40), direction: z.enum(['asc', 'desc']) }),
    filters: z.object({
      country: z.string().max(3).optional(),
      currency: z.string().max(3).optional(),
      limitState: z.enum([...LIMIT_STATUSES, 'SCHEDULED', 'DISCRETIONARY', 'NONE']).optional(),
      riskBand: z.enum(RISK_BANDS).optional(),
      isOverLimit: z.boolean().optional(),
      isDisputed: z.boolean().optional(),
      overdueAboveMinor: z.number().int().nonnegative().optional(),
      overdueDaysAbove: z.number().int().nonnegative().optional(),
    }),
  }),
});
const viewsSchema = z.array(viewSchema).max(100);

/**
 * Reads the saved views from the store's meta table. Views written by a newer or damaged version are
 * dropped one by one rather than losing them all.
 */
export function parseSavedViews(json: unknown): SavedView[] {
  if (typeof json !== 'string') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((candidate) => {
    const parsed = viewSchema.safeParse(candidate);
    return parsed.success ? [parsed.data as SavedView] : [];
  });
}

export function useSavedViews(): readonly SavedView[] {
  return useLiveQuery(async () => parseSavedViews((await uiDb.meta.get(META_KEY))?.value), []) ?? [];
}

/** Saves a view under its name, replacing a view of the same name (names are what the controller sees). */
export async function saveView(view: Omit<SavedView, 'id'>): Promise<SavedView> {
  return uiDb.transaction('rw', uiDb.meta, async () => {
    const views = parseSavedViews((await uiDb.meta.get(META_KEY))?.value);
    const existing = views.find((candidate) => candidate.name.toLocaleLowerCase() === view.name.toLocaleLowerCase());
    const saved: SavedView = { ...view, id: existing?.id ?? crypto.randomUUID() };
    const next = viewsSchema.parse([...views.filter((candidate) => candidate.id !== saved.id), saved]);
    await uiDb.meta.put({ key: META_KEY, value: JSON.stringify(next) });
    return saved;
  });
}

export async function deleteView(id: string): Promise<void> {
  await uiDb.transaction('rw', uiDb.meta, async () => {
    const views = parseSavedViews((await uiDb.meta.get(META_KEY))?.value);
    await uiDb.meta.put({ key: META_KEY, value: JSON.stringify(views.filter((view) => view.id !== id)) });
  });
}
