import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { useClock } from '../../app/app-clock';
import { DebtorChoice } from '../../components/DebtorChoice';
import { useModalDialog } from '../../components/use-modal-dialog';
import { dataWorker } from '../../data/data-client';
import type { StoredDebtor } from '../../data/db/schema';
import { useAllDebtors } from '../../data/queries/use-imports';
import type { MergeCounts, MergePreview } from '../../data/store/merge-debtors';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { kredo } from '../../platform/kredo-api';
import { mergeCandidates } from './merge-candidates';

const MOVES: readonly (keyof MergeCounts)[] = ['items', 'payments', 'limits', 'dunningActions', 'documents', 'promises', 'paymentPlans', 'insurerCases', 'notes', 'auditEntries', 'paymentsToReview'];

/**
 * "Merge with…": the controller picks the debtor that is the same company as this one — likely twins (a
 * shared identifier, the same name) are offered first — sees what would move and what to look out for, and
 * confirms. This debtor survives; the other one's ledger, limits and history follow it.
 */
export function MergeDebtorDialog({ debtor, isOpen, onClose }: { readonly debtor: StoredDebtor; readonly isOpen: boolean; readonly onClose: () => void }) {
  const { t } = useTranslation(['debtor', 'common']);
  const format = useFormat();
  const clock = useClock();
  const errorMessage = useErrorMessage();
  const id = useId();
  const dialog = useModalDialog(isOpen);
  const debtors = useAllDebtors(isOpen);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<StoredDebtor>();
  const [preview, setPreview] = useState<MergePreview>();
  const [error, setError] = useState<string>();
  const [isMerging, setMerging] = useState(false);
  const latest = useRef<string>(undefined);

  const shown = useMemo(() => mergeCandidates(debtor, debtors ?? [], query), [debtors, debtor, query]);

  // The preview of the debtor chosen last: an earlier answer arriving late is dropped.
  const choose = (candidate: StoredDebtor) => {
    setChosen(candidate);
    setPreview(undefined);
    setError(undefined);
    latest.current = candidate.id;
    dataWorker()
      .previewDebtorMerge({ survivorId: debtor.id, mergedId: candidate.id })
      .then((result) => latest.current === candidate.id && setPreview(result))
      .catch((cause: unknown) => latest.current === candidate.id && setError(errorMessage(cause)));
  };

  const close = () => {
    latest.current = undefined;
    setQuery('');
    setChosen(undefined);
    setPreview(undefined);
    setError(undefined);
    onClose();
  };
  const merge = async () => {
    if (!chosen) return;
    setMerging(true);
    try {
      const { homeCurrency } = await kredo.importGetSettings();
      await dataWorker().mergeDebtors({ survivorId: debtor.id, mergedId: chosen.id, today: clock.today(), at: clock.now().toISOString(), homeCurrency });
      close();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setMerging(false);
    }
  };
  const count = (value: number) => ({ count: value, formatted: format.number(value) });
  const amount = (minor: number, currency: string) => format.money(money(minor, currency));

  return (
    <dialog ref={dialog} className="dialog merge-dialog" aria-labelledby={`${id}-title`} onClose={close}>
      <h2 id={`${id}-title`}>{t('merge.title')}</h2>
      <p>{t('merge.body', { name: debtor.name })}</p>
      <DebtorChoice searchLabel={t('merge.search')} legend={t('merge.other')} emptyText={query ? t('merge.noMatches') : t('merge.noSuggestions')} query={query} onQuery={setQuery} shown={shown} chosenId={chosen?.id} onChoose={choose} />
      {chosen && preview ? (
        <section aria-labelledby={`${id}-moves`}>
          <h3 id={`${id}-moves`} className="subsection-title">{t('merge.movesTitle', { merged: chosen.name, code: chosen.customerCode, survivor: debtor.name })}</h3>
          <ul className="change-list" data-testid="merge-moves">
            {MOVES.filter((key) => preview.moves[key] > 0).map((key) => (
              <li key={key}>{t(`merge.moves.${key}`, count(preview.moves[key]))}</li>
            ))}
            <li>{t('merge.aliases', { code: chosen.customerCode })}</li>
          </ul>
          {preview.warnings.map((warning, index) => (
            <p key={`${warning.kind}-${index}`} className="warning-text">
              {warning.kind === 'bothInsured'
                ? t('merge.warnings.bothInsured', {
                    survivor: amount(warning.survivorAmountMinor, warning.currency),
                    merged: amount(warning.mergedAmountMinor, warning.currency),
                    inForce: amount(warning.inForceCoverId === warning.mergedCoverId ? warning.mergedAmountMinor : warning.survivorAmountMinor, warning.currency),
                  })
                : warning.kind === 'discretionaryLapses'
                  ? t('merge.warnings.discretionaryLapses', { amount: amount(warning.amountMinor, warning.currency) })
                  : warning.kind === 'identifiersDiffer'
                    ? t('merge.warnings.identifiersDiffer', { type: t(`identity.identifierTypes.${warning.type}`), survivor: warning.survivorValue, merged: warning.mergedValue })
                    : t('merge.warnings.duplicateInvoices', { numbers: warning.numbers.join(', ') })}
            </p>
          ))}
          {preview.problems.map((problem) => (
            <p key={problem.kind} role="alert" className="error-text">
              {problem.kind === 'insurerPending'
                ? t('merge.problems.insurerPending', { name: problem.debtorName })
                : problem.kind === 'sameInvoiceNumber'
                  ? t('merge.problems.sameInvoiceNumber', { numbers: problem.numbers.join(', ') })
                  : t('merge.problems.sameDebtor')}
            </p>
          ))}
        </section>
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          {t('common:actions.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={!preview || preview.problems.length > 0 || isMerging} onClick={() => void merge()}>
          {chosen ? t('merge.confirm', { merged: chosen.name, survivor: debtor.name }) : t('merge.confirmNone')}
        </button>
      </div>
    </dialog>
  );
}
