import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { debtorTimeline } from '../../../../shared/domain/debtor-page/debtor-timeline';
import { paymentBehaviourByMonth } from '../../../../shared/domain/debtor-page/payment-behaviour';
import { scoreDebtorRisk } from '../../../../shared/domain/risk/risk-score';
import { useClock } from '../../app/app-clock';
import { useNavigationStore } from '../../app/navigation-store';
import { EmptyState } from '../../components/EmptyState';
import { DebtorFigures } from './DebtorFigures';
import { DebtorIdentity } from './DebtorIdentity';
import { DebtorItems } from './DebtorItems';
import { DebtorNotes } from './DebtorNotes';
import { DebtorTimeline } from './DebtorTimeline';
import { DebtorInsurerCases } from '../claims/DebtorInsurerCases';
import { DebtorLetters } from '../dunning/DebtorLetters';
import { DebtorMailOutbox } from '../mail/DebtorMailOutbox';
import { DebtorStatement } from '../dunning/DebtorStatement';
import { DebtorPaymentPlans } from '../dunning/DebtorPaymentPlans';
import { DebtorLimitRequest } from '../limits/DebtorLimitRequest';
import { DebtorOwnLimits } from '../limits/DebtorOwnLimits';
import { LimitHistory } from './LimitHistory';
import { MergeDebtorDialog } from './MergeDebtorDialog';
import { PaymentBehaviourChart } from './PaymentBehaviourChart';
import { RiskExplanation } from './RiskExplanation';
import { useDebtorDetail } from './use-debtor-detail';

/** One debtor in full: who, what is owed, the limit, why the risk score is what it is, and what happened. */
export function DebtorPage({ debtorId, chunkId }: { readonly debtorId: string; readonly chunkId: number | undefined }) {
  const { t } = useTranslation('debtor');
  const detail = useDebtorDetail(debtorId, chunkId);
  const closeDebtor = useNavigationStore((state) => state.closeDebtor);
  const today = useClock().today();
  const heading = useRef<HTMLHeadingElement>(null);
  const asOf = detail?.summary?.asOf ?? today;
  const ledger = detail?.ledger;
  const months = useMemo(() => (ledger ? paymentBehaviourByMonth(ledger, asOf) : []), [ledger, asOf]);
  const events = useMemo(() => (detail ? debtorTimeline({ ledger: detail.ledger, limits: detail.limits, dunning: detail.dunning, audit: detail.audit }) : []), [detail]);
  const isLoaded = Boolean(detail);
  const [isMerging, setMerging] = useState(false);

  useEffect(() => {
    // Without scrolling: coming back to a debtor, the page stays where the controller left it (issue 17).
    if (isLoaded) heading.current?.focus({ preventScroll: true });
  }, [isLoaded]);
  useEffect(() => {
    // Escape goes back to the grid, except while typing a note.
    const onKeyDown = (event: KeyboardEvent) => {
      // Escape in a dialog closes the dialog only.
      if (event.key === 'Escape' && !(event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement || (event.target instanceof Element && event.target.closest('dialog')))) closeDebtor();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [closeDebtor]);

  if (detail === undefined) return <p className="note">{t('loading')}</p>;
  const back = (
    <button type="button" className="button back-button" onClick={closeDebtor}>
      {t('back')}
    </button>
  );
  if (detail === null) {
    return (
      <section>
        {back}
        <EmptyState message={t('gone')} />
      </section>
    );
  }
  const { debtor, summary } = detail;
  return (
    <section className="debtor-page" aria-labelledby="debtor-title">
      {back}
      <header className="screen-header">
        <h1 id="debtor-title" ref={heading} tabIndex={-1}>{debtor.name}</h1>
        <p className="note">{t('subtitle', { code: debtor.customerCode, segment: debtor.segment })}</p>
        <button type="button" className="button" onClick={() => setMerging(true)}>
          {t('merge.open')}
        </button>
      </header>
      <MergeDebtorDialog debtor={debtor} isOpen={isMerging} onClose={() => setMerging(false)} />
      {summary && <DebtorFigures summary={summary} />}
      <div className="debtor-columns">
        {summary && <RiskExplanation risk={scoreDebtorRisk(summary, debtor.grade)} />}
        <DebtorIdentity debtor={debtor} />
      </div>
      <PaymentBehaviourChart months={months} />
      <DebtorItems ledger={detail.ledger} asOf={asOf} debtorName={debtor.name} />
      <div className="debtor-columns">
        <LimitHistory limits={detail.limits} asOf={asOf} />
        <DebtorLimitRequest debtor={debtor} summary={summary} />
        <DebtorOwnLimits debtor={debtor} limits={detail.limits} />
        <DebtorLetters debtorId={debtor.id} />
        <DebtorStatement debtorId={debtor.id} />
        {detail.ledger && <DebtorPaymentPlans debtor={debtor} ledger={detail.ledger} />}
        <DebtorInsurerCases debtorId={debtor.id} />
        <DebtorNotes debtorId={debtor.id} audit={detail.audit} />
      </div>
      <DebtorMailOutbox debtor={debtor} />
      <DebtorTimeline events={events} />
    </section>
  );
}
