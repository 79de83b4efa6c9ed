import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INSTALMENTS, proposePaymentPlan, type PlanProposal, type PlanTerms } from '../../../../shared/domain/dunning/plan-proposal';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import { money } from '../../../../shared/money/money';
import { addDays, isIsoDate, type IsoDate } from '../../../../shared/time/iso-date';
import { useClock } from '../../app/app-clock';
import { useCheckedSave } from '../../components/use-checked-save';
import { useFieldProblems } from '../../components/use-field-problems';
import { dataWorker } from '../../data/data-client';
import type { StoredDebtor } from '../../data/db/schema';
import { useFormat } from '../../i18n/use-format';
import { useRateTable } from '../../data/queries/use-rate-table';
import { InstalmentTable } from './InstalmentTable';

const INTERVALS = [1, 2, 3, 6] as const;
const TERM_PATHS = { itemIds: 'itemIds', count: 'count', everyMonths: 'everyMonths', firstDueOn: 'firstDueOn' } as const;

/** Two weeks to pay the first instalment: long enough to arrange, short enough to keep the pressure. */
const FIRST_DUE_AFTER_DAYS = 14;

/**
 * Agreeing a payment plan on the phone: which open invoices, with or without the statutory interest so far,
 * how many instalments how far apart. The instalments are shown to the cent as they are typed — the same
 * computation the data worker repeats from the stored ledger when the plan is saved.
 */
