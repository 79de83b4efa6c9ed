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

export interface WorklistView {
  readonly rows: readonly WorklistRow[];
}

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

/** The worklist's entries as rows, in the worklist's order (riskiest money first). */
export function worklistRows(worklist: Worklist, debtorOf: (debtorId: string) => Pick<StoredDebtor, 'customerCode' | 'country' | 'segment'> | undefined): WorklistView {
  return {
    rows: worklist.entries.map((entry): WorklistRow => {
      const debtor = debtorOf(entry.debtorId);
      return {
        id: entry.id,
        task: rowTask(entry.task),
        debtorId: entry.debtorId,
        debtorName: entry.debtorName,
        customerCode: debtor?.customerCode ?? '',
        country: debtor?.country ?? '',
        segment: debtor?.segment ?? '',
        riskScore: entry.riskScore,
        invoiceCount: entry.invoices.length,
        currency: entry.invoices[0]?.currency ?? 'EUR',
        invoiceNumbers: entry.invoices.map((invoice) => invoice.number).join(' '),
        amountMinor: entry.amountMinor,
        daysOverdue: entry.daysOverdue,
        ...(entry.letterReach && { letterReach: entry.letterReach }),
      };
    }),
  };
}
