import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { useClock } from '../../app/app-clock';
import { DebtorChoice, nameOrCodeMatches, searchNeedle, SHOWN_DEBTORS } from '../../components/DebtorChoice';
import { useModalDialog } from '../../components/use-modal-dialog';
import { dataWorker } from '../../data/data-client';
import type { PaymentToReview, StoredDebtor } from '../../data/db/schema';
import { useAllDebtors, useOpenInvoices } from '../../data/queries/use-imports';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { kredo } from '../../platform/kredo-api';

/** Assigns a payment by hand: pick the debtor (the matcher's candidates first), then, if wanted, the invoices. */
export function AssignPaymentDialog({ payment, onClose }: { readonly payment: PaymentToReview | undefined; readonly onClose: (assignedTo?: string) => void }) {
  const { t } = useTranslation(['imports', 'common']);
  const format = useFormat();
  const clock = useClock();
  const errorMessage = useErrorMessage();
  const id = useId();
  const dialog = useModalDialog(payment !== undefined);
  const debtors = useAllDebtors(payment !== undefined);
  const [query, setQuery] = useState('');
  const [debtorId, setDebtorId] = useState<string>();
  const [itemIds, setItemIds] = useState<readonly string[]>([]);
  const [error, setError] = useState<string>();
  const [isSaving, setSaving] = useState(false);
  const debtor = debtors?.find((candidate) => candidate.id === debtorId);
  const invoices = useOpenInvoices(debtor, payment?.transaction.currency ?? '');

  const shown = useMemo(() => {
    const candidates = new Set(payment?.candidateDebtorIds ?? []);
    const needle = searchNeedle(query);
    return (debtors ?? [])
      .filter((candidate) => (needle ? nameOrCodeMatches(candidate, needle) : candidates.has(candidate.id)))
      .sort((a, b) => Number(candidates.has(b.id)) - Number(candidates.has(a.id)) || a.name.localeCompare(b.name))
      .slice(0, SHOWN_DEBTORS);
  }, [debtors, query, payment]);

  const close = (assignedTo?: string) => {
    setQuery('');
    setDebtorId(undefined);
    setItemIds([]);
    setError(undefined);
    onClose(assignedTo);
  };
  const choose = (chosen: StoredDebtor) => {
    setDebtorId(chosen.id);
    setItemIds([]);
  };
  const toggle = (itemId: string, isChecked: boolean) => setItemIds((current) => (isChecked ? [...current, itemId] : current.filter((existing) => existing !== itemId)));
  const assign = async () => {
    if (!payment || !debtor) return;
    setSaving(true);
    try {
      const { homeCurrency } = await kredo.importGetSettings();
      await dataWorker().assignPayment({ paymentId: payment.id, debtorId: debtor.id, itemIds, at: clock.now().toISOString(), today: clock.today(), homeCurrency });
      close(debtor.name);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog assign-dialog" aria-labelledby={`${id}-title`} onClose={() => close()}>
      <h2 id={`${id}-title`}>{t('review.assignTitle')}</h2>
      {payment ? (
        <p>
          {t('review.assignBody', {
            amount: format.money(money(payment.transaction.amountMinor, payment.transaction.currency)),
            payer: payment.transaction.counterpartyName || '–',
            date: format.date(payment.transaction.valueDate),
          })}
        </p>
      ) : null}
      <DebtorChoice searchLabel={t('review.search')} legend={t('review.debtor')} emptyText={t('review.noDebtors')} query={query} onQuery={setQuery} shown={shown} chosenId={debtorId} onChoose={choose} />
      {debtor ? (
        <fieldset className="choice-list">
          <legend>{t('review.invoices')}</legend>
          <p className="note">{t('review.invoicesHint')}</p>
          {invoices?.length === 0 ? <p className="note">{t('review.noInvoices')}</p> : null}
          {invoices?.map((invoice) => (
            <label key={invoice.id} className="checkbox-row">
              <input type="checkbox" checked={itemIds.includes(invoice.id)} onChange={(event) => toggle(invoice.id, event.target.checked)} />
              {t('review.invoiceLine', { number: invoice.number, due: format.date(invoice.dueDate), open: format.money(money(invoice.openMinor, invoice.currency)) })}
            </label>
          ))}
        </fieldset>
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => close()}>
          {t('common:actions.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={!debtor || isSaving} onClick={() => void assign()}>
          {t('review.confirmAssign')}
        </button>
      </div>
    </dialog>
  );
}
