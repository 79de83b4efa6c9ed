import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessPaymentPlan, type InstalmentStatus, type PlanAssessment } from '../../../../shared/domain/dunning/payment-plans';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import { money } from '../../../../shared/money/money';
import { useClock } from '../../app/app-clock';
import { dataWorker } from '../../data/data-client';
import type { StoredDebtor } from '../../data/db/schema';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { InstalmentTable } from './InstalmentTable';
import { PaymentPlanForm } from './PaymentPlanForm';

/**
 * The debtor's payment plans, each tracked against the payments in its ledger: instalments paid, late or
 * still to come, and the plan running, completed or broken (then it is on the worklist to follow up). A
 * running or broken plan can be ended, to agree a new one or once followed up; dunning then resumes.
 */
export function DebtorPaymentPlans({ debtor, ledger }: { readonly debtor: StoredDebtor; readonly ledger: DebtorLedger }) {
  const { t } = useTranslation('dunning');
  const format = useFormat();
  const clock = useClock();
  const today = clock.today();
  const errorMessage = useErrorMessage();
  const [failure, setFailure] = useState<string>();
  const id = useId();
  const [isAgreeing, setAgreeing] = useState(false);
  const [breaksAfter, setBreaksAfter] = useState<number>();
  const plans = useLiveQuery(async () => [...(await uiDb.paymentPlans.where('debtorId').equals(debtor.id).toArray())].sort((a, b) => b.agreedOn.localeCompare(a.agreedOn)), [debtor.id]);
  useEffect(() => {
    let isActive = true;
    void dataWorker().creditPolicy().then((policy) => isActive && setBreaksAfter(policy.planBreaksAfterDaysLate));
    return () => {
      isActive = false;
    };
  }, []);
  const assessments = plans && breaksAfter !== undefined ? plans.map((plan) => assessPaymentPlan(plan, ledger, today, breaksAfter)) : undefined;
  const end = async (planId: string) => {
    setFailure(undefined);
    try {
      await dataWorker().endPaymentPlan({ planId, today, at: clock.now().toISOString() });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const statusText = (status: InstalmentStatus, daysLate: number) => (status === 'late' ? t('plans.instalmentLate', { count: daysLate }) : t(`plans.instalment.${status}`));
  const summary = (assessment: PlanAssessment) => {
    const { plan } = assessment;
    const total = format.money(money(plan.totalMinor, plan.currency));
    const state =
      assessment.status === 'broken' ? t('plans.state.broken', { date: format.date(assessment.brokenOn!) }) : assessment.status === 'ended' ? t('plans.state.ended', { date: format.date(plan.endedOn!) }) : t(`plans.state.${assessment.status}`);
    return t('plans.summary', { date: format.date(plan.agreedOn), total, count: plan.instalments.length, paid: format.money(money(assessment.paidMinor, plan.currency)), state });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="section-heading">
        <h2 id={`${id}-title`} className="section-title">{t('plans.title')}</h2>
        {!isAgreeing && <button type="button" className="button" onClick={() => setAgreeing(true)}>{t('plans.agreeTitle')}</button>}
      </div>
      {isAgreeing && <PaymentPlanForm debtor={debtor} ledger={ledger} onDone={() => setAgreeing(false)} />}
      {failure && <p role="alert" className="error-text">{failure}</p>}
      {assessments && assessments.length === 0 && !isAgreeing && <p className="note">{t('plans.none')}</p>}
      {assessments?.map((assessment) => (
        <div key={assessment.plan.id} className="payment-plan" data-testid="payment-plan">
          <div className="section-heading">
            <p>{summary(assessment)}</p>
            {(assessment.status === 'active' || assessment.status === 'broken') && (
              <button type="button" className="button button-small" onClick={() => void end(assessment.plan.id)}>{t('plans.end')}</button>
            )}
          </div>
          <InstalmentTable
            label={t('plans.instalments')}
            rows={assessment.instalments.map((entry) => ({
              dueOn: entry.instalment.dueOn,
              amount: format.money(money(entry.instalment.amountMinor, assessment.plan.currency)),
              paid: format.money(money(entry.paidMinor, assessment.plan.currency)),
              status: statusText(entry.status, entry.daysLate),
            }))}
          />
        </div>
      ))}
    </section>
  );
}
