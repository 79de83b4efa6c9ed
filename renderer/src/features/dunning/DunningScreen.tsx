import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '../../../../shared/money/money';
import { useClock } from '../../app/app-clock';
import { useBootstrap } from '../../app/bootstrap-context';
import { useNavigationStore } from '../../app/navigation-store';
import { EmptyState } from '../../components/EmptyState';
import { ProgressWithStop, useStop } from '../../components/ProgressWithStop';
import { ScreenHeader } from '../../components/ScreenHeader';
import { StaleRatesNote } from './StaleRatesNote';
import { StatementBatch } from './StatementBatch';
import { dataWorker, processWorklistWithLetterPdfs } from '../../data/data-client';
import type { MailMessageRequest } from '../../../../shared/ipc/mail-contract';
import { kredo } from '../../platform/kredo-api';
import type { WorklistRow } from '../../data/dunning/worklist-rows';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { useLanguage } from '../../i18n/use-language';
import { useSyncStore } from '../sync/sync-store';
import { LetterPreviewDialog, type LetterPreview } from './LetterPreviewDialog';
import { PrintBatchButton, type ProcessingRun } from './PrintBatchButton';
import { RecordCallDialog } from './RecordCallDialog';
import { DEADLINE_LEAD_DAYS, useWorklist } from './use-worklist';
import { WorklistFilters } from './WorklistFilters';
import { WorklistTable } from './WorklistTable';
import { EMPTY_WORKLIST_QUERY, worklistLines, type WorklistQuery } from './worklist-query';

/**
 * The daily worklist: letters, calls and tasks due under the credit policy, and insurer deadlines coming
 * up, riskiest money first. Every entry is in the list (it scrolls, filters and searches at tier L); tick
 * entries and process them in one go, watching the progress and stopping when needed. A processed entry
 * never comes back, a deadline or handover becomes a submission to the insurer.
 */
