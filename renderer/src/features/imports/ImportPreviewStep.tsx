import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseSummary } from '../../../../shared/ipc/import-contract';
import { useClock } from '../../app/app-clock';
import type { ImportPreview } from '../../data/import/import-preview';
import { useFormat } from '../../i18n/use-format';
import { DebtorMatchTables } from './DebtorMatchTables';
import { ItemChangesTable } from './ItemChangesTable';
import { PaymentRowsTable } from './PaymentRowsTable';
import { RejectedRows } from './RejectedRows';
import { useImportStore } from './import-store';
import { useTotals } from './use-totals';

/**
 * What the import will change, for the controller to confirm before anything is stored. Differences
 * are shown but never applied; "closed since last import" only when the controller ticks it.
 */
export function ImportPreviewStep({ fileId, summary, preview }: { readonly fileId: string; readonly summary: ParseSummary; readonly preview: ImportPreview }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  const totals = useTotals();
  const clock = useClock();
  const [closeMissing, setCloseMissing] = useState(false);
  const { commit, discard } = useImportStore.getState();
  const { openItems, payments } = preview;
  const count = (value: number) => ({ count: value, formatted: format.number(value) });
  const line = (text: string, value: number, amounts?: Readonly<Record<string, number>>) =>
    value > 0 ? (
      <li>
        {text}
        {amounts && totals(amounts) ? <span className="amounts">{totals(amounts)}</span> : null}
      </li>
    ) : null;

  return (
    <div className="import-preview">
      {preview.previouslyImportedAt ? (
        <p role="status" className="warning-text">
          {t('preview.previouslyImported', { date: format.dateTime(new Date(preview.previouslyImportedAt)) })}
        </p>
      ) : null}
      <h3 className="subsection-title">{t('preview.title')}</h3>
      {!preview.hasChanges ? <p className="summary">{t('preview.nothingToChange')}</p> : null}
      <ul className="change-list">
        {openItems ? (
          <>
            {line(t('preview.newDebtors', count(openItems.newDebtors.count)), openItems.newDebtors.count)}
            {line(t('preview.newItems', count(openItems.newItems.count)), openItems.newItems.count, openItems.newItems.totals)}
            {line(t('preview.settled', count(openItems.settled.count)), openItems.settled.count, openItems.settled.totals)}
            {line(t('preview.unchanged', count(openItems.unchanged)), openItems.unchanged)}
            {line(t('preview.alreadySettled', count(openItems.alreadySettled)), openItems.alreadySettled)}
            {line(t('preview.differences', count(openItems.differences.count)), openItems.differences.count)}
            {line(t('preview.missing', count(openItems.missing.count)), openItems.missing.count, openItems.missing.totals)}
            {line(t('preview.matchedByIdentifier', count(openItems.matchedByIdentifier.count)), openItems.matchedByIdentifier.count)}
            {line(t('preview.debtorsUpdated', count(openItems.debtorsUpdated)), openItems.debtorsUpdated)}
            {line(t('preview.debtorConflicts', count(openItems.conflicts.count)), openItems.conflicts.count)}
          </>
        ) : null}
        {preview.customers ? (
          <>
            {line(t('preview.customers.updated', count(preview.customers.updated.count)), preview.customers.updated.count)}
            {line(t('preview.customers.keptByHand', count(preview.customers.keptByHand.count)), preview.customers.keptByHand.count)}
            {line(t('preview.customers.notFound', count(preview.customers.notFound.count)), preview.customers.notFound.count)}
            {line(t('preview.customers.unchanged', count(preview.customers.unchanged)), preview.customers.unchanged)}
          </>
        ) : null}
        {payments ? (
          <>
            {line(t('preview.booked', count(payments.booked.count)), payments.booked.count, payments.booked.totals)}
            {line(t('preview.toReview', count(payments.toReview.count)), payments.toReview.count, payments.toReview.totals)}
            {line(t('preview.duplicates', count(payments.duplicates)), payments.duplicates)}
            {line(t('preview.notReceipts', count(payments.notReceipts)), payments.notReceipts)}
          </>
        ) : null}
        {line(t('preview.rejectedRows', count(summary.rejectionCount)), summary.rejectionCount)}
      </ul>
      {openItems ? <DebtorMatchTables openItems={openItems} /> : null}
      {preview.customers && preview.customers.keptByHand.count > 0 ? (
        // The controller's edits win over the file: what was left, so they can check it (README, "Contacts and addresses").
        <section className="preview-section" aria-labelledby="kept-by-hand-title">
          <h4 id="kept-by-hand-title">{t('preview.customers.keptTitle')}</h4>
          <table className="data-table compact" data-testid="kept-by-hand">
            <thead>
              <tr>
                <th scope="col">{t('preview.customers.customer')}</th>
                <th scope="col">{t('preview.customers.what')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.customers.keptByHand.sample.map((row) => (
                <tr key={row.customerCode}>
                  <td>{`${row.debtorName} (${row.customerCode})`}</td>
                  <td>{row.fields.map((field) => t(`preview.customers.fields.${field}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {openItems && openItems.missing.count > 0 ? (
        <section className="preview-section" aria-labelledby="missing-title">
          <h4 id="missing-title">{t('preview.missingTitle')}</h4>
          <p className="note">{t('preview.missingBody')}</p>
          <ItemChangesTable label={t('preview.missingTitle')} rows={openItems.missing} />
          <label className="checkbox-row">
            <input type="checkbox" checked={closeMissing} onChange={(event) => setCloseMissing(event.target.checked)} />
            {t('preview.closeMissing', count(openItems.missing.count))}
          </label>
        </section>
      ) : null}
      {openItems && openItems.differences.count > 0 ? (
        <section className="preview-section" aria-labelledby="differences-title">
          <h4 id="differences-title">{t('preview.differencesTitle')}</h4>
          <p className="note">{t('preview.differencesBody')}</p>
          <ItemChangesTable label={t('preview.differencesTitle')} rows={openItems.differences} />
        </section>
      ) : null}
      {openItems && openItems.settled.count > 0 ? (
        <section className="preview-section" aria-labelledby="settled-title">
          <h4 id="settled-title">{t('preview.settledTitle')}</h4>
          <ItemChangesTable label={t('preview.settledTitle')} rows={openItems.settled} />
        </section>
      ) : null}
      {payments && payments.booked.count > 0 ? (
        <section className="preview-section" aria-labelledby="booked-title">
          <h4 id="booked-title">{t('preview.bookedTitle')}</h4>
          <PaymentRowsTable label={t('preview.bookedTitle')} rows={payments.booked} />
        </section>
      ) : null}
      {payments && payments.toReview.count > 0 ? (
        <section className="preview-section" aria-labelledby="review-title">
          <h4 id="review-title">{t('preview.toReviewTitle')}</h4>
          <p className="note">{t('preview.toReviewBody')}</p>
          <PaymentRowsTable label={t('preview.toReviewTitle')} rows={payments.toReview} />
        </section>
      ) : null}
      <RejectedRows fileName={preview.fileName} summary={summary} />
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={!preview.hasChanges} onClick={() => void commit(fileId, closeMissing, clock)}>
          {t('preview.commit')}
        </button>
        <button type="button" className="button" onClick={() => void discard(fileId)}>
          {preview.hasChanges ? t('preview.discard') : t('wizard.remove')}
        </button>
      </div>
    </div>
  );
}
