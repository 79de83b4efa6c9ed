import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from '../../../../shared/domain/dunning/credit-policy';
import { validateCreditPolicy } from '../../../../shared/domain/dunning/credit-policy-schema';
import { buildWorklist, type Worklist, type WorklistDebtor } from '../../../../shared/domain/dunning/worklist';
import { deadlineKey, type DeadlineKind } from '../../../../shared/domain/dunning/policy-deadlines';
import { itemId, type DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import type { LossSubmission } from '../../../../shared/sync/loss-submission';
import { scoreDebtorRisk, type RiskSummary } from '../../../../shared/domain/risk/risk-score';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import { toDayNumber, type IsoDate } from '../../../../shared/time/iso-date';
import { createWorkHorizon } from '../../../../shared/domain/dunning/work-horizon';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { worklistDebtorFacts, worklistDebtorsOf, type WorklistDebtorFacts } from '../db/worklist-debtors';
import { overdueRiskSummaries, worklistSummariesAsRead } from '../db/worklist-summaries';
import { worklistRows, type WorklistView } from './worklist-rows';
import { keptWorklistLedgers, worklistLedgers, type LedgerNeed } from './worklist-ledgers';

/** Follow-ups done that leave no dunning action behind (a broken promise chased, say), by worklist entry id. */
export const WORKLIST_DONE_KEY = 'worklistDone';

export async function loadDoneEntryIds(db: KredoDb): Promise<Set<string>> {
  const stored = (await db.meta.get(WORKLIST_DONE_KEY))?.value;
  return new Set(typeof stored === 'string' ? (JSON.parse(stored) as string[]) : []);
}

/** Where the edited credit policy is kept (the meta table holds text); the default ladder until one is saved. */
export const CREDIT_POLICY_KEY = 'creditPolicy';

export async function loadCreditPolicy(db: KredoDb): Promise<CreditPolicy> {
  const stored = (await db.meta.get(CREDIT_POLICY_KEY))?.value;
  if (typeof stored !== 'string') return DEFAULT_CREDIT_POLICY;
  const validated = validateCreditPolicy(JSON.parse(stored) as unknown);
  return validated.ok ? validated.value : DEFAULT_CREDIT_POLICY;
}

/** The insurer deadline each kind of submission meets: once sent (and not refused), its alert is done. */
const DEADLINE_MET: Readonly<Record<LossSubmission['kind'], DeadlineKind>> = { overdue: 'overdue-notification', collection: 'collection-transfer', claim: 'claim-filing' };

function handledDeadlines(losses: readonly LossSubmission[]): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const loss of losses) {
    if (loss.state === 'REJECTED') continue;
    for (const invoice of loss.invoices) keys.add(deadlineKey(itemId(loss.debtorId, invoice.number), DEADLINE_MET[loss.kind]));
  }
  return keys;
}

/** Ledger chunks read per request: enough to keep IndexedDB busy, few enough to keep memory flat at tier L. */
const CHUNKS_PER_READ = 16;

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group) group.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}

/**
 * What the list reads of each overdue debtor: from each chunk's worklist debtors kept beside it (migration
 * 0024), or read whole from a chunk without them (written before they were kept). With `only` (a batch) the
 * debtors are read whole, as their letters need them too, and `whole` holds them.
 */
async function readDebtors(db: KredoDb, wanted: readonly { readonly chunkId: number; readonly overdue: ReadonlyMap<string, unknown> }[], only: ReadonlySet<string> | undefined): Promise<{ readonly facts: ReadonlyMap<string, WorklistDebtorFacts>; readonly whole: ReadonlyMap<string, StoredDebtor> }> {
  const ids = wanted.map((chunk) => chunk.chunkId);
  const kept = only ? [] : await db.worklistDebtorChunks.bulkGet(ids);
  const toRead = only ? ids : ids.filter((_, index) => !kept[index]);
  const debtorChunks = toRead.length > 0 ? await db.debtorChunks.bulkGet(toRead) : [];
  const whole = new Map(only ? debtorChunks.flatMap((chunk) => chunk?.debtors ?? []).map((debtor) => [debtor.id, debtor]) : []);
  const chunks = [...kept, ...debtorChunks.map((chunk) => chunk && worklistDebtorsOf(chunk))];
  const overdue = new Set(wanted.flatMap((chunk) => [...chunk.overdue.keys()]));
  const facts = new Map(chunks.flatMap((chunk) => (chunk ? worklistDebtorFacts(chunk, (debtorId) => overdue.has(debtorId)) : [])).map((debtor) => [debtor.id, debtor]));
  return { facts, whole };
}