export function DunningScreen() {
  const { t } = useTranslation('dunning');
  const format = useFormat();
  const clock = useClock();
  const { isClockFixed } = useBootstrap();
  const { formatLocale } = useLanguage();
  const errorMessage = useErrorMessage();
  const openDebtor = useNavigationStore((state) => state.openDebtor);
  const { worklist, reload } = useWorklist();
  // Amounts on the list are in the policy currency (converted for SEK or GBP invoices).
  const policyCurrency = (useLiveQuery(async () => (await uiDb.policies.toArray())[0]?.currency, []) ?? 'EUR') as CurrencyCode;
  const [query, setQuery] = useState<WorklistQuery>(EMPTY_WORKLIST_QUERY);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string>();
  const [progress, setProgress] = useState<{ readonly done: number; readonly total: number }>();
  const stop = useStop();
  const [calling, setCalling] = useState<WorklistRow>();
  const [preview, setPreview] = useState<LetterPreview>();
  // The last processing run, offered as one print batch of its letters until the next run.
  const [printRun, setPrintRun] = useState<ProcessingRun>();
  const rows = useMemo(() => worklist?.rows ?? [], [worklist]);
  const lines = useMemo(() => worklistLines(rows, query), [rows, query]);
  const shown = useMemo(() => lines.flatMap((line) => (line.kind === 'entry' ? [line.row] : [])), [lines]);
  const request = () => ({ today: clock.today(), at: clock.now().toISOString(), locale: formatLocale, leadDays: DEADLINE_LEAD_DAYS });

  const showPreview = async (row: WorklistRow) => {
    try {
      setPreview(await dataWorker().previewLetter({ ...request(), entryId: row.id, debtorIds: [row.debtorId] }));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  const select = (ids: readonly string[], isSelected: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (isSelected) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const process = async () => {
    const chosen = rows.filter((row) => selected.has(row.id));
    const mailReady = Boolean((await kredo.mailGetSettings({}).catch(() => undefined))?.settings);
    stop.reset();
    setProgress({ done: 0, total: chosen.length });
    setMessage(undefined);
    setPrintRun(undefined);
    const run = { ...request(), debtorIds: [...new Set(chosen.map((row) => row.debtorId))] };
    try {
      const result = await processWorklistWithLetterPdfs(
        { ...run, entryIds: chosen.map((row) => row.id) },
        {
          onProgress: (done: number, total: number) => setProgress({ done, total }),
          isStopped: stop.isStopped,
          // Letters to debtors with an e-mail address go into the outbox when Settings › E-mail is set up.
          queueMail: async (message: MailMessageRequest) => (mailReady ? kredo.mailQueue({ message }) : undefined),
          withdrawMail: (key: string) => kredo.mailWithdraw({ key }),
        },
      );
      const counts = { done: format.number(result.done), submitted: format.number(result.submitted) };
      setMessage([t(result.stopped ? 'worklist.stopped' : 'worklist.processed', counts), ...(result.notMade > 0 ? [t('worklist.notMade', { count: result.notMade })] : [])].join(' '));
      setSelected(new Set());
      if (result.done > 0) setPrintRun({ at: run.at, today: run.today, debtorIds: run.debtorIds });
      reload();
      if (result.submitted > 0) void useSyncStore.getState().sync(clock, isClockFixed, { force: true });
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setProgress(undefined);
    }
  };
  const what = (row: WorklistRow) => {
    const task = row.task;
    if (task.kind === 'dunning') return task.payBy ? t('worklist.stepPayBy', { step: t(`todo.${task.step}`), date: format.date(task.payBy) }) : t(`todo.${task.step}`);
    if (task.kind === 'deadline') return t(task.daysLeft < 0 ? 'worklist.deadlinePassed' : 'worklist.deadline', { deadline: t(`deadlines.${task.deadline}`), date: format.date(task.on), count: Math.abs(task.daysLeft) });
    return t(`worklist.${task.kind}`);
  };

  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      <StaleRatesNote />
      {worklist === undefined && <p className="note">{t('worklist.loading')}</p>}
      {worklist !== undefined && rows.length === 0 && <EmptyState message={t('empty')} />}
      {rows.length > 0 && (
        <>
          <p className="note" data-testid="worklist-count">
            {t('worklist.count', { count: rows.length })}
            {shown.length < rows.length && <> {t('worklist.shown', { shown: format.number(shown.length), count: rows.length })}</>}
          </p>
          <WorklistFilters rows={rows} query={query} currency={policyCurrency} onChange={setQuery} />
          <WorklistTable lines={lines} selected={selected} currency={policyCurrency} what={what} onSelect={select} onOpenDebtor={(debtorId, section) => openDebtor(debtorId, undefined, section)} onPreview={(row) => void showPreview(row)} onCall={setCalling} />
          <div className="button-row">
            <button type="button" className="button" disabled={progress !== undefined} onClick={() => select(shown.map((row) => row.id), true)}>{t('worklist.selectAll')}</button>
            <button type="button" className="button button-primary" disabled={selected.size === 0 || progress !== undefined} onClick={() => void process()}>
              {t('worklist.process', { count: selected.size })}
            </button>
            {progress && (
              <ProgressWithStop
                done={progress.done}
                total={progress.total}
                label={t('worklist.progressLabel')}
                text={t('worklist.progress', { done: format.number(progress.done), total: format.number(progress.total) })}
                data-testid="worklist-progress"
                stopLabel={t('worklist.stop')}
                isStopping={stop.isStopping}
                onStop={stop.requestStop}
              />
            )}
          </div>
        </>
      )}
      {message && <p role="status" className="note">{message}</p>}
      {printRun && <PrintBatchButton run={printRun} />}
      <StatementBatch />
      <LetterPreviewDialog preview={preview} onClose={() => setPreview(undefined)} />
      <RecordCallDialog
        entry={calling}
        onClose={(recorded) => {
          setCalling(undefined);
          if (recorded) reload();
        }}
      />
    </section>
  );
}
