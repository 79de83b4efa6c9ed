import type { CurrencyCode } from '../../money/money';
import type { ExchangeRateTable } from '../../money/exchange-rates';
import { addDays, daysBetween, type IsoDate } from '../../time/iso-date';
import { bucketIndex, DEFAULT_AGEING, type AgeingConfig } from '../ageing/ageing-config';
import type { DunningAction } from '../dunning/dunning-action';
import { fixedCompensation } from '../law/collection-costs';
import { statutoryInterestOnInvoice } from '../law/invoice-interest';
import { JURISDICTION_CURRENCY, type LawJurisdiction } from '../law/jurisdiction';
import type { ReferenceRateTable } from '../law/reference-rates';
import type { DebtorLedger, ItemKind } from '../ledger/ledger-types';

/**
 * A statement of account (issue 16, item 3): what a debtor owes on a date, per invoice currency — the open
 * items with their ageing bucket, credit notes and unapplied cash set against them, statutory interest and
 * collection costs shown apart from the principal — the payments received since the last statement, and the
 * whole in the policy currency. Amounts are whole minor units, added exactly; currencies are never added
 * together except through a rate, and a currency without one is named rather than counted as nothing.
 */

/** A collection cost a formal notice claimed on an invoice (law-and-formats.md A.1–A.4). */
export interface StatementCost {
  readonly itemId: string;
  readonly code: 'NL_WIK' | 'SE_FORSENINGSERSATTNING' | 'GB_FIXED_SUM' | 'EU_FIXED_COMPENSATION';
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
}

export interface StatementItem {
  readonly itemId: string;
  readonly number: string;
  readonly kind: ItemKind;
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountMinor: number;
  readonly openMinor: number;
  /** 0 when not yet due. */
  readonly daysOverdue: number;
  /** Index into the ageing buckets; undefined for a credit note (not aged, as in the ageing report). */
  readonly bucket: number | undefined;
  readonly interestMinor: number;
  readonly disputed: boolean;
}

export interface StatementBlock {
  readonly currency: CurrencyCode;
  readonly items: readonly StatementItem[];
  /** Open invoices per ageing bucket (DEFAULT_AGEING: not due, 1–30, 31–60, 61–90, > 90 days). */
  readonly bucketsMinor: readonly number[];
  readonly openInvoicesMinor: number;
  /** Unused credit notes: negative. */
  readonly creditsMinor: number;
  /** Payments received but not yet allocated to an invoice: positive, set against the balance. */
  readonly unappliedMinor: number;
  /** Open invoices less credit notes and unapplied cash: the principal owed. */
  readonly balanceMinor: number;
  readonly interestMinor: number;
  readonly costs: readonly StatementCost[];
  readonly costsMinor: number;
  readonly totalDueMinor: number;
}

export interface StatementPayment {
  readonly date: IsoDate;
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  readonly reference: string;
}

export interface StatementOfAccount {
  readonly asOf: IsoDate;
  /** Payments after this date are listed (the last statement's date); undefined lists them all. */
  readonly since: IsoDate | undefined;
  readonly ageing: AgeingConfig;
  readonly blocks: readonly StatementBlock[];
  readonly payments: readonly StatementPayment[];
  readonly paymentsTotals: readonly { readonly currency: CurrencyCode; readonly amountMinor: number }[];
  /**
   * Every block's total due in the policy currency at the rates of `asOf`. Without a rate for some currency
   * the total is undefined, `missing` names the currencies and `partialMinor` is what the others make.
   */
  readonly policyTotal: { readonly currency: CurrencyCode; readonly amountMinor: number | undefined; readonly partialMinor?: number; readonly missing: readonly CurrencyCode[] };
}

export interface StatementRequest {
  readonly ledger: DebtorLedger;
  readonly jurisdiction: LawJurisdiction;
  readonly asOf: IsoDate;
  readonly since?: IsoDate;
  readonly policyCurrency: CurrencyCode;
  readonly exchangeRates: ExchangeRateTable;
  readonly interestRates?: ReferenceRateTable;
  readonly costs?: readonly StatementCost[];
  /** Statutory interest on overdue invoices (default true): owed by law from the day after the due date. */
  readonly withInterest?: boolean;
  readonly ageing?: AgeingConfig;
}

