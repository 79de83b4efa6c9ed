import type { WorklistEntry } from '../../../../shared/domain/dunning/worklist';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { LossKind } from '../../../../shared/sync/loss-submission';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { queueLossSubmission } from '../sync/queue-loss-submission';
import { loadDoneEntryIds, loadWorklist, WORKLIST_DONE_KEY } from './load-worklist';
import { isLetterStep, makeLetterDocument, previewLetterText } from './send-letter';

export interface ProcessWorklistRequest {
  readonly entryIds: readonly string[];
  readonly today: IsoDate;
  readonly at: string;
  readonly locale: string;
  readonly leadDays: number;
}

/** What an insurer deadline asks for, and what a handover is: a submission through the insurer sync. */
const SUBMISSION_FOR: Readonly<Record<string, LossKind | undefined>> = { 'overdue-notification': 'overdue', 'collection-transfer': 'collection', 'claim-filing': 'claim', handover: 'collection' };

async function processEntry(db: KredoDb, entry: WorklistEntry, request: ProcessWorklistRequest): Promise<'done' | 'submitted' | 'skipped' | 'unreachable'> {
  const task = entry.task;
  const itemIds = entry.invoices.map((invoice) => invoice.itemId);
  const submission = task.kind === 'deadline' ? SUBMISSION_FOR[task.deadline] : task.kind === 'dunning' ? SUBMISSION_FOR[task.step] : undefined;
  if (submission) {
    try {
      await queueLossSubmission(db, { id: crypto.randomUUID(), debtorId: entry.debtorId, kind: submission, itemIds, detail: submission === 'claim' ? { cause: 'PROTRACTED_DEFAULT' } : {}, at: request.at, today: request.today });
    } catch (error) {
      // Already waiting to be sent: the deadline is being met; anything else is for the controller to read.
      if (!(error instanceof KredoError && error.code === 'sync.submissionPending')) throw error;
    }
  }
  if (task.kind === 'broken-promise' || task.kind === 'broken-plan') {
    // Followed up: it leaves the list (the stable entry id is remembered, the ledger still shows the shortfall).
    await db.transaction('rw', db.meta, db.audit, async () => {
      const done = await loadDoneEntryIds(db);
      done.add(entry.id);
      await db.meta.put({ key: WORKLIST_DONE_KEY, value: JSON.stringify([...done].slice(-5_000)) });
      await db.audit.add({ at: request.at, actor: 'user', action: `dunning.${task.kind}FollowedUp`, entityType: 'dunning', entityId: entry.debtorId, details: { entryId: entry.id } });
    });
    return 'done';
  }
  if (task.kind !== 'dunning') return submission ? 'submitted' : 'skipped';
  // The letter is made before anything is stored: if it cannot be made, the step is not recorded as done.
  // A debtor with neither a usable address nor an e-mail gets no letter, and the step stays on the list.
  if (isLetterStep(task.step) && entry.letterReach && !entry.letterReach.address && !entry.letterReach.email) return 'unreachable';
  const letter = isLetterStep(task.step) ? await makeLetterDocument(db, { debtorId: entry.debtorId, actionId: task.action.id, step: task.step, itemIds, today: request.today, payBy: task.payBy, at: request.at }) : undefined;
  await db.transaction('rw', db.dunningActions, db.documents, db.audit, async () => {
    // The action's id is stable (shared/domain/dunning/stable-id.ts): processing twice writes one record.
    await db.dunningActions.put({ ...task.action, status: 'done', doneOn: request.today });
    if (letter) await db.documents.put(letter);
    await db.audit.add({
      at: request.at,
      actor: 'user',
      action: 'dunning.stepDone',
      entityType: 'dunning',
      entityId: entry.debtorId,
      details: { step: task.step, actionId: task.action.id, invoices: itemIds.length, amountMinor: entry.amountMinor, ...(letter && { documentId: letter.id, totalDueMinor: letter.totalDueMinor, currency: letter.currency }) },
    });
  });
  return 'done';
}

/**
 * Carries out the chosen worklist entries (one click for a whole batch): a letter, call or task step is
 * recorded as done for its invoices, a handover or an insurer deadline becomes a submission through the
 * insurer sync. The worklist is worked out again first, so an entry already done is not done twice.
 */
export async function processWorklist(db: KredoDb, request: ProcessWorklistRequest): Promise<{ readonly done: number; readonly submitted: number; readonly notMade: number }> {
  const worklist = await loadWorklist(db, request);
  const wanted = new Set(request.entryIds);
  let done = 0;
  let submitted = 0;
  let notMade = 0;
  for (const entry of worklist?.entries ?? []) {
    if (!wanted.has(entry.id)) continue;
    const outcome = await processEntry(db, entry, request);
    if (outcome === 'done') done += 1;
    if (outcome === 'submitted') submitted += 1;
    if (outcome === 'unreachable') notMade += 1;
  }
  return { done, submitted, notMade };
}

/** The letter a worklist entry would send, as text, so the controller sees it before processing. */
export async function previewWorklistLetter(db: KredoDb, request: Omit<ProcessWorklistRequest, 'entryIds'> & { readonly entryId: string }): Promise<{ readonly subject: string; readonly text: string; readonly language: string } | undefined> {
  const entry = (await loadWorklist(db, request))?.entries.find((candidate) => candidate.id === request.entryId);
  if (!entry || entry.task.kind !== 'dunning' || !isLetterStep(entry.task.step)) return undefined;
  return previewLetterText(db, { debtorId: entry.debtorId, step: entry.task.step, itemIds: entry.invoices.map((invoice) => invoice.itemId), today: request.today, payBy: entry.task.payBy });
}
