import { divideRounded } from '../../money/basis-points';
import type { Conversion, ExchangeRateTable } from '../../money/exchange-rates';
import type { CurrencyCode } from '../../money/money';
import { toDayNumber, type IsoDate } from '../../time/iso-date';
import type { Debtor } from '../debtors/debtor';
import type { DebtorLedger, LedgerItem } from '../ledger/ledger-types';
import type { InsurancePolicy } from '../policy/insurance-policy';
import type { CreditPolicy, DunningChannel } from './credit-policy';
import { DUNNING_STEPS, type DunningAction, type DunningStep } from './dunning-action';
import { planDunning } from './dunning-plan';
import { assessPaymentPlan, type PaymentPlan } from './payment-plans';
import { alertedItems, DEADLINE_KINDS, type DeadlineAlert, type DeadlineKind } from './policy-deadlines';
import { assessPromise, type PromiseToPay } from './promises';
import { fingerprintOf } from './stable-id';

export interface WorklistDebtor {
  readonly debtor: Pick<Debtor, 'id' | 'name' | 'segment'>;
  readonly ledger: DebtorLedger;
  /** Kredo's risk score, 0–100 (scoreDebtorRisk). */
  readonly riskScore: number;
  readonly actions: readonly DunningAction[];
  readonly promises: readonly PromiseToPay[];
  readonly paymentPlans: readonly PaymentPlan[];
  /** Insurer deadlines already dealt with outside dunning (notification sent, claim filed), by deadlineKey. */
  readonly handledDeadlines?: ReadonlySet<string>;
}

export interface WorklistInput {
  readonly today: IsoDate;
  readonly creditPolicy: CreditPolicy;
  readonly insurancePolicy: InsurancePolicy;
  /** Insurer deadlines this many days ahead are listed, as well as passed ones. */
  readonly leadDays: number;
  /** To weigh amounts in other currencies in the policy currency. */
  readonly rates: ExchangeRateTable;
  readonly debtors: readonly WorklistDebtor[];
  /** Entries already dealt with (broken promises followed up, say): left out, so processing twice does nothing. */
  readonly doneEntryIds?: ReadonlySet<string>;
  /** Debtor names in the UI language's order (Å after Z in Swedish); English by default. */
  readonly compareNames?: (a: string, b: string) => number;
}

export type WorklistTask =
  | { readonly kind: 'dunning'; readonly step: DunningStep; readonly channel: DunningChannel; readonly action: DunningAction; readonly payBy: IsoDate | undefined }
  | { readonly kind: 'deadline'; readonly deadline: DeadlineKind; readonly on: IsoDate; readonly daysLeft: number }
  | { readonly kind: 'broken-promise'; readonly promise: PromiseToPay; readonly brokenOn: IsoDate; readonly shortfallMinor: number }
  | { readonly kind: 'broken-plan'; readonly plan: PaymentPlan; readonly brokenOn: IsoDate; readonly paidMinor: number };

export interface WorklistInvoice {
  readonly itemId: string;
  readonly number: string;
  readonly dueDate: IsoDate;
  readonly daysOverdue: number;
  readonly openMinor: number;
  readonly currency: CurrencyCode;
}

export interface WorklistEntry {
  /** Stable across runs: the same task for the same invoices has the same id. */
  readonly id: string;
  readonly task: WorklistTask;
  readonly debtorId: string;
  readonly debtorName: string;
  readonly riskScore: number;
  readonly invoices: readonly WorklistInvoice[];
  /** The invoices' open amount in the policy currency. */
  readonly amountMinor: number;
  /** What the list is ordered by: amountMinor × (1 + riskScore / 100). */
  readonly weightedMinor: number;
  /** Of the longest overdue invoice. */
  readonly daysOverdue: number;
  /** Currencies without an exchange rate today, left out of amountMinor. */
  readonly unconvertedCurrencies: readonly CurrencyCode[];
  /** For a letter: whether the debtor has a usable postal address and an e-mail (no letter without either). */
  readonly letterReach?: { readonly address: boolean; readonly email: boolean };
}

export interface Worklist {
  readonly entries: readonly WorklistEntry[];
  /** Planned actions in the store that today's plans no longer contain. */
  readonly stalePlannedIds: readonly string[];
}

