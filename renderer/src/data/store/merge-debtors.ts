import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import { planDebtorMerge, type DebtorMergePlan, type MergeWarning } from '../../../../shared/domain/debtors/merge-debtors';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { ChunkEditor, loadStoreIndex } from '../import/chunk-loader';
import { REWRITTEN_TABLES, rewriteChunks } from '../import/rewrite-chunks';

export interface MergeRequest {
  /** The debtor that stays: its id, code, name and settings are kept. */
  readonly survivorId: string;
  /** The debtor merged into it, which disappears. */
  readonly mergedId: string;
}

/** What moves from the merged debtor to the survivor. */
export interface MergeCounts {
  readonly items: number;
  readonly payments: number;
  readonly limits: number;
  readonly dunningActions: number;
  readonly documents: number;
  readonly promises: number;
  readonly paymentPlans: number;
  /** Limit requests, overdue notifications, collection handovers and claims, answered by the insurer. */
  readonly insurerCases: number;
  readonly notes: number;
  /** Lines of the audit trail about the merged debtor (notes included), shown on the survivor's page from now on. */
  readonly auditEntries: number;
  readonly paymentsToReview: number;
}

/**
 * Why a merge cannot be done now:
 * - `insurerPending`: a limit request or a loss submission for either debtor has not been answered by the
 *   insurer yet. It was made for that buyer under its own Idempotency-Key and its answer is applied to that
 *   debtor; moving it mid-way could send the same key with another buyer, or leave the answer with a debtor
 *   that no longer exists, and insurers take one open request per buyer. Once answered, the merge can go on.
 * - `sameInvoiceNumber`: both debtors hold an invoice number with different contents.
 */
export type MergeProblem =
  | { readonly kind: 'sameDebtor' }
  | { readonly kind: 'insurerPending'; readonly debtorName: string; readonly requests: number }
  | { readonly kind: 'sameInvoiceNumber'; readonly numbers: readonly string[] };

export interface MergePreview {
  readonly moves: MergeCounts;
  readonly warnings: readonly MergeWarning[];
  readonly problems: readonly MergeProblem[];
}

const OPEN_LIMIT_REQUEST = new Set(['SUBMITTED_LOCAL', 'CHECKING', 'PENDING', 'ATTENTION']);
const OPEN_LOSS_SUBMISSION = new Set(['SUBMITTED_LOCAL', 'CHECKING', 'ATTENTION']);

const tablesOf = (db: KredoDb) => [
  ...REWRITTEN_TABLES.map((name) => db.table(name)),
  db.dunningActions, db.documents, db.promises, db.paymentPlans, db.limitOutbox, db.lossOutbox, db.paymentsToReview, db.insurerQuarantine, db.audit,
];

/** Everything about the merged debtor outside its chunk, and what the merge would be. */
async function gather(db: KredoDb, request: MergeRequest) {
  const index = await loadStoreIndex(db);
  const survivor = index.byId.get(request.survivorId);
  const merged = index.byId.get(request.mergedId);
  if (!survivor || !merged) throw new KredoError('import.debtorGone');
  const editor = new ChunkEditor(db, index);
  const limitsOf = async (debtor: StoredDebtor) => (await editor.chunk(debtor.chunkId)).limits.filter((limit) => limit.debtorId === debtor.id);
  const plan = planDebtorMerge({
    survivor, merged,
    survivorLedger: await editor.ledgerOf(survivor), mergedLedger: await editor.ledgerOf(merged),
    survivorLimits: await limitsOf(survivor), mergedLimits: await limitsOf(merged),
  });
  const [actions, documents, promises, plans, requests, losses] = await Promise.all([
    db.dunningActions.where('debtorId').equals(merged.id).toArray(),
    db.documents.where('debtorId').equals(merged.id).toArray(),
    db.promises.where('debtorId').equals(merged.id).toArray(),
    db.paymentPlans.where('debtorId').equals(merged.id).toArray(),
    db.limitOutbox.where('debtorId').anyOf([survivor.id, merged.id]).toArray(),
    db.lossOutbox.where('debtorId').anyOf([survivor.id, merged.id]).toArray(),
  ]);
  const mergedIds = [merged.id, ...(merged.aliases?.debtorIds ?? [])];
  const audit = await db.audit.where('[entityType+entityId]').anyOf(mergedIds.map((id) => ['debtor', id])).toArray();
  const toReview = await db.paymentsToReview.filter((payment) => payment.candidateDebtorIds.includes(merged.id)).toArray();
  const quarantined = await db.insurerQuarantine.filter((item) => item.debtorId === merged.id).toArray();

  const problems: MergeProblem[] = [];
  if (survivor.id === merged.id) problems.push({ kind: 'sameDebtor' });
  for (const debtor of [survivor, merged]) {
    const open = requests.filter((entry) => entry.debtorId === debtor.id && OPEN_LIMIT_REQUEST.has(entry.state)).length + losses.filter((entry) => entry.debtorId === debtor.id && OPEN_LOSS_SUBMISSION.has(entry.state)).length;
    if (open > 0) problems.push({ kind: 'insurerPending', debtorName: debtor.name, requests: open });
  }
  if (plan.conflictingNumbers.length > 0) problems.push({ kind: 'sameInvoiceNumber', numbers: plan.conflictingNumbers });
  const mergedRequests = requests.filter((entry) => entry.debtorId === merged.id);
  const mergedLosses = losses.filter((entry) => entry.debtorId === merged.id);
  const moves: MergeCounts = {
    ...plan.counts,
    dunningActions: actions.length,
    documents: documents.length,
    promises: promises.length,
    paymentPlans: plans.length,
    insurerCases: mergedRequests.length + mergedLosses.length,
    notes: audit.filter((entry) => entry.action === 'debtor.noteAdded').length,
    auditEntries: audit.length,
    paymentsToReview: toReview.length,
  };
  return { index, editor, survivor, merged, plan, problems, moves, related: { actions, documents, promises, plans, requests: mergedRequests, losses: mergedLosses, toReview, quarantined } };
}