export function PaymentPlanForm({ debtor, ledger, onDone }: { readonly debtor: StoredDebtor; readonly ledger: DebtorLedger; readonly onDone: () => void }) {
  const { t } = useTranslation('dunning');
  const format = useFormat();
  const clock = useClock();
  const id = useId();
  const today = clock.today();
  const open = useMemo(() => ledger.items.filter((item) => item.kind === 'invoice' && item.openMinor > 0 && !item.dispute).sort((a, b) => a.dueDate.localeCompare(b.dueDate)), [ledger]);
  const [terms, setTerms] = useState<PlanTerms>(() => {
    const overdue = open.filter((item) => item.dueDate < today && item.currency === (open[0]?.currency ?? debtor.currency));
    return { itemIds: overdue.map((item) => item.id), includeInterest: true, interestDuringPlan: false, firstDueOn: addDays(today, FIRST_DUE_AFTER_DAYS), count: 3, everyMonths: 1 };
  });
  // The same rate table the data worker uses when the plan is saved: shipped rows and the controller's.
  const rates = useRateTable()?.table;

  const proposal = useMemo((): PlanProposal | string => {
    if (terms.itemIds.length === 0) return t('plans.chooseInvoices');
    if (!Number.isInteger(terms.count) || terms.count < 1 || terms.count > MAX_INSTALMENTS) return t('plans.countRange', { max: MAX_INSTALMENTS });
    if (!isIsoDate(terms.firstDueOn) || terms.firstDueOn < today) return t('plans.firstDueFromToday');
    try {
      return proposePaymentPlan({ ...terms, ledger, jurisdiction: debtor.jurisdiction, agreedOn: today, ...(rates && { rates }) });
    } catch {
      return t('plans.oneCurrency');
    }
  }, [terms, ledger, debtor.jurisdiction, today, t, rates]);

  const { errors, failure, isSaving, save: agree } = useCheckedSave(() => dataWorker().agreePaymentPlan({ debtorId: debtor.id, chunkId: debtor.chunkId, terms, today, at: clock.now().toISOString() }), onDone);

  const toggle = (itemId: string, checked: boolean) => setTerms({ ...terms, itemIds: checked ? [...terms.itemIds, itemId] : terms.itemIds.filter((candidate) => candidate !== itemId) });
  // Each field's problem from the data worker's check, shown next to the field.
  const problem = useFieldProblems(errors, TERM_PATHS, (error) => t(`plans.errors.${error.code}`, { ...error.params, defaultValue: t('plans.errors.invalid') }));

  return (
    <form className="payment-plan-form" aria-label={t('plans.agreeTitle')} onSubmit={(event) => { event.preventDefault(); void agree(); }}>
      <fieldset>
        <legend>{t('plans.invoices')}</legend>
        {open.length === 0 && <p className="note">{t('plans.noOpenInvoices')}</p>}
        {open.map((item) => (
          <label key={item.id} className="checkbox-line">
            <input type="checkbox" checked={terms.itemIds.includes(item.id)} onChange={(event) => toggle(item.id, event.target.checked)} />
            {t('plans.invoiceLine', { number: item.number, due: format.date(item.dueDate), amount: format.money(money(item.openMinor, item.currency)) })}
          </label>
        ))}
        {problem.itemIds.message}
      </fieldset>
      <div className="policy-grid">
        <label className="policy-field">
          <span>{t('plans.count')}</span>
          <input type="number" min={1} max={MAX_INSTALMENTS} step={1} value={Number.isNaN(terms.count) ? '' : terms.count} onChange={(event) => setTerms({ ...terms, count: event.target.value === '' ? Number.NaN : Number(event.target.value) })} />
          {problem.count.message}
        </label>
        <label className="policy-field">
          <span>{t('plans.every')}</span>
          <select value={terms.everyMonths} onChange={(event) => setTerms({ ...terms, everyMonths: Number(event.target.value) })}>
            {INTERVALS.map((months) => <option key={months} value={months}>{t('plans.months', { count: months })}</option>)}
          </select>
          {problem.everyMonths.message}
        </label>
        <label className="policy-field">
          <span>{t('plans.firstDueOn')}</span>
          <input type="date" min={today} value={terms.firstDueOn} onChange={(event) => setTerms({ ...terms, firstDueOn: event.target.value as IsoDate })} />
          {problem.firstDueOn.message}
        </label>
      </div>
      <label className="checkbox-line">
        <input type="checkbox" checked={terms.includeInterest} disabled={typeof proposal !== 'string' && !proposal.interestAvailable} onChange={(event) => setTerms({ ...terms, includeInterest: event.target.checked })} />
        {t('plans.includeInterest', { law: t(`plans.laws.${debtor.jurisdiction}`) })}
      </label>
      <label className="checkbox-line">
        <input type="checkbox" checked={terms.interestDuringPlan} disabled={typeof proposal !== 'string' && !proposal.interestAvailable} onChange={(event) => setTerms({ ...terms, interestDuringPlan: event.target.checked })} />
        {typeof proposal === 'string' ? t('plans.interestDuringPlanPlain') : t('plans.interestDuringPlan', { rate: format.basisPoints(proposal.planRateBp) })}
      </label>
      {typeof proposal === 'string' ? (
        <p className="note" id={`${id}-proposal`}>{proposal}</p>
      ) : (
        <div id={`${id}-proposal`}>
          <p className="note" data-testid="plan-proposal-total">
            {t(proposal.planInterestMinor > 0 ? 'plans.proposalTotalWithPlanInterest' : 'plans.proposalTotal', { principal: format.money(money(proposal.principalMinor, proposal.currency)), interest: format.money(money(proposal.interestMinor, proposal.currency)), planInterest: format.money(money(proposal.planInterestMinor, proposal.currency)), total: format.money(money(proposal.totalMinor, proposal.currency)) })}
            {!proposal.interestAvailable && ` ${t('plans.noInterestInCurrency', { currency: proposal.currency })}`}
          </p>
          <InstalmentTable rows={proposal.instalments.map((instalment) => ({ dueOn: instalment.dueOn, amount: format.money(money(instalment.amountMinor, proposal.currency)) }))} label={t('plans.proposal')} />
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={isSaving || typeof proposal === 'string'}>{t('plans.agree')}</button>
        <button type="button" className="button" onClick={onDone}>{t('plans.cancel')}</button>
      </div>
      {failure && <p role="alert" className="error-text">{failure}</p>}
    </form>
  );
}
