import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';

/**
 * Ends a payment plan today: to agree a new one for the same invoices, or to close the follow-up of a broken
 * one. Its invoices are dunned again from where the ladder stood; the plan stays on the debtor's page with
 * what was paid under it. Ending an ended plan changes nothing.
 */
export async function endPaymentPlan(db: KredoDb, request: { readonly planId: string; readonly today: IsoDate; readonly at: string }): Promise<void> {
  await db.transaction('rw', db.paymentPlans, db.audit, async () => {
    const plan = await db.paymentPlans.get(request.planId);
    if (!plan) throw new KredoError('dunning.planGone');
    if (plan.endedOn !== undefined) return;
    await db.paymentPlans.put({ ...plan, endedOn: request.today });
    await db.audit.add({ at: request.at, actor: 'user', action: 'dunning.planEnded', entityType: 'debtor', entityId: plan.debtorId, details: { planId: plan.id } });
  });
}