export function statementOfAccount(request: StatementRequest): StatementOfAccount {
  const { ledger, jurisdiction, asOf } = request;
  const ageing = request.ageing ?? DEFAULT_AGEING;
  const bucketCount = ageing.boundaries.length + 1;
  const lawCurrency = JURISDICTION_CURRENCY[jurisdiction];
  const open = ledger.items.filter((item) => item.openMinor !== 0).sort((a, b) => (a.dueDate === b.dueDate ? (a.number < b.number ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1));
  const unapplied = ledger.payments.filter((payment) => payment.unappliedMinor > 0);
  const currencies = [...new Set([...open.map((item) => item.currency), ...unapplied.map((payment) => payment.currency)])].sort();
  const blocks = currencies.map((currency): StatementBlock => {
    const items = open.filter((item) => item.currency === currency).map((item): StatementItem => {
      const days = ageing.basis === 'due-date' ? daysBetween(item.dueDate, asOf) : daysBetween(item.invoiceDate, asOf);
      const isInvoice = item.kind === 'invoice' && item.openMinor > 0;
      const disputed = item.dispute !== undefined;
      const owesInterest = (request.withInterest ?? true) && isInvoice && !disputed && currency === lawCurrency && item.dueDate < asOf;
      return {
        itemId: item.id,
        number: item.number,
        kind: item.kind,
        invoiceDate: item.invoiceDate,
        dueDate: item.dueDate,
        amountMinor: item.amountMinor,
        openMinor: item.openMinor,
        daysOverdue: Math.max(0, daysBetween(item.dueDate, asOf)),
        bucket: isInvoice ? bucketIndex(days, ageing.boundaries) : undefined,
        interestMinor: owesInterest ? statutoryInterestOnInvoice(item, ledger, jurisdiction, asOf, request.interestRates) : 0,
        disputed,
      };
    });
    const bucketsMinor = new Array<number>(bucketCount).fill(0);
    for (const item of items) if (item.bucket !== undefined) bucketsMinor[item.bucket] = sum([bucketsMinor[item.bucket]!, item.openMinor]);
    const openInvoicesMinor = sum(bucketsMinor);
    const creditsMinor = sum(items.filter((item) => item.bucket === undefined).map((item) => item.openMinor));
    const unappliedMinor = sum(unapplied.filter((payment) => payment.currency === currency).map((payment) => payment.unappliedMinor));
    const balanceMinor = sum([openInvoicesMinor, creditsMinor, -unappliedMinor]);
    const interestMinor = sum(items.map((item) => item.interestMinor));
    const listed = new Set(items.map((item) => item.itemId));
    const costs = (request.costs ?? []).filter((cost) => cost.currency === currency && listed.has(cost.itemId));
    const costsMinor = sum(costs.map((cost) => cost.amountMinor));
    return { currency, items, bucketsMinor, openInvoicesMinor, creditsMinor, unappliedMinor, balanceMinor, interestMinor, costs, costsMinor, totalDueMinor: sum([balanceMinor, interestMinor, costsMinor]) };
  });
  const payments = ledger.payments
    .filter((payment) => payment.date <= asOf && (request.since === undefined || payment.date > request.since))
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1))
    .map((payment) => ({ date: payment.date, currency: payment.currency, amountMinor: payment.amountMinor, reference: payment.reference }));
  const paymentsTotals = [...new Set(payments.map((payment) => payment.currency))].sort().map((currency) => ({ currency, amountMinor: sum(payments.filter((payment) => payment.currency === currency).map((payment) => payment.amountMinor)) }));
  return { asOf, since: request.since, ageing, blocks, payments, paymentsTotals, policyTotal: policyTotalOf(blocks, request.policyCurrency, request.exchangeRates, asOf) };
}

function policyTotalOf(blocks: readonly StatementBlock[], currency: CurrencyCode, rates: ExchangeRateTable, asOf: IsoDate): StatementOfAccount['policyTotal'] {
  const missing: CurrencyCode[] = [];
  const converted: number[] = [];
  for (const block of blocks) {
    const conversion = rates.conversion(block.currency, currency, asOf);
    if (conversion) converted.push(conversion.amount(block.totalDueMinor));
    else missing.push(block.currency);
  }
  return missing.length === 0 ? { currency, amountMinor: sum(converted), missing } : { currency, amountMinor: undefined, partialMinor: sum(converted), missing };
}

/** The cost each jurisdiction's formal notice claims (as data/dunning/letter-input.ts puts it in the letter). */
const NOTICE_COST: Readonly<Record<LawJurisdiction, StatementCost['code']>> = { NL: 'NL_WIK', SE: 'SE_FORSENINGSERSATTNING', GB: 'GB_FIXED_SUM', EU: 'EU_FIXED_COMPENSATION' };

/** The Dutch fourteen-day term of the formal notice (art. 6:96 lid 6 BW), after which the WIK amount is owed. */
const NL_NOTICE_TERM_DAYS = 14;

/**
 * The collection costs the debtor's formal notices claimed, on their invoices still open: the Dutch WIK over
 * the still-open principal once the fourteen days have passed, 450 kr per invoice in Sweden, the UK fixed sum
 * and the EU's €40 per invoice. Invoices not in the law's currency carry none (no wrong amount).
 */
export function statementCosts(input: { readonly ledger: DebtorLedger; readonly actions: readonly DunningAction[]; readonly jurisdiction: LawJurisdiction; readonly asOf: IsoDate }): StatementCost[] {
  const { jurisdiction, asOf } = input;
  const currency = JURISDICTION_CURRENCY[jurisdiction];
  const openById = new Map(input.ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && item.currency === currency).map((item) => [item.id, item]));
  const costs: StatementCost[] = [];
  const claimed = new Set<string>();
  const notices = input.actions.filter((action) => action.step === 'formal-notice' && action.status === 'done' && (action.doneOn ?? action.plannedOn) <= asOf);
  for (const notice of notices) {
    const items = notice.itemIds.flatMap((id) => (openById.has(id) && !claimed.has(id) ? [openById.get(id)!] : []));
    if (items.length === 0) continue;
    if (jurisdiction === 'NL') {
      if (addDays(notice.doneOn ?? notice.plannedOn, NL_NOTICE_TERM_DAYS) >= asOf) continue;
      const principal = sum(items.map((item) => item.openMinor));
      costs.push({ itemId: items[0]!.id, code: 'NL_WIK', currency, amountMinor: fixedCompensation({ jurisdiction, principalMinor: principal, currency }).amountMinor });
    } else {
      for (const item of items) costs.push({ itemId: item.id, code: NOTICE_COST[jurisdiction], currency, amountMinor: fixedCompensation({ jurisdiction, principalMinor: item.openMinor, currency }).amountMinor });
    }
    for (const item of items) claimed.add(item.id);
  }
  return costs;
}

/** Whole minor units added up; refuses fractions and totals beyond 2^53, where addition stops being exact. */
function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Not whole minor units: ${value}`);
    total += value;
    if (!Number.isSafeInteger(total)) throw new RangeError('A statement total is beyond exact arithmetic');
  }
  return total;
}