/**
 * The overdue debtors of each summary chunk (with `only`, of those debtors alone) and the figures of their risk
 * score, in chunk order: from each chunk's worklist summaries kept beside it (migration 0027) with the chunk's
 * sync delta folded in, or read whole from a chunk without them (a summary lacking a figure). One read
 * transaction, so the three agree.
 */
async function readOverdue(db: KredoDb, only: ReadonlySet<string> | undefined): Promise<{ readonly chunkId: number; readonly overdue: ReadonlyMap<string, RiskSummary> }[]> {
  return db.transaction('r', [db.worklistSummaryChunks, db.summaryDeltas, db.summaryChunks], async () => {
    const [kept, deltas, chunkIds] = await Promise.all([db.worklistSummaryChunks.toArray(), db.summaryDeltas.toArray(), db.summaryChunks.toCollection().primaryKeys()]);
    const deltaById = new Map(deltas.map((delta) => [delta.chunkId, delta]));
    const keptById = new Map(kept.flatMap((record) => {
      const asRead = worklistSummariesAsRead(record, deltaById.get(record.chunkId));
      return asRead ? [[record.chunkId, asRead] as const] : [];
    }));
    const missing = chunkIds.filter((chunkId) => !keptById.has(chunkId));
    const whole = new Map((missing.length > 0 ? await db.summaryChunks.bulkGet(missing) : []).flatMap((chunk) => (chunk ? [[chunk.chunkId, chunk] as const] : [])));
    return chunkIds.flatMap((chunkId) => {
      const record = keptById.get(chunkId);
      const chunk = whole.get(chunkId);
      const overdue: ReadonlyMap<string, RiskSummary> = record ? overdueRiskSummaries(record, only) : new Map(chunk ? chunk.summaries.filter((summary) => summary.overdueMinor > 0 && (!only || only.has(summary.debtorId))).map((summary) => [summary.debtorId, summary]) : []);
      return overdue.size > 0 ? [{ chunkId, overdue }] : [];
    });
  });
}

/**
 * Today's dunning work across the portfolio (shared/domain/dunning/worklist.ts). Only debtors with overdue
 * money are read, from each chunk's open invoices kept beside its ledger (open-invoices.ts) rather than the
 * ledger itself, and of those only the open invoices that can have work today (work-horizon.ts): at tier L
 * that is a fraction of the million invoices.
 */
export async function loadWorklist(db: KredoDb, request: WorklistRequest): Promise<Worklist | undefined> {
  return (await planWorklist(db, request))?.worklist;
}

/** The worklist as the Dunning screen shows it: one slim row per entry (worklist-rows.ts). */
export async function loadWorklistView(db: KredoDb, request: WorklistRequest): Promise<WorklistView | undefined> {
  const planned = await planWorklist(db, request);
  return planned && worklistRows(planned.worklist, (debtorId) => planned.facts.get(debtorId));
}

export interface WorklistRequest {
  readonly today: IsoDate;
  readonly leadDays: number;
  readonly locale: string;
}

/**
 * The worklist, or with `only` the part of it for those debtors (read from their chunks alone: processing a
 * batch need not plan the whole portfolio again), and the chunk holding each debtor planned and what the
 * list reads of each debtor (`facts`). With `only`, `debtors` and `ledgers` hold those debtors whole and their
 * whole ledgers as planned, so their letters are made without reading the chunks again (a tier-L chunk's
 * columns per letter were most of a batch's store time, issue 14).
 */
