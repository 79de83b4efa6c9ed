import type { WorklistEntry } from '../../../../shared/domain/dunning/worklist';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { LossKind } from '../../../../shared/sync/loss-submission';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor, StoredDocument } from '../db/schema';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import { queueLossSubmission } from '../sync/queue-loss-submission';
import type { MailMessageRequest } from '../../../../shared/ipc/mail-contract';
import { loadDoneEntryIds, planWorklist, WORKLIST_DONE_KEY } from './load-worklist';
import { isLetterStep, letterDocumentOf, loadLetterBatch, prepareLetter, previewLetterText, type LetterBatch, type LetterPreviewText, type PreparedLetter } from './send-letter';
import { inThreadLetterPdfs, startLetterPdfBuilder, type LetterPdfBuilder } from '../../letters/letter-pdf-builder';

export interface ProcessWorklistRequest {
  readonly entryIds: readonly string[];
  readonly today: IsoDate;
  readonly at: string;
  readonly locale: string;
  readonly leadDays: number;
  /** The debtors of the chosen entries: only their part of the worklist is worked out again. */
  readonly debtorIds?: readonly string[];
}

/** How far a batch has got; the screen shows it and may ask to stop (answering true) between two entries. */
export interface ProcessProgress {
  onProgress?(done: number, total: number): void | Promise<void>;
  isStopped?(): boolean | Promise<boolean>;
  /**
   * Puts a letter into the main process's e-mail outbox (Settings › E-mail); answers undefined when e-mail
   * is not set up, and the letter is then kept with its `.eml` draft as before.
   */
  queueMail?(message: MailMessageRequest): Promise<{ readonly messageId: string; readonly queued: boolean } | undefined>;
  withdrawMail?(key: string): Promise<unknown>;
}

export interface ProcessOutcome {
  readonly done: number;
  readonly submitted: number;
  readonly notMade: number;
  /** Set when the controller stopped the batch: the entries processed until then stay processed. */
  readonly stopped?: true;
}

/** What an insurer deadline asks for, and what a handover is: a submission through the insurer sync. */
const SUBMISSION_FOR: Readonly<Record<string, LossKind | undefined>> = { 'overdue-notification': 'overdue', 'collection-transfer': 'collection', 'claim-filing': 'claim', handover: 'collection' };

type MadeLetter = StoredDocument & { readonly mailMessage?: MailMessageRequest };

/** What a batch's letters share: what every letter reads, the chosen debtors as planned, and where PDFs are built. */
interface LetterMaking {
  readonly batch: LetterBatch;
  readonly chunkOf: ReadonlyMap<string, number> | undefined;
  readonly debtors: ReadonlyMap<string, StoredDebtor> | undefined;
  readonly ledgers: ReadonlyMap<string, DebtorLedger> | undefined;
  readonly pdfs: LetterPdfBuilder;
}

/** An entry whose step is a letter to a debtor who can be reached: processing it makes a letter. */
function makesLetter(entry: WorklistEntry): boolean {
  const task = entry.task;
  return task.kind === 'dunning' && isLetterStep(task.step) && !(entry.letterReach && !entry.letterReach.address && !entry.letterReach.email);
}

/**
 * Starts an entry's letter: its number is taken and its content built (`prepared`), then its PDF is built by
 * the batch's builder (`made`). A letter entry only; the number is taken once `prepared` settles.
 */
function startLetter(db: KredoDb, entry: WorklistEntry, request: ProcessWorklistRequest, making: LetterMaking): { readonly prepared: Promise<PreparedLetter | undefined>; readonly made: Promise<MadeLetter | undefined> } {
  const task = entry.task;
  if (task.kind !== 'dunning' || !isLetterStep(task.step)) throw new TypeError('not a letter step');
  const debtor = making.debtors?.get(entry.debtorId);
  const ledger = making.ledgers?.get(entry.debtorId);
  const chunkId = making.chunkOf?.get(entry.debtorId);
  const prepared = prepareLetter(db, { debtorId: entry.debtorId, actionId: task.action.id, step: task.step, itemIds: entry.invoices.map((invoice) => invoice.itemId), today: request.today, payBy: task.payBy, at: request.at, ...(chunkId !== undefined && { chunkId }), ...(debtor && ledger && { read: { debtor, ledger } }) }, making.batch);
  const made = prepared.then(async (letter) => letter && letterDocumentOf(letter, await making.pdfs.build(letter.content)));
  // Either may be left unawaited when a batch stops or fails before its entry: never an unhandled rejection.
  prepared.catch(() => undefined);
  made.catch(() => undefined);
  return { prepared, made };
}

