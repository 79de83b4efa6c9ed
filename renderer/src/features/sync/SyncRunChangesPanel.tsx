import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { useNavigationStore } from '../../app/navigation-store';
import type { SyncRun } from '../../data/db/schema';
import { uiDb } from '../../data/queries/ui-db';
import type { InsurerLimitChange } from '../../data/sync/apply-insurer-covers';
import { useFormat } from '../../i18n/use-format';
import { Pager } from './Pager';

/** Changes per page: a full read of a large portfolio lists thousands. */
export const CHANGES_PER_PAGE = 25;

/**
 * What one sync changed: each limit or cover, with its debtor (a link to the debtor's page), the limit before
 * and after with its currency, and the insurer's decision. Read from the store only for the run opened, a page
 * at a time on screen.
 */
export function SyncRunChangesPanel({ run }: { readonly run: SyncRun }) {
  const { t } = useTranslation(['sync', 'limits']);
  const format = useFormat();
  const id = useId();
  const openDebtor = useNavigationStore((state) => state.openDebtor);
  const changes = useLiveQuery(async () => (await uiDb.syncRunChanges.get(run.seq!))?.changes ?? [], [run.seq]);
  const [page, setPage] = useState(0);
  const amount = (minor: number, currency: string) => format.money(money(minor, currency));
  const decision = (change: InsurerLimitChange) => {
    const pending = change.pendingChange ? ` ${t(`limits:changes.pending.${change.pendingChange.type}`, { amount: amount(change.pendingChange.newAmountMinor, change.currency), date: format.date(change.pendingChange.effectiveFrom) })}` : '';
    return `${t(`limits:state.${change.status}`)}.${pending}`;
  };
  const shown = changes?.slice(page * CHANGES_PER_PAGE, (page + 1) * CHANGES_PER_PAGE) ?? [];
  return (
    <div className="run-changes" role="region" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subsection-title">{t('history.changesTitle', { time: format.dateTime(new Date(run.startedAt)) })}</h3>
      {run.changed === 0 ? (
        <p className="note">{t('history.noChanges')}</p>
      ) : run.changesKept === 0 ? (
        <p className="note">{t('history.changesDropped', { count: run.changed })}</p>
      ) : (
        <>
          {run.changesKept < run.changed && <p className="note">{t('history.changesCapped', { kept: format.number(run.changesKept), total: format.number(run.changed) })}</p>}
          <table className="data-table compact" data-testid="sync-run-changes">
            <thead>
              <tr>
                <th scope="col">{t('history.columns.debtor')}</th>
                <th scope="col" className="numeric">{t('history.columns.before')}</th>
                <th scope="col" className="numeric">{t('history.columns.after')}</th>
                <th scope="col">{t('history.columns.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((change, index) => (
                <tr key={`${change.debtorId}-${page}-${index}`}>
                  <td>
                    <button type="button" className="link-button" onClick={() => openDebtor(change.debtorId)}>{change.debtorName}</button>
                  </td>
                  <td className="numeric">{change.previousStatus === undefined ? t('limits:changes.new') : change.previousStatus === change.status ? amount(change.previousAmountMinor ?? 0, change.currency) : `${t(`limits:state.${change.previousStatus}`)} ${amount(change.previousAmountMinor ?? 0, change.currency)}`}</td>
                  <td className="numeric">{amount(change.amountMinor, change.currency)}</td>
                  <td>{decision(change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} total={changes?.length ?? 0} perPage={CHANGES_PER_PAGE} onPage={setPage} label={t('history.changesPages')} />
        </>
      )}
    </div>
  );
}