type EntryDraft = Pick<WorklistEntry, 'id' | 'task'> & { readonly items: readonly LedgerItem[] };

/**
 * Risk-weighted value: the money at stake, raised by up to double for the riskiest debtor. Amount leads
 * because it is what a missed step can lose; the score decides between similar amounts, so €10,000 at a
 * debtor scoring 80 (weight €18,000) comes before €12,000 at one scoring 20 (€14,400), but a €500
 * reminder never jumps a €50,000 handover. Integer arithmetic, rounded half away from zero.
 */
export function riskWeighted(amountMinor: number, riskScore: number): number {
  const score = Math.min(100, Math.max(0, Math.round(riskScore)));
  return divideRounded(BigInt(amountMinor) * BigInt(100 + score), 100n);
}

const NOTHING_HANDLED: ReadonlySet<string> = new Set();

/** The insurer deadline a dunning step meets. */
const DEADLINE_OF_STEP: Partial<Record<DunningStep, DeadlineKind>> = { 'stop-supply': 'stop-supply', handover: 'collection-transfer' };

function drafts(input: WorklistInput, entry: WorklistDebtor): { readonly drafts: EntryDraft[]; readonly stalePlannedIds: readonly string[] } {
  const { today, creditPolicy, insurancePolicy } = input;
  const { debtor, ledger } = entry;
  // Only a debtor with promises or payment plans looks invoices up by id (most of a tier-L worklist has neither).
  let byId: Map<string, LedgerItem> | undefined;
  const itemsOf = (ids: readonly string[], currency: CurrencyCode) =>
    ids.length > 0
      ? ids.flatMap((id) => (byId ??= new Map(ledger.items.map((item) => [item.id, item]))).get(id) ?? []).filter((item) => item.openMinor > 0)
      : ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && item.currency === currency && item.dueDate < today);

  const plan = planDunning({ today, debtor, ledger, actions: entry.actions, promises: entry.promises, paymentPlans: entry.paymentPlans, creditPolicy, insurancePolicy });
  const result: EntryDraft[] = plan.proposals.map(({ action, channel, items, payBy }) => ({ id: action.id, task: { kind: 'dunning', step: action.step, channel, action, payBy }, items }));

  // Supplies stopped or a handover done deal with those insurer deadlines (skipping them does not); proposed
  // today, the task itself says so (by item id per deadline kind, beside the portfolio's handled keys).
  const met = new Map<DeadlineKind, Set<string>>();
  for (const action of [...entry.actions.filter((done) => done.status === 'done'), ...plan.proposals.map((proposal) => proposal.action)]) {
    const kind = DEADLINE_OF_STEP[action.step];
    if (!kind) continue;
    const ids = met.get(kind) ?? new Set<string>();
    for (const itemId of action.itemIds) ids.add(itemId);
    met.set(kind, ids);
  }
  const byKind = new Map<DeadlineKind, { readonly alerts: DeadlineAlert[]; readonly items: LedgerItem[] }>();
  for (const { alert, item } of alertedItems(ledger.items, insurancePolicy, today, input.leadDays, entry.handledDeadlines ?? NOTHING_HANDLED, met)) {
    const group = byKind.get(alert.kind);
    if (group) {
      group.alerts.push(alert);
      group.items.push(item);
    } else byKind.set(alert.kind, { alerts: [alert], items: [item] });
  }
  // One entry per debtor and kind, as the insurer takes one overdue notification per buyer listing its invoices.
  for (const [kind, { alerts: group, items }] of byKind) {
    const first = group[0]!;
    result.push({ id: `deadline:${debtor.id}:${kind}:${fingerprintOf(items.map((item) => item.id))}`, task: { kind: 'deadline', deadline: kind, on: first.on, daysLeft: first.daysLeft }, items });
  }

  for (const promise of entry.promises) {
    const assessment = assessPromise(promise, ledger, today, creditPolicy.promiseGraceDays);
    if (assessment.status !== 'broken') continue;
    result.push({ id: `promise-broken:${promise.id}`, task: { kind: 'broken-promise', promise, brokenOn: assessment.settledOn!, shortfallMinor: assessment.shortfallMinor }, items: itemsOf(promise.itemIds, promise.currency) });
  }
  for (const paymentPlan of entry.paymentPlans) {
    const assessment = assessPaymentPlan(paymentPlan, ledger, today, creditPolicy.planBreaksAfterDaysLate);
    if (assessment.status !== 'broken') continue;
    result.push({ id: `plan-broken:${paymentPlan.id}`, task: { kind: 'broken-plan', plan: paymentPlan, brokenOn: assessment.brokenOn!, paidMinor: assessment.paidMinor }, items: itemsOf(paymentPlan.itemIds, paymentPlan.currency) });
  }
  // A broken promise or plan whose invoices have since been paid needs no follow-up.
  return { drafts: result.filter((draft) => draft.items.length > 0), stalePlannedIds: plan.stalePlannedIds };
}

