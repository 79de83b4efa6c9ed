import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { exportFileName, saveExportFile } from '../../components/ExportButtons';
import { dataWorker } from '../../data/data-client';
import { LETTER_STEPS } from '../../letters/dunning-letter';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { useLanguage } from '../../i18n/use-language';

/** A processing run of the worklist: its moment (every letter it made carries it) and its debtors. */
export interface ProcessingRun {
  readonly at: string;
  readonly today: IsoDate;
  readonly debtorIds: readonly string[];
}

/**
 * After processing: the run's letters to post as one PDF — a covering list, then the letters in envelope
 * order (issue 16, item 2) — saved where the controller chooses, to print in one go.
 */
export function PrintBatchButton({ run }: { readonly run: ProcessingRun }) {
  const { t } = useTranslation(['dunning', 'reports', 'common']);
  const format = useFormat();
  const { formatLocale } = useLanguage();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<string>();
  const [isBusy, setBusy] = useState(false);
  const save = async () => {
    setStatus(undefined);
    setBusy(true);
    try {
      const date = format.date(run.today);
      const bytes = await dataWorker().printBatchPdf({
        at: run.at,
        debtorIds: run.debtorIds,
        formatLocale,
        text: {
          title: t('worklist.printBatch.title'),
          subtitleTemplates: { one: t('worklist.printBatch.subtitle', { count: 1, formatted: '{{count}}', date }), other: t('worklist.printBatch.subtitle', { count: 2, formatted: '{{count}}', date }) },
          columns: {
            number: t('worklist.printBatch.columns.number'),
            debtor: t('worklist.printBatch.columns.debtor'),
            letter: t('worklist.printBatch.columns.letter'),
            pages: t('worklist.printBatch.columns.pages'),
            step: t('worklist.printBatch.columns.step'),
            amount: t('worklist.printBatch.columns.amount'),
            reference: t('worklist.printBatch.columns.reference'),
          },
          pageTemplate: t('reports:page', { page: '{{page}}', pages: '{{pages}}' }),
          stepNames: Object.fromEntries(LETTER_STEPS.map((step) => [step, t(`steps.${step}`)])),
          unknownCountry: t('common:country.unknown'),
        },
      });
      if (!bytes) {
        setStatus(t('worklist.printBatch.none'));
        return;
      }
      const savedTo = await saveExportFile('pdf', exportFileName(t('worklist.printBatch.fileName'), run.today), bytes);
      if (savedTo) setStatus(t('worklist.printBatch.saved', { path: savedTo }));
    } catch (error) {
      setStatus(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="button-row">
      <button type="button" className="button" disabled={isBusy} onClick={() => void save()}>
        {t('worklist.printBatch.save')}
      </button>
      {status && <span role="status" className="note" data-testid="print-batch-status">{status}</span>}
    </div>
  );
}
