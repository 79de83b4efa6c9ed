import { assessPaymentPlan, validatePaymentPlan, type PaymentPlan } from '../../../../shared/domain/dunning/payment-plans';
import type { FieldError } from '../../../../shared/domain/dunning/field-errors';
import { proposePaymentPlan, validatePlanTerms } from '../../../../shared/domain/dunning/plan-proposal';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { loadRateTable } from '../interest-rates/interest-rates';
import { readDebtor, readDebtorLedger } from '../store/read-ledger';
import { loadCreditPolicy } from './load-worklist';

export interface AgreePlanRequest {
  readonly debtorId: string;
  readonly chunkId: number;
  /** The terms as the form has them (invoices, interest so far and during the plan, first date, count, interval); checked here. */
  readonly terms: unknown;
  readonly today: IsoDate;
  readonly at: string;
}

/**
 * Stores a payment plan agreed with the debtor. The amounts are computed here from the stored ledger —
 * the same proposal the form showed, so what is stored is what the controller saw — and dunning of its
 * invoices pauses while the plan is kept. An invoice can be in one running plan only.
 */
export async function agreePaymentPlan(db: KredoDb, request: AgreePlanRequest): Promise<{ readonly errors: readonly FieldError[]; readonly plan?: PaymentPlan }> {
  const terms = validatePlanTerms(request.terms, request.today);
  if (!terms.ok) return { errors: terms.errors };
  const [creditPolicy, rates] = await Promise.all([loadCreditPolicy(db), loadRateTable(db)]);
  return db.transaction('rw', [db.debtorChunks, db.ledgerNumbers, db.ledgerTexts, db.paymentPlans, db.audit], async () => {
    const [debtor, ledger] = await Promise.all([readDebtor(db, request.chunkId, request.debtorId), readDebtorLedger(db, request.chunkId, request.debtorId)]);
    if (!debtor || !ledger) throw new KredoError('import.debtorGone');
    const running = (await db.paymentPlans.where('debtorId').equals(debtor.id).toArray()).filter((plan) => assessPaymentPlan(plan, ledger, request.today, creditPolicy.planBreaksAfterDaysLate).status === 'active');
    const taken = ledger.items.find((item) => terms.value.itemIds.includes(item.id) && running.some((plan) => plan.itemIds.includes(item.id)));
    if (taken) throw new KredoError('dunning.alreadyInPlan', { number: taken.number });
    const open = ledger.items.filter((item) => terms.value.itemIds.includes(item.id) && item.kind === 'invoice' && item.openMinor > 0);
    if (open.length === 0) throw new KredoError('dunning.planNothingOpen');
    if (open.some((item) => item.currency !== open[0]!.currency)) throw new KredoError('dunning.planCurrencies');
    const proposal = proposePaymentPlan({ ...terms.value, itemIds: open.map((item) => item.id), ledger, jurisdiction: debtor.jurisdiction, agreedOn: request.today, rates });
    const plan = validatePaymentPlan({ id: crypto.randomUUID(), debtorId: debtor.id, itemIds: open.map((item) => item.id), currency: proposal.currency, totalMinor: proposal.totalMinor, agreedOn: request.today, instalments: proposal.instalments });
    if (!plan.ok) return { errors: plan.errors };
    await db.paymentPlans.put(plan.value);
    await db.audit.add({ at: request.at, actor: 'user', action: 'dunning.planAgreed', entityType: 'debtor', entityId: debtor.id, details: { planId: plan.value.id, invoices: open.length, totalMinor: proposal.totalMinor, interestMinor: proposal.interestMinor, planInterestMinor: proposal.planInterestMinor, currency: proposal.currency, instalments: proposal.instalments.length } });
    return { errors: [], plan: plan.value };
  });
}
