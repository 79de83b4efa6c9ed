import { DUNNING_STEPS } from '../../../../shared/domain/dunning/dunning-action';
import { DEADLINE_KINDS } from '../../../../shared/domain/dunning/policy-deadlines';
import type { WorklistRow } from '../../data/dunning/worklist-rows';

/**
 * What a worklist entry asks for, as one filter value: a ladder step (`reminder-1`), an insurer deadline
 * (`deadline:claim-filing`) or a broken promise or plan.
 */
export function taskKey(row: Pick<WorklistRow, 'task'>): string {
  const task = row.task;
  return task.kind === 'dunning' ? task.step : task.kind === 'deadline' ? `deadline:${task.deadline}` : task.kind;
}

export interface WorklistQuery {
  /** A taskKey, or '' for every kind of work. */
  readonly task: string;
  /** ISO country code, or '' for all. */
  readonly country: string;
  /** Segment as stored, or '' for all. */
  readonly segment: string;
  /** Only entries of at least this amount (policy currency, minor units). */
  readonly minAmountMinor: number | undefined;
  /** Words that must all appear in the debtor's name, customer number or an invoice number. */
  readonly search: string;
  /** Each debtor's entries together, the debtors in the order of their most valuable entry. */
  readonly byDebtor: boolean;
}

export const EMPTY_WORKLIST_QUERY: WorklistQuery = { task: '', country: '', segment: '', minAmountMinor: undefined, search: '', byDebtor: false };

/** A heading over a debtor's entries when grouped (no total: one invoice can be in several entries). */
export interface DebtorGroup {
  readonly kind: 'debtor';
  readonly debtorId: string;
  readonly debtorName: string;
  readonly entryIds: readonly string[];
}

export type WorklistLine = DebtorGroup | { readonly kind: 'entry'; readonly row: WorklistRow };

/** Searched text per row, folded once per list (case and accents do not matter: "ostergren" finds "Östergren"). */
const searchTexts = new WeakMap<readonly WorklistRow[], string[]>();
const fold = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

function searchTextsOf(rows: readonly WorklistRow[]): string[] {
  let texts = searchTexts.get(rows);
  if (!texts) {
    texts = rows.map((row) => fold(`${row.debtorName} ${row.customerCode} ${row.invoiceNumbers}`));
    searchTexts.set(rows, texts);
  }
  return texts;
}

/** The rows the query keeps, in the worklist's order. */
export function filterWorklist(rows: readonly WorklistRow[], query: WorklistQuery): WorklistRow[] {
  const words = fold(query.search).split(/\s+/).filter(Boolean);
  const texts = words.length > 0 ? searchTextsOf(rows) : undefined;
  const kept: WorklistRow[] = [];
  rows.forEach((row, index) => {
    if (query.task && taskKey(row) !== query.task) return;
    if (query.country && row.country !== query.country) return;
    if (query.segment && row.segment !== query.segment) return;
    if (query.minAmountMinor !== undefined && row.amountMinor < query.minAmountMinor) return;
    if (texts && !words.every((word) => texts[index]!.includes(word))) return;
    kept.push(row);
  });
  return kept;
}

/** The lines the list shows: the filtered rows, or with `byDebtor` a heading per debtor followed by its rows. */
export function worklistLines(rows: readonly WorklistRow[], query: WorklistQuery): WorklistLine[] {
  const kept = filterWorklist(rows, query);
  if (!query.byDebtor) return kept.map((row) => ({ kind: 'entry', row }));
  const groups = new Map<string, WorklistRow[]>();
  for (const row of kept) {
    const group = groups.get(row.debtorId);
    if (group) group.push(row);
    else groups.set(row.debtorId, [row]);
  }
  // One pass into one array: at tier L this is 28,000 entries under 16,000 headings.
  const lines: WorklistLine[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    lines.push({ kind: 'debtor', debtorId: first.debtorId, debtorName: first.debtorName, entryIds: group.map((row) => row.id) });
    for (const row of group) lines.push({ kind: 'entry', row });
  }
  return lines;
}

/** Kinds of work in the order a controller meets them: the ladder, the insurer's deadlines, broken word. */
const TASK_ORDER = [...DUNNING_STEPS, ...DEADLINE_KINDS.map((kind) => `deadline:${kind}`), 'broken-promise', 'broken-plan'];

/** The values the filters offer, from the list itself (countries and segments sorted, kinds of work in TASK_ORDER). */
export function worklistFacets(rows: readonly WorklistRow[]): { readonly tasks: readonly string[]; readonly countries: readonly string[]; readonly segments: readonly string[] } {
  const tasks = new Set<string>();
  const countries = new Set<string>();
  const segments = new Set<string>();
  for (const row of rows) {
    tasks.add(taskKey(row));
    if (row.country) countries.add(row.country);
    if (row.segment) segments.add(row.segment);
  }
  return { tasks: TASK_ORDER.filter((key) => tasks.has(key)), countries: [...countries].sort(), segments: [...segments].sort() };
}