async function processEntry(db: KredoDb, entry: WorklistEntry, request: ProcessWorklistRequest, makeLetter: () => Promise<MadeLetter | undefined>, mail: Pick<ProcessProgress, 'queueMail' | 'withdrawMail'> = {}): Promise<'done' | 'submitted' | 'skipped' | 'unreachable'> {
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
  const made = isLetterStep(task.step) ? await makeLetter() : undefined;
  const { mailMessage, ...document } = made ?? {};
  // The e-mail is queued before the step is stored, under the letter's stable id: a stop in between leaves a
  // queued message whose step is stored when the entry is processed again — the outbox keeps one message per
  // key, so it is never sent twice. If storing fails, the message is withdrawn before it goes.
  const queued = mailMessage ? await mail.queueMail?.(mailMessage) : undefined;
  const letter = made && { ...(document as StoredDocument), ...(queued && { mail: { messageId: queued.messageId, state: 'queued' as const } }) };
  try {
    await storeStep(db, entry, request, letter);
  } catch (error) {
    if (mailMessage && queued?.queued) await mail.withdrawMail?.(mailMessage.key);
    throw error;
  }
  return 'done';
}

async function storeStep(db: KredoDb, entry: WorklistEntry, request: ProcessWorklistRequest, letter: StoredDocument | undefined): Promise<void> {
  const task = entry.task;
  if (task.kind !== 'dunning') return;
  const itemIds = entry.invoices.map((invoice) => invoice.itemId);
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
}

/**
 * Carries out the chosen worklist entries (one click for a whole batch): a letter, call or task step is
 * recorded as done for its invoices, a handover or an insurer deadline becomes a submission through the
 * insurer sync. The worklist of the chosen debtors is worked out again first, so an entry already done is
 * not done twice. Each entry is stored in its own transaction after its letter is made, so a batch stopped
 * (or interrupted) between two entries leaves every entry either done with its letter or untouched.
 */
export async function processWorklist(db: KredoDb, request: ProcessWorklistRequest, progress: ProcessProgress = {}, pdfs: () => LetterPdfBuilder = startLetterPdfBuilder): Promise<ProcessOutcome> {
  const planned = await planWorklist(db, request, request.debtorIds && new Set(request.debtorIds));
  const wanted = new Set(request.entryIds);
  const chosen = (planned?.worklist.entries ?? []).filter((entry) => wanted.has(entry.id));
  const making: LetterMaking = { batch: await loadLetterBatch(db), chunkOf: planned?.chunkOf, debtors: planned?.debtors, ledgers: planned?.ledgers, pdfs: chosen.filter(makesLetter).length > 1 ? pdfs() : inThreadLetterPdfs };
  let done = 0;
  let submitted = 0;
  let notMade = 0;
  // The next entry's letter, started as soon as this one has its number (issue 14): its PDF is built meanwhile.
  let ahead: { readonly entryId: string; readonly letter: ReturnType<typeof startLetter> } | undefined;
  try {
    for (const [index, entry] of chosen.entries()) {
      if (await progress.isStopped?.()) return { done, submitted, notMade, stopped: true };
      const started = ahead?.entryId === entry.id ? ahead.letter : undefined;
      ahead = undefined;
      const letter = async () => {
        const own = started ?? startLetter(db, entry, request, making);
        // This letter has its number: the next one is started now, so its PDF is built while this one's is
        // finished and stored — unless the controller has asked to stop. Numbers are still taken in order;
        // should they stop before this letter is stored, the next is never stored (nor queued), and its action
        // keeps the number it was given for when it is processed again (letter-number.ts).
        await own.prepared;
        const next = chosen[index + 1];
        if (next && makesLetter(next) && !(await progress.isStopped?.())) ahead = { entryId: next.id, letter: startLetter(db, next, request, making) };
        return own.made;
      };
      const outcome = await processEntry(db, entry, request, letter, progress);
      if (outcome === 'done') done += 1;
      if (outcome === 'submitted') submitted += 1;
      if (outcome === 'unreachable') notMade += 1;
      await progress.onProgress?.(index + 1, chosen.length);
    }
    return { done, submitted, notMade };
  } finally {
    // A letter started and never stored: its number is taken before the batch ends; its PDF is dropped.
    await ahead?.letter.prepared.catch(() => undefined);
    making.pdfs.close();
  }
}

/** The letter a worklist entry would send, as text, so the controller sees it before processing. */
export async function previewWorklistLetter(db: KredoDb, request: Omit<ProcessWorklistRequest, 'entryIds'> & { readonly entryId: string }): Promise<LetterPreviewText | undefined> {
  const planned = await planWorklist(db, request, request.debtorIds && new Set(request.debtorIds));
  const entry = planned?.worklist.entries.find((candidate) => candidate.id === request.entryId);
  if (!entry || entry.task.kind !== 'dunning' || !isLetterStep(entry.task.step)) return undefined;
  const chunkId = planned?.chunkOf.get(entry.debtorId);
  return previewLetterText(db, { debtorId: entry.debtorId, actionId: entry.task.action.id, step: entry.task.step, itemIds: entry.invoices.map((invoice) => invoice.itemId), today: request.today, payBy: entry.task.payBy, ...(chunkId !== undefined && { chunkId }) });
}
