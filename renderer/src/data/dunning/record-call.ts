import { validatePromise } from '../../../../shared/domain/dunning/promises';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { loadWorklist } from './load-worklist';

export const CALL_OUTCOMES = ['promise', 'dispute', 'other', 'noAnswer'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface RecordCallRequest {
  readonly entryId: string;
  readonly outcome: CallOutcome;
  readonly note: string;
  /** With outcome 'promise': what the debtor promised, in the invoices' currency, and by when. */
  readonly promise?: { readonly amountMinor: number; readonly dueOn: IsoDate };
  readonly today: IsoDate;
  readonly at: string;
  readonly locale: string;
  readonly leadDays: number;
}

/**
 * The outcome of a dunning call from the worklist. A call that reached the debtor is done (with its note
 * in the audit trail); a promise to pay is stored and pauses dunning of its invoices until its date — kept
 * or broken is then read from the payments. No answer leaves the call on tomorrow's list.
 */
export async function recordCall(db: KredoDb, request: RecordCallRequest): Promise<{ readonly promiseId?: string }> {
  const entry = (await loadWorklist(db, request))?.entries.find((candidate) => candidate.id === request.entryId);
  if (!entry || entry.task.kind !== 'dunning' || entry.task.channel !== 'call') throw new KredoError('dunning.entryGone');
  const { action } = entry.task;
  const audit = { at: request.at, actor: 'user' as const, entityType: 'dunning' as const, entityId: entry.debtorId };
  if (request.outcome === 'noAnswer') {
    await db.audit.add({ ...audit, action: 'dunning.callAttempt', details: { actionId: action.id, note: request.note } });
    return {};
  }
  let promiseId: string | undefined;
  const promise = request.outcome === 'promise' ? validatePromise({ id: crypto.randomUUID(), debtorId: entry.debtorId, itemIds: entry.invoices.map((invoice) => invoice.itemId), amountMinor: request.promise?.amountMinor, currency: entry.invoices[0]?.currency, promisedOn: request.today, dueOn: request.promise?.dueOn }) : undefined;
  if (promise && !promise.ok) throw new KredoError('dunning.promiseInvalid', { field: promise.errors[0]?.field ?? '' });
  await db.transaction('rw', db.dunningActions, db.promises, db.audit, async () => {
    await db.dunningActions.put({ ...action, status: 'done', doneOn: request.today, note: request.note });
    if (promise?.ok) {
      await db.promises.put(promise.value);
      promiseId = promise.value.id;
    }
    await db.audit.add({ ...audit, action: 'dunning.callRecorded', details: { actionId: action.id, outcome: request.outcome, note: request.note, ...(promise?.ok && { promiseId: promise.value.id, amountMinor: promise.value.amountMinor, currency: promise.value.currency, dueOn: promise.value.dueOn }) } });
  });
  return promiseId ? { promiseId } : {};
}
