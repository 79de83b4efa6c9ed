import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import type { LossKind, LossSubmission } from '../../../../shared/sync/loss-submission';
import { useClock } from '../../app/app-clock';
import { useBootstrap } from '../../app/bootstrap-context';
import { dataWorker } from '../../data/data-client';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useInsurerProblem } from '../../i18n/use-insurer-problem';
import { useFormat } from '../../i18n/use-format';
import { KredoApiError } from '../../platform/kredo-api';
import { useInsurerConnection } from '../sync/use-insurer-connection';
import { useSyncStore } from '../sync/sync-store';

const KINDS: readonly LossKind[] = ['overdue', 'collection', 'claim'];

/**
 * The debtor's bad debt with the insurer: notify the overdue invoices, hand them over for collection, file
 * a claim — each sent through the sync, offline too — and where each stands, up to the settlement paid.
 */
export function DebtorInsurerCases({ debtorId }: { readonly debtorId: string }) {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const clock = useClock();
  const { isClockFixed } = useBootstrap();
  const errorMessage = useErrorMessage();
  const insurerProblem = useInsurerProblem();
  const id = useId();
  // An insurer whose API takes none of these (Atradius) or only some (Allianz Trade: overdues): offer only what
  // it takes and say where the rest is done, instead of offering a send that must fail.
  const { connection } = useInsurerConnection();
  const kinds = KINDS.filter((kind) => connection?.capabilities.lossKinds.includes(kind) ?? true);
  const canSubmit = kinds.length > 0;
  const [message, setMessage] = useState<{ readonly text: string; readonly isError: boolean }>();
  // Dexie's live-query cache hands back read-only arrays: sort a copy.
  const submissions = useLiveQuery(async () => [...(await uiDb.lossOutbox.where('debtorId').equals(debtorId).toArray())].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)), [debtorId]);

  const submit = async (kind: LossKind) => {
    setMessage(undefined);
    try {
      await dataWorker().submitLoss({ debtorId, kind, detail: kind === 'claim' ? { cause: 'PROTRACTED_DEFAULT' } : kind === 'overdue' ? { category: 'OVD' } : { caseType: 'COLLECTION' }, at: clock.now().toISOString(), today: clock.today() });
      setMessage({ text: t('losses.queued'), isError: false });
      void useSyncStore.getState().sync(clock, isClockFixed, { force: true });
    } catch (error) {
      setMessage({ text: errorMessage(error), isError: true });
    }
  };
  const where = (entry: LossSubmission) => {
    if (entry.state === 'SUBMITTED_LOCAL') return t('losses.waiting');
    if (entry.state === 'CHECKING') return t('losses.checking');
    if (entry.state === 'ATTENTION') return t('losses.attention', { reason: insurerProblem(entry.lastProblem?.code) ?? t('losses.conflict') });
    if (entry.state === 'REJECTED') return errorMessage(new KredoApiError('insurer.refused', { status: entry.lastProblem?.status ?? 0, ...(entry.lastProblem?.code !== undefined && { type: entry.lastProblem.code }) }));
    const status = t(`losses.status.${entry.insurerStatus ?? 'RECEIVED'}`, { defaultValue: entry.insurerStatus ?? '' });
    const outcome = entry.outcome ? ` · ${t(`losses.outcome.${entry.outcome}`, { defaultValue: entry.outcome })}` : '';
    const paid = entry.settlement
      ? ` · ${t('losses.paid', { paid: format.money(money(entry.settlement.paidMinor, entry.settlement.currency)), loss: format.money(money(entry.settlement.grossLossMinor, entry.settlement.currency)), deductible: format.money(money(entry.settlement.deductibleMinor, entry.settlement.currency)), percent: format.percent(entry.settlement.insuredPercentageBp / 10_000) })}`
      : '';
    return `${status}${outcome}${paid}`;
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">{t('losses.title')}</h2>
      <p className="note">{t(canSubmit ? 'losses.explain' : 'losses.portalOnly')}</p>
      {canSubmit && kinds.length < KINDS.length && <p className="note">{t('losses.portalPartly')}</p>}
      {canSubmit && (
        <div className="button-row">
          {kinds.map((kind) => (
            <button key={kind} type="button" className="button" onClick={() => void submit(kind)}>
              {t(`losses.action.${kind}`)}
            </button>
          ))}
        </div>
      )}
      {message && <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error-text' : 'note'}>{message.text}</p>}
      {submissions && submissions.length > 0 && (
        <table className="data-table compact" data-testid="insurer-cases">
          <thead>
            <tr>
              <th scope="col">{t('losses.columns.sent')}</th>
              <th scope="col">{t('losses.columns.kind')}</th>
              <th scope="col" className="numeric">{t('losses.columns.amount')}</th>
              <th scope="col">{t('losses.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {submissions.map((entry) => (
              <tr key={entry.id} data-kind={entry.kind}>
                <td>{format.dateTime(new Date(entry.createdAt))}</td>
                <td>{t(`losses.kind.${entry.kind}`)} ({format.number(entry.invoices.length)})</td>
                <td className="numeric">{format.money(money(entry.invoices.reduce((sum, invoice) => sum + invoice.grossAmountMinor, 0), entry.invoices[0]?.currency ?? 'EUR'))}</td>
                <td className="wrap">{where(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
