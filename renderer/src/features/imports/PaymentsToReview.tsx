import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { useClock } from '../../app/app-clock';
import { useScrollMemory } from '../../components/use-scroll-memory';
import { dataWorker } from '../../data/data-client';
import type { PaymentToReview } from '../../data/db/schema';
import { usePaymentsToReview } from '../../data/queries/use-imports';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { AssignPaymentDialog } from './AssignPaymentDialog';

/**
 * Payments no import could assign to exactly one debtor. The controller assigns each to a debtor (and
 * invoices), or takes it off the list when it is not a customer's payment.
 */
export function PaymentsToReview() {
  const { t } = useTranslation(['imports', 'common']);
  const format = useFormat();
  const clock = useClock();
  const errorMessage = useErrorMessage();
  const payments = usePaymentsToReview();
  const [assigning, setAssigning] = useState<PaymentToReview>();
  // Back from a debtor or another screen, the list shows the payments the controller left (issue 17).
  const scroller = useRef<HTMLDivElement>(null);
  useScrollMemory('payments-to-review', scroller);
  const [status, setStatus] = useState<{ text: string; isError: boolean }>();

  if (!payments || payments.length === 0) return null;
  const dismiss = async (payment: PaymentToReview) => {
    try {
      await dataWorker().dismissPayment({ paymentId: payment.id, at: clock.now().toISOString() });
      setStatus({ text: t('review.dismissed', { payer: payment.transaction.counterpartyName || payment.transaction.remittance }), isError: false });
    } catch (error) {
      setStatus({ text: errorMessage(error), isError: true });
    }
  };

  return (
    <section className="settings-group payments-to-review" aria-labelledby="review-payments-title">
      <h2 id="review-payments-title">{t('review.title', { count: payments.length, formatted: format.number(payments.length) })}</h2>
      <p className="note">{t('review.body')}</p>
      {/* Above the table, never over it, and closed by the controller once read (issue 17: it stayed for good). */}
      {status ? (
        <p role={status.isError ? 'alert' : 'status'} className={status.isError ? 'error-text notice' : 'note notice'}>
          {status.text}{' '}
          <button type="button" className="button button-small" onClick={() => setStatus(undefined)}>
            {t('common:actions.close')}
          </button>
        </p>
      ) : null}
      <div ref={scroller} className="table-scroll short-table" tabIndex={0}>
        <table className="data-table compact" aria-label={t('review.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('columns.date')}</th>
              <th scope="col">{t('columns.payer')}</th>
              <th scope="col" className="numeric">{t('columns.amount')}</th>
              <th scope="col">{t('columns.remittance')}</th>
              <th scope="col">{t('columns.note')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('files.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {payments.map((payment) => (
              <tr key={payment.id}>
                <td>{format.date(payment.transaction.valueDate)}</td>
                <td>
                  {payment.transaction.counterpartyName}
                  {payment.transaction.counterpartyIban ? <span className="note"> {payment.transaction.counterpartyIban}</span> : null}
                </td>
                <td className="numeric">{format.money(money(payment.transaction.amountMinor, payment.transaction.currency))}</td>
                <td className="wrap">{[payment.transaction.structuredReference, payment.transaction.remittance].filter(Boolean).join(' ')}</td>
                <td>{t(`preview.reviewReasons.${payment.reason}`)}</td>
                <td className="row-actions">
                  <button type="button" className="button button-small" onClick={() => setAssigning(payment)}>
                    {t('review.assign')}
                  </button>
                  <button type="button" className="button button-small" onClick={() => void dismiss(payment)}>
                    {t('review.dismiss')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AssignPaymentDialog
        payment={assigning}
        onClose={(assignedTo) => {
          if (assignedTo) setStatus({ text: t('review.assigned', { name: assignedTo }), isError: false });
          setAssigning(undefined);
        }}
      />
    </section>
  );
}
