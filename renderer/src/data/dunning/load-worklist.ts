import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from '../../../../shared/domain/dunning/credit-policy';
import { letterReach } from '../../../../shared/domain/debtors/debtor-master-data';
import { validateCreditPolicy } from '../../../../shared/domain/dunning/credit-policy-schema';
import { buildWorklist, type Worklist, type WorklistDebtor } from '../../../../shared/domain/dunning/worklist';
import { deadlineKey, type DeadlineKind } from '../../../../shared/domain/dunning/policy-deadlines';
import { decodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import { itemId } from '../../../../shared/domain/ledger/ledger-types';
import type { LossSubmission } from '../../../../shared/sync/loss-submission';
import { scoreDebtorRisk } from '../../../../shared/domain/risk/risk-score';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';

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

/**
 * Today's dunning work across the portfolio (shared/domain/dunning/worklist.ts). Only debtors with overdue
 * money are decoded from the ledger chunks: at tier L that is a fraction of the million invoices.
 */
export async function loadWorklist(db: KredoDb, request: { readonly today: IsoDate; readonly leadDays: number; readonly locale: string }): Promise<Worklist | undefined> {
  const [policy] = await db.policies.toArray();
  if (!policy) return undefined;
  const [creditPolicy, rates, summaryChunks, debtorChunks, actions, losses, promises, plans, doneEntryIds] = await Promise.all([
    loadCreditPolicy(db),
    db.exchangeRates.toArray(),
    db.summaryChunks.toArray(),
    db.debtorChunks.toArray(),
    db.dunningActions.toArray(),
    db.lossOutbox.toArray(),
    db.promises.toArray(),
    db.paymentPlans.toArray(),
    loadDoneEntryIds(db),
  ]);
  const handled = handledDeadlines(losses);
  const actionsOf = new Map<string, typeof actions>();
  for (const action of actions) actionsOf.set(action.debtorId, [...(actionsOf.get(action.debtorId) ?? []), action]);
  const debtors: WorklistDebtor[] = [];
  for (const summaries of summaryChunks) {
    const overdue = summaries.summaries.filter((summary) => summary.overdueMinor > 0);
    if (overdue.length === 0) continue;
    const [numbers, texts] = await Promise.all([db.ledgerNumbers.get(summaries.chunkId), db.ledgerTexts.get(summaries.chunkId)]);
    const chunkDebtors = debtorChunks.find((chunk) => chunk.chunkId === summaries.chunkId)?.debtors ?? [];
    if (!numbers || !texts) continue;
    for (const ledger of decodeLedgerChunk({ numbers, texts }, new Set(overdue.map((summary) => summary.debtorId)))) {
      const debtor = chunkDebtors.find((candidate) => candidate.id === ledger.debtorId);
      const summary = overdue.find((candidate) => candidate.debtorId === ledger.debtorId);
      if (!debtor || !summary) continue;
      debtors.push({ debtor, ledger, riskScore: scoreDebtorRisk(summary, debtor.grade).score, actions: actionsOf.get(debtor.id) ?? [], promises: promises.filter((promise) => promise.debtorId === debtor.id), paymentPlans: plans.filter((plan) => plan.debtorId === debtor.id), handledDeadlines: handled });
    }
  }
  const collator = new Intl.Collator(request.locale);
  const worklist = buildWorklist({ today: request.today, creditPolicy, insurancePolicy: policy, leadDays: request.leadDays, rates: new ExchangeRateTable(rates), debtors, doneEntryIds, compareNames: (a, b) => collator.compare(a, b) });
  // A letter needs a usable address or an e-mail: the list says what is missing before anything is processed.
  const debtorById = new Map(debtorChunks.flatMap((chunk) => chunk.debtors).map((debtor) => [debtor.id, debtor]));
  return {
    ...worklist,
    entries: worklist.entries.map((entry) => {
      const debtor = debtorById.get(entry.debtorId);
      return entry.task.kind === 'dunning' && entry.task.channel === 'letter' && debtor ? { ...entry, letterReach: letterReach(debtor) } : entry;
    }),
  };
}
