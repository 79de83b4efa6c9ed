import type { DunningChannel } from '../../../../shared/domain/dunning/credit-policy';
import type { DunningStep } from '../../../../shared/domain/dunning/dunning-action';
import type { DeadlineKind } from '../../../../shared/domain/dunning/policy-deadlines';
import type { Worklist, WorklistEntry } from '../../../../shared/domain/dunning/worklist';
import type { CurrencyCode } from '../../../../shared/money/money';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { StoredDebtor } from '../db/schema';

/** What an entry asks for, without the stored action and promise records behind it. */
export type WorklistRowTask =
  | { readonly kind: 'dunning'; readonly step: DunningStep; readonly channel: DunningChannel; readonly payBy: IsoDate | undefined }
  | { readonly kind: 'deadline'; readonly deadline: DeadlineKind; readonly on: IsoDate; readonly daysLeft: number }
  | { readonly kind: 'broken-promise' }
  | { readonly kind: 'broken-plan' };

/**
 * One worklist entry as the Dunning screen shows, filters and searches it. Handing a tier-L worklist to
 * the UI thread with every invoice as an object cost seconds (a structured clone of ~150,000 invoices);
 * the screen needs their count, currency and numbers (to search), and processing works the entries out
 * again in the data worker anyway.
 */
export interface WorklistRow {
  readonly id: string;
  readonly task: WorklistRowTask;
  readonly debtorId: string;
  readonly debtorName: string;
  readonly customerCode: string;
  readonly country: string;
  readonly segment: string;
  readonly riskScore: number;
  readonly invoiceCount: number;
  /** The first invoice's currency: what a promise recorded on a call is in. */
  readonly currency: CurrencyCode;
  readonly invoiceNumbers: string;
  /** In the policy currency. */
  readonly amountMinor: number;
  readonly daysOverdue: number;
  readonly letterReach?: WorklistEntry['letterReach'];
}

/**
 * The worklist as the data worker hands it to the UI thread: column by column, each debtor's and each kind of
 * task's fields once. A structured clone of 28,000 row objects (their field names written out for each) was a
 * tenth of the tier-L first screen (issue 14); columns of strings and numbers clone in a fraction of that, and
 * worklistRowsOf makes the rows again on the UI thread.
 */
export interface WorklistView {
  readonly ids: readonly string[];
  /** Per row, its task in `tasks` (the distinct tasks of the list). */
  readonly taskOf: Uint32Array;
  readonly tasks: readonly WorklistRowTask[];
  /** Per row, its debtor in the debtor columns below. */
  readonly debtorOf: Uint32Array;
  readonly debtorIds: readonly string[];
  readonly debtorNames: readonly string[];
  readonly customerCodes: readonly string[];
  readonly countries: readonly string[];
  readonly segments: readonly string[];
  readonly riskScores: Float64Array;
  readonly invoiceCounts: Uint32Array;
  readonly currencies: readonly CurrencyCode[];
  readonly invoiceNumbers: readonly string[];
  readonly amountsMinor: Float64Array;
  readonly daysOverdue: Float64Array;
  /** Per row: 0 without letterReach, else 1 + ADDRESS and EMAIL bits. */
  readonly letterReach: Uint8Array;
}

const ADDRESS = 2;
const EMAIL = 4;

function rowTask(task: WorklistEntry['task']): WorklistRowTask {
  switch (task.kind) {
    case 'dunning':
      return { kind: 'dunning', step: task.step, channel: task.channel, payBy: task.payBy };
    case 'deadline':
      return { kind: 'deadline', deadline: task.deadline, on: task.on, daysLeft: task.daysLeft };
    default:
      return { kind: task.kind };
  }
}

const taskKey = (task: WorklistRowTask) => (task.kind === 'dunning' ? `d|${task.step}|${task.channel}|${task.payBy ?? ''}` : task.kind === 'deadline' ? `l|${task.deadline}|${task.on}|${task.daysLeft}` : task.kind);

/** Each value's index in `values`, adding the values not met before. */
function indexer<T>(key: (value: T) => string) {
  const indexes = new Map<string, number>();
  const values: T[] = [];
  return {
    values,
    indexOf(value: T): number {
      const at = indexes.get(key(value));
      if (at !== undefined) return at;
      indexes.set(key(value), values.length);
      values.push(value);
      return values.length - 1;
    },
  };
}

/** The worklist's entries as rows, in the worklist's order (riskiest money first), column by column. */
export function worklistRows(worklist: Worklist, debtorOf: (debtorId: string) => Pick<StoredDebtor, 'customerCode' | 'country' | 'segment'> | undefined): WorklistView {
  const { entries } = worklist;
  const tasks = indexer<WorklistRowTask>(taskKey);
  const debtors = indexer<WorklistEntry>((entry) => entry.debtorId);
  const view = {
    ids: entries.map((entry) => entry.id),
    taskOf: Uint32Array.from(entries, (entry) => tasks.indexOf(rowTask(entry.task))),
    debtorOf: Uint32Array.from(entries, (entry) => debtors.indexOf(entry)),
    riskScores: Float64Array.from(entries, (entry) => entry.riskScore),
    invoiceCounts: Uint32Array.from(entries, (entry) => entry.invoices.length),
    currencies: entries.map((entry) => entry.invoices[0]?.currency ?? 'EUR'),
    invoiceNumbers: entries.map((entry) => entry.invoices.map((invoice) => invoice.number).join(' ')),
    amountsMinor: Float64Array.from(entries, (entry) => entry.amountMinor),
    daysOverdue: Float64Array.from(entries, (entry) => entry.daysOverdue),
    letterReach: Uint8Array.from(entries, ({ letterReach: reach }) => (reach ? 1 + (reach.address ? ADDRESS : 0) + (reach.email ? EMAIL : 0) : 0)),
  };
  const first = debtors.values;
  return {
    ...view,
    tasks: tasks.values,
    debtorIds: first.map((entry) => entry.debtorId),
    debtorNames: first.map((entry) => entry.debtorName),
    customerCodes: first.map((entry) => debtorOf(entry.debtorId)?.customerCode ?? ''),
    countries: first.map((entry) => debtorOf(entry.debtorId)?.country ?? ''),
    segments: first.map((entry) => debtorOf(entry.debtorId)?.segment ?? ''),
  };
}

/** The rows of a view, as the Dunning screen shows, filters and searches them (made on the UI thread). */
export function worklistRowsOf(view: WorklistView): WorklistRow[] {
  return view.ids.map((id, row): WorklistRow => {
    const debtor = view.debtorOf[row]!;
    const reach = view.letterReach[row]! - 1;
    return {
      id,
      task: view.tasks[view.taskOf[row]!]!,
      debtorId: view.debtorIds[debtor]!,
      debtorName: view.debtorNames[debtor]!,
      customerCode: view.customerCodes[debtor]!,
      country: view.countries[debtor]!,
      segment: view.segments[debtor]!,
      riskScore: view.riskScores[row]!,
      invoiceCount: view.invoiceCounts[row]!,
      currency: view.currencies[row]!,
      invoiceNumbers: view.invoiceNumbers[row]!,
      amountMinor: view.amountsMinor[row]!,
      daysOverdue: view.daysOverdue[row]!,
      ...(reach >= 0 && { letterReach: { address: (reach & ADDRESS) !== 0, email: (reach & EMAIL) !== 0 } }),
    };
  });
}