/** What merging would move, warn about, or why it cannot be done now. Changes nothing. */
export async function previewDebtorMerge(db: KredoDb, request: MergeRequest): Promise<MergePreview> {
  return db.transaction('r', tablesOf(db), async () => {
    const { moves, plan, problems } = await gather(db, request);
    return { moves, warnings: plan.warnings, problems };
  });
}

function refusal(problem: MergeProblem): KredoError {
  switch (problem.kind) {
    case 'sameDebtor':
      return new KredoError('debtor.mergeSameDebtor');
    case 'insurerPending':
      return new KredoError('debtor.mergeInsurerPending', { name: problem.debtorName });
    case 'sameInvoiceNumber':
      return new KredoError('debtor.mergeSameInvoice', { numbers: problem.numbers.join(', ') });
  }
}

const remap = (plan: DebtorMergePlan, itemIds: readonly string[]) => itemIds.map((id) => plan.itemIds.get(id) ?? id);

/**
 * Merges one debtor into another in one IndexedDB transaction: the ledger, limits and the debtor's record
 * (its code, identifiers, id and insurer buyer id become the survivor's aliases), its dunning actions,
 * letters, promises, payment plans, insurer cases, payments waiting for review and quarantined insurer data
 * follow; both chunks are rewritten with fresh summaries and the portfolio recomputed; one audit entry names
 * both debtors and what moved. The audit trail is append-only, so the merged debtor's entries stay as they
 * were written and the survivor's page shows them through its aliases. All of it lands, or none.
 */
export async function mergeDebtors(db: KredoDb, request: MergeRequest & { readonly today: IsoDate; readonly at: string; readonly homeCurrency: string }): Promise<MergeCounts> {
  return db.transaction('rw', tablesOf(db), async () => {
    const { editor, survivor, merged, plan, problems, moves, related } = await gather(db, request);
    if (problems[0]) throw refusal(problems[0]);
    const stored: StoredDebtor = { ...plan.debtor, chunkId: survivor.chunkId };
    await editor.setLedger(survivor, plan.ledger);
    await editor.setDebtor(stored);
    await editor.setLimits(stored, plan.limits);
    await editor.removeDebtor(merged);
    await rewriteChunks(db, editor.updates(), { today: request.today, homeCurrency: request.homeCurrency });

    const to = survivor.id;
    await db.dunningActions.bulkPut(related.actions.map((action) => ({ ...action, debtorId: to, itemIds: remap(plan, action.itemIds) })));
    await db.documents.bulkPut(related.documents.map((document) => ({ ...document, debtorId: to })));
    await db.promises.bulkPut(related.promises.map((promise) => ({ ...promise, debtorId: to, itemIds: remap(plan, promise.itemIds) })));
    await db.paymentPlans.bulkPut(related.plans.map((paymentPlan) => ({ ...paymentPlan, debtorId: to, itemIds: remap(plan, paymentPlan.itemIds) })));
    await db.limitOutbox.bulkPut(related.requests.map((entry) => ({ ...entry, debtorId: to })));
    await db.lossOutbox.bulkPut(related.losses.map((entry) => ({ ...entry, debtorId: to })));
    await db.paymentsToReview.bulkPut(related.toReview.map((payment) => ({ ...payment, candidateDebtorIds: [...new Set(payment.candidateDebtorIds.map((id) => (id === merged.id ? to : id)))] })));
    await db.insurerQuarantine.bulkPut(related.quarantined.map((item) => ({ ...item, debtorId: to, debtorName: survivor.name })));
    const entry: AuditEntry = {
      at: request.at,
      actor: 'user',
      action: 'debtor.merged',
      entityType: 'debtor',
      entityId: to,
      details: { survivorId: to, survivorName: survivor.name, survivorCustomerCode: survivor.customerCode, mergedId: merged.id, mergedName: merged.name, mergedCustomerCode: merged.customerCode, ...moves, warnings: plan.warnings.map((warning) => warning.kind).join(',') },
    };
    await db.audit.add(entry);
    return moves;
  });
}