export async function planWorklist(db: KredoDb, request: WorklistRequest, only?: ReadonlySet<string>): Promise<{ readonly worklist: Worklist; readonly chunkOf: ReadonlyMap<string, number>; readonly facts: ReadonlyMap<string, WorklistDebtorFacts>; readonly debtors: ReadonlyMap<string, StoredDebtor>; readonly ledgers: ReadonlyMap<string, DebtorLedger> } | undefined> {
  const [policy] = await db.policies.toArray();
  if (!policy) return undefined;
  const [creditPolicy, rates, wanted, actions, losses, promises, plans, doneEntryIds] = await Promise.all([
    loadCreditPolicy(db),
    db.exchangeRates.toArray(),
    readOverdue(db, only),
    db.dunningActions.toArray(),
    db.lossOutbox.toArray(),
    db.promises.toArray(),
    db.paymentPlans.toArray(),
    loadDoneEntryIds(db),
  ]);
  const handled = handledDeadlines(losses);
  const actionsOf = groupBy(actions, (action) => action.debtorId);
  const promisesOf = groupBy(promises, (promise) => promise.debtorId);
  const plansOf = groupBy(plans, (plan) => plan.debtorId);
  const couldHaveWork = createWorkHorizon(creditPolicy, policy, toDayNumber(request.today), request.leadDays);

  const { facts: factsById, whole: debtorById } = await readDebtors(db, wanted, only);
  const debtors: WorklistDebtor[] = [];
  const chunkOf = new Map<string, number>();
  const ledgers = new Map<string, DebtorLedger>();
  const planned = wanted.map(({ chunkId, overdue }) => {
    const needs = new Map<string, LedgerNeed>();
    // A batch's few debtors are read whole: their letters need the payments and allocations too.
    for (const debtorId of overdue.keys()) needs.set(debtorId, only || promisesOf.has(debtorId) || plansOf.has(debtorId) ? 'whole' : actionsOf.has(debtorId) ? 'open' : 'horizon');
    return { chunkId, overdue, needs, isWhole: [...needs.values()].includes('whole') };
  });
  // Each chunk's open invoices kept beside it (migration 0021) serve a chunk without whole ledgers to read;
  // a chunk without them (written before they were kept, or half written since) is read from its ledger.
  const ledgersOf = new Map<number, readonly DebtorLedger[]>();
  const keptIds = planned.filter((chunk) => !chunk.isWhole).map((chunk) => chunk.chunkId);
  const kept = await db.openInvoiceChunks.bulkGet(keptIds);
  planned.filter((chunk) => !chunk.isWhole).forEach(({ chunkId, needs }, index) => {
    const open = kept[index];
    if (open) ledgersOf.set(chunkId, keptWorklistLedgers(open, needs as ReadonlyMap<string, Exclude<LedgerNeed, 'whole'>>, couldHaveWork));
  });
  const fromLedgers = planned.filter((chunk) => !ledgersOf.has(chunk.chunkId));
  for (let first = 0; first < fromLedgers.length; first += CHUNKS_PER_READ) {
    const batch = fromLedgers.slice(first, first + CHUNKS_PER_READ);
    const ids = batch.map((chunk) => chunk.chunkId);
    const [numbersList, textsList] = await Promise.all([db.ledgerNumbers.bulkGet(ids), db.ledgerTexts.bulkGet(ids)]);
    batch.forEach(({ chunkId, needs }, index) => {
      const numbers = numbersList[index];
      const texts = textsList[index];
      if (numbers && texts) ledgersOf.set(chunkId, worklistLedgers({ numbers, texts }, needs, couldHaveWork));
    });
  }
  for (const { chunkId, overdue } of planned) {
    for (const ledger of ledgersOf.get(chunkId) ?? []) {
      const debtor = factsById.get(ledger.debtorId);
      const summary = overdue.get(ledger.debtorId);
      if (!debtor || !summary) continue;
      chunkOf.set(debtor.id, chunkId);
      if (only) ledgers.set(debtor.id, ledger);
      debtors.push({ debtor, ledger, riskScore: scoreDebtorRisk(summary, debtor.grade).score, actions: actionsOf.get(debtor.id) ?? [], promises: promisesOf.get(debtor.id) ?? [], paymentPlans: plansOf.get(debtor.id) ?? [], handledDeadlines: handled });
    }
  }
  const collator = new Intl.Collator(request.locale);
  const worklist = buildWorklist({ today: request.today, creditPolicy, insurancePolicy: policy, leadDays: request.leadDays, rates: new ExchangeRateTable(rates), debtors, doneEntryIds, compareNames: collator.compare });
  // A letter needs a usable address or an e-mail: the list says what is missing before anything is processed.
  const entries = worklist.entries.map((entry) => {
    const debtor = factsById.get(entry.debtorId);
    return entry.task.kind === 'dunning' && entry.task.channel === 'letter' && debtor ? { ...entry, letterReach: debtor.letterReach } : entry;
  });
  return { worklist: { ...worklist, entries }, chunkOf, facts: factsById, debtors: debtorById, ledgers };
}
