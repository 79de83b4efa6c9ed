import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistEntry } from '../../../../shared/domain/dunning/worklist';
import { money } from '../../../../shared/money/money';
import { useClock } from '../../app/app-clock';
import { useBootstrap } from '../../app/bootstrap-context';
import { useNavigationStore } from '../../app/navigation-store';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { StaleRatesNote } from './StaleRatesNote';
import { dataWorker } from '../../data/data-client';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { useLanguage } from '../../i18n/use-language';
import { useSyncStore } from '../sync/sync-store';
import { LetterPreviewDialog, type LetterPreview } from './LetterPreviewDialog';
import { RecordCallDialog } from './RecordCallDialog';
import { DEADLINE_LEAD_DAYS, useWorklist } from './use-worklist';

/** The table shows the most valuable work first; a tier-L portfolio can have thousands of entries. */
const SHOWN_ENTRIES = 300;

/**
 * The daily worklist: letters, calls and tasks due under the credit policy, and insurer deadlines coming
 * up, riskiest money first. Tick entries and process them in one go; a processed entry never comes back,
 * a deadline or handover becomes a submission to the insurer.
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
  const policyCurrency = useLiveQuery(async () => (await uiDb.policies.toArray())[0]?.currency, []);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string>();
  const [isWorking, setWorking] = useState(false);
  const [calling, setCalling] = useState<WorklistEntry>();
  const [preview, setPreview] = useState<LetterPreview>();
  const showPreview = async (entry: WorklistEntry) => {
    try {
      setPreview(await dataWorker().previewLetter({ entryId: entry.id, today: clock.today(), at: clock.now().toISOString(), locale: formatLocale, leadDays: DEADLINE_LEAD_DAYS }));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };
  const entries = worklist?.entries.slice(0, SHOWN_ENTRIES) ?? [];

  const toggle = (id: string, isChecked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (isChecked) next.add(id);
      else next.delete(id);
      return next;
    });
  const process = async () => {
    setWorking(true);
    setMessage(undefined);
    try {
      const result = await dataWorker().processWorklist({ entryIds: [...selected], today: clock.today(), at: clock.now().toISOString(), locale: formatLocale, leadDays: DEADLINE_LEAD_DAYS });
      setMessage([t('worklist.processed', { done: format.number(result.done), submitted: format.number(result.submitted) }), ...(result.notMade > 0 ? [t('worklist.notMade', { count: result.notMade })] : [])].join(' '));
      setSelected(new Set());
      reload();
      if (result.submitted > 0) void useSyncStore.getState().sync(clock, isClockFixed, { force: true });
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setWorking(false);
    }
  };
  const what = (entry: WorklistEntry) => {
    const task = entry.task;
    if (task.kind === 'dunning') return task.payBy ? t('worklist.stepPayBy', { step: t(`todo.${task.step}`), date: format.date(task.payBy) }) : t(`todo.${task.step}`);
    if (task.kind === 'deadline') return t(task.daysLeft < 0 ? 'worklist.deadlinePassed' : 'worklist.deadline', { deadline: t(`deadlines.${task.deadline}`), date: format.date(task.on), count: Math.abs(task.daysLeft) });
    return t(`worklist.${task.kind}`);
  };

  return (
    <section>
      <ScreenHeader title={t('title')} intro={t('intro')} />
      <StaleRatesNote />
      {worklist === undefined && <p className="note">{t('worklist.loading')}</p>}
      {worklist !== undefined && entries.length === 0 && <EmptyState message={t('empty')} />}
      {entries.length > 0 && (
        <>
          <p className="note" data-testid="worklist-count">{t('worklist.count', { count: worklist?.entries.length ?? 0 })}</p>
          <table className="data-table compact" data-testid="worklist">
            <thead>
              <tr>
                <th scope="col"><span className="visually-hidden">{t('worklist.select')}</span></th>
                <th scope="col">{t('worklist.debtor')}</th>
                <th scope="col">{t('worklist.what')}</th>
                <th scope="col" className="numeric">{t('worklist.invoices')}</th>
                <th scope="col" className="numeric">{t('worklist.amount')}</th>
                <th scope="col" className="numeric">{t('worklist.daysOverdue')}</th>
                <th scope="col" className="numeric">{t('worklist.risk')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-kind={entry.task.kind}>
                  <td><input type="checkbox" aria-label={t('worklist.selectEntry', { name: entry.debtorName, what: what(entry) })} checked={selected.has(entry.id)} onChange={(event) => toggle(entry.id, event.target.checked)} /></td>
                  <td><button type="button" className="link-button" onClick={() => openDebtor(entry.debtorId)}>{entry.debtorName}</button></td>
                  <td className="wrap">
                    {what(entry)}
                    {entry.task.kind === 'dunning' && entry.task.channel === 'letter' && (
                      <>
                        {' '}
                        <button type="button" className="button button-small" onClick={() => void showPreview(entry)}>{t('preview.open')}</button>
                      </>
                    )}
                    {entry.letterReach && !entry.letterReach.address && !entry.letterReach.email && (
                      // Never a placeholder address: the entry says what is missing and leads to the field.
                      <span className="is-alert" data-testid="letter-unreachable">
                        {' '}
                        {t('worklist.unreachable')}{' '}
                        <button type="button" className="link-button" onClick={() => openDebtor(entry.debtorId, undefined, 'masterData')}>{t('worklist.addAddress')}</button>
                      </span>
                    )}
                    {entry.letterReach && entry.letterReach.address && !entry.letterReach.email && <span className="note"> {t('worklist.noEmail')}</span>}
                    {entry.task.kind === 'dunning' && entry.task.channel === 'call' && (
                      <>
                        {' '}
                        <button type="button" className="button button-small" onClick={() => setCalling(entry)}>{t('call.record')}</button>
                      </>
                    )}
                  </td>
                  <td className="numeric">{format.number(entry.invoices.length)}</td>
                  <td className="numeric">{format.money(money(entry.amountMinor, policyCurrency ?? 'EUR'))}</td>
                  <td className="numeric">{format.number(entry.daysOverdue)}</td>
                  <td className="numeric">{format.number(entry.riskScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setSelected(new Set(entries.map((entry) => entry.id)))}>{t('worklist.selectAll')}</button>
            <button type="button" className="button button-primary" disabled={selected.size === 0 || isWorking} onClick={() => void process()}>
              {t('worklist.process', { count: selected.size })}
            </button>
          </div>
        </>
      )}
      {message && <p role="status" className="note">{message}</p>}
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