/** What every entry of one worklist shares: today as a day number, and each currency's conversion looked up once. */
interface EntryContext {
  readonly todayDay: number;
  conversionOf(currency: CurrencyCode): Conversion | undefined;
}

function entryContext(input: WorklistInput): EntryContext {
  const conversions = new Map<CurrencyCode, Conversion | undefined>();
  return {
    todayDay: toDayNumber(input.today),
    conversionOf(currency) {
      if (!conversions.has(currency)) conversions.set(currency, input.rates.conversion(currency, input.insurancePolicy.currency, input.today));
      return conversions.get(currency);
    },
  };
}

function toEntry(context: EntryContext, entry: WorklistDebtor, draft: EntryDraft): WorklistEntry {
  let amountMinor = 0;
  const unconverted = new Set<CurrencyCode>();
  const invoices = draft.items.map((item): WorklistInvoice => {
    // ExchangeRateTable.conversion gives exactly what has + convert give, with the rate looked up once per currency.
    const conversion = context.conversionOf(item.currency);
    if (conversion) amountMinor += conversion.amount(item.openMinor);
    else unconverted.add(item.currency);
    return { itemId: item.id, number: item.number, dueDate: item.dueDate, daysOverdue: Math.max(0, context.todayDay - toDayNumber(item.dueDate)), openMinor: item.openMinor, currency: item.currency };
  });
  return {
    id: draft.id,
    task: draft.task,
    debtorId: entry.debtor.id,
    debtorName: entry.debtor.name,
    riskScore: entry.riskScore,
    invoices,
    amountMinor,
    weightedMinor: riskWeighted(amountMinor, entry.riskScore),
    daysOverdue: invoices.reduce((most, invoice) => Math.max(most, invoice.daysOverdue), 0),
    unconvertedCurrencies: [...unconverted].sort(),
  };
}

const englishNames = new Intl.Collator('en').compare;

/**
 * Between entries of one debtor with the same weight: an insurer deadline first (cover is at stake), then
 * a broken promise or plan (the debtor broke their word: call before writing), then the ladder in order.
 */
const KIND_ORDER: Readonly<Record<WorklistTask['kind'], number>> = { deadline: 0, 'broken-promise': 1, 'broken-plan': 2, dunning: 3 };

function urgency(task: WorklistTask): number {
  return KIND_ORDER[task.kind] * 10 + (task.kind === 'dunning' ? DUNNING_STEPS.indexOf(task.step) : task.kind === 'deadline' ? DEADLINE_KINDS.indexOf(task.deadline) : 0);
}

/**
 * Today's work across the portfolio: the dunning actions due (letters, calls, tasks), the insurer
 * deadlines coming up or passed, and broken promises and payment plans. Ordered by risk-weighted value,
 * then by days overdue (the older debt is harder to collect), then by debtor name, then by urgency.
 */
export function buildWorklist(input: WorklistInput): Worklist {
  const compareNames = input.compareNames ?? englishNames;
  const done = input.doneEntryIds ?? new Set<string>();
  const entries: WorklistEntry[] = [];
  const stalePlannedIds: string[] = [];
  const context = entryContext(input);
  for (const entry of input.debtors) {
    const debtorWork = drafts(input, entry);
    for (const draft of debtorWork.drafts) if (!done.has(draft.id)) entries.push(toEntry(context, entry, draft));
    stalePlannedIds.push(...debtorWork.stalePlannedIds);
  }
  entries.sort((a, b) => b.weightedMinor - a.weightedMinor || b.daysOverdue - a.daysOverdue || compareNames(a.debtorName, b.debtorName) || urgency(a.task) - urgency(b.task) || a.id.localeCompare(b.id));
  return { entries, stalePlannedIds };
}
