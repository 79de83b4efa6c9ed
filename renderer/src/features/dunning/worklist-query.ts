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

/** Whether the query keeps each row (by index), or undefined when it keeps them all. */
function keptMask(rows: readonly WorklistRow[], query: WorklistQuery): boolean[] | undefined {
  const words = fold(query.search).split(/\s+/).filter(Boolean);
  if (!query.task && !query.country && !query.segment && query.minAmountMinor === undefined && words.length === 0) return undefined;
  const texts = words.length > 0 ? searchTextsOf(rows) : undefined;
  return rows.map((row, index) => {
    if (query.task && taskKey(row) !== query.task) return false;
    if (query.country && row.country !== query.country) return false;
    if (query.segment && row.segment !== query.segment) return false;
    if (query.minAmountMinor !== undefined && row.amountMinor < query.minAmountMinor) return false;
    return !texts || words.every((word) => texts[index]!.includes(word));
  });
}

/** The rows the query keeps, in the worklist's order. */
export function filterWorklist(rows: readonly WorklistRow[], query: WorklistQuery): WorklistRow[] {
  const kept = keptMask(rows, query);
  return kept ? rows.filter((_, index) => kept[index]) : [...rows];
}

/**
 * What the lines of one list are made of, worked out once per list rather than on every keystroke: a line
 * per entry, and each debtor's entries (by index, in the worklist's order) with its heading when all of them
 * are shown. Grouping 28,000 entries at tier L anew for every query cost about the 50 ms a query may take
 * (issue 14).
 */
interface ListLines {
  readonly entries: readonly WorklistLine[];
  readonly groups: readonly Group[];
  /** Each row's index in `groups`. */
  readonly groupOfRow: Int32Array;
}
interface Group {
  readonly members: readonly number[];
  readonly heading: DebtorGroup;
}
const listLines = new WeakMap<readonly WorklistRow[], ListLines>();

function linesOf(rows: readonly WorklistRow[]): ListLines {
  let lines = listLines.get(rows);
  if (!lines) {
    const byDebtor = new Map<string, number[]>();
    rows.forEach((row, index) => {
      const members = byDebtor.get(row.debtorId);
      if (members) members.push(index);
      else byDebtor.set(row.debtorId, [index]);
    });
    const groups = [...byDebtor.values()].map((members) => ({ members, heading: heading(rows, members) }));
    const groupOfRow = new Int32Array(rows.length);
    groups.forEach(({ members }, group) => members.forEach((index) => (groupOfRow[index] = group)));
    lines = { entries: rows.map((row) => ({ kind: 'entry', row })), groups, groupOfRow };
    listLines.set(rows, lines);
  }
  return lines;
}

function heading(rows: readonly WorklistRow[], members: readonly number[]): DebtorGroup {
  const first = rows[members[0]!]!;
  return { kind: 'debtor', debtorId: first.debtorId, debtorName: first.debtorName, entryIds: members.map((index) => rows[index]!.id) };
}

/** The groups with an entry the query keeps, each with only those entries, in the order the kept entries meet them. */
function keptGroups(rows: readonly WorklistRow[], kept: readonly boolean[], groupOfRow: Int32Array, groups: readonly Group[]): Group[] {
  const keptOf = new Map<number, number[]>();
  kept.forEach((isKept, index) => {
    if (!isKept) return;
    const group = groupOfRow[index]!;
    const members = keptOf.get(group);
    if (members) members.push(index);
    else keptOf.set(group, [index]);
  });
  return [...keptOf].map(([group, members]) => {
    const whole = groups[group]!;
    return members.length === whole.members.length ? whole : { members, heading: heading(rows, members) };
  });
}

/** The lines the list shows: the filtered rows, or with `byDebtor` a heading per debtor followed by its rows. */
export function worklistLines(rows: readonly WorklistRow[], query: WorklistQuery): WorklistLine[] {
  const kept = keptMask(rows, query);
  const { entries, groups, groupOfRow } = linesOf(rows);
  if (!query.byDebtor) return kept ? entries.filter((_, index) => kept[index]) : [...entries];
  // Debtors in the order of their most valuable entry shown: the worklist's order, so the order in which
  // the shown entries meet them.
  const shown = kept ? keptGroups(rows, kept, groupOfRow, groups) : groups;
  const lines: WorklistLine[] = [];
  for (const { members, heading: line } of shown) {
    lines.push(line);
    for (const index of members) lines.push(entries[index]!);
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
