import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money/money';
import { useNavigationStore } from '../../app/navigation-store';
import { readOutbox, type OutboxRow } from '../../data/queries/read-outbox';
import { uiDb } from '../../data/queries/ui-db';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useInsurerProblem } from '../../i18n/use-insurer-problem';
import { useFormat } from '../../i18n/use-format';
import { KredoApiError } from '../../platform/kredo-api';
import { Pager } from './Pager';

const PER_PAGE = 20;

/**
 * The outbox: every request waiting for or sent to the insurer — limit requests, overdue notifications,
 * collection handovers, claims — newest first, with when it was asked, when it went, and where it stands:
 * queued (offline, or waiting for the insurer), being checked, with the underwriter, decided and what,
 * refused and why, or in need of the controller.
 */
export function OutboxSection() {
  const { t } = useTranslation(['sync', 'limits']);
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const insurerProblem = useInsurerProblem();
  const openDebtor = useNavigationStore((state) => state.openDebtor);
  const id = useId();
  const [page, setPage] = useState(0);
  const outbox = useLiveQuery(() => readOutbox(uiDb, { offset: page * PER_PAGE, limit: PER_PAGE }), [page]);

  const what = (row: OutboxRow) => (row.kind === 'limit' ? t('outbox.limit', { type: t(`limits:requestType.${row.requestType ?? 'NEW'}`) }) : t(`losses.kind.${row.kind}`));
  const where = (row: OutboxRow): string => {
    switch (row.state) {
      case 'SUBMITTED_LOCAL':
        return row.attempts > 0 ? t('outbox.retrying', { count: row.attempts, time: format.dateTime(new Date(row.lastAttemptAt ?? row.createdAt)) }) : t('outbox.queued');
      case 'CHECKING':
        return t('losses.checking');
      case 'ATTENTION':
        return t('losses.attention', { reason: insurerProblem(row.lastProblem?.code) ?? t('losses.conflict') });
      case 'REJECTED':
        return t('outbox.refused', { reason: errorMessage(new KredoApiError('insurer.refused', { status: row.lastProblem?.status ?? 0, ...(row.lastProblem?.code !== undefined && { type: row.lastProblem.code }) })) });
      case 'PENDING':
        return t('outbox.referred');
      case 'DECIDED':
        return row.decided ? t('outbox.decided', { state: t(`limits:stateInSentence.${row.decided.status}`), amount: format.money(money(row.decided.decidedAmountMinor, row.decided.currency)) }) : t('outbox.decidedShort');
      default: {
        const status = t(`losses.status.${row.insurerStatus ?? 'RECEIVED'}`, { defaultValue: row.insurerStatus ?? '' });
        const outcome = row.outcome ? ` · ${t(`losses.outcome.${row.outcome}`, { defaultValue: row.outcome })}` : '';
        return t('outbox.answered', { status: `${status}${outcome}` });
      }
    }
  };
  const isAlert = (row: OutboxRow) => row.state === 'REJECTED' || row.state === 'ATTENTION';

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">{t('outbox.title')}</h2>
      {outbox && outbox.total === 0 && <p className="note">{t('outbox.none')}</p>}
      {outbox && outbox.total > 0 && (
        <>
          <table className="data-table compact" data-testid="insurer-outbox">
            <thead>
              <tr>
                <th scope="col">{t('outbox.columns.asked')}</th>
                <th scope="col">{t('outbox.columns.debtor')}</th>
                <th scope="col">{t('outbox.columns.what')}</th>
                <th scope="col" className="numeric">{t('outbox.columns.amount')}</th>
                <th scope="col">{t('outbox.columns.sent')}</th>
                <th scope="col">{t('outbox.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.rows.map((row) => (
                <tr key={row.id} data-state={row.state} data-kind={row.kind}>
                  <td>{format.dateTime(new Date(row.createdAt))}</td>
                  <td>
                    {row.debtorName ? (
                      <button type="button" className="link-button" onClick={() => openDebtor(row.debtorId, row.chunkId)}>{row.debtorName}</button>
                    ) : (
                      row.debtorId
                    )}
                  </td>
                  <td>{what(row)}</td>
                  <td className="numeric">{row.amountMinor === undefined || row.currency === undefined ? '–' : format.money(money(row.amountMinor, row.currency))}</td>
                  <td>{row.sentAt ? format.dateTime(new Date(row.sentAt)) : row.state === 'SUBMITTED_LOCAL' || row.state === 'CHECKING' ? t('outbox.notYet') : '–'}</td>
                  <td className={`wrap${isAlert(row) ? ' is-alert' : ''}`}>{where(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} total={outbox.total} perPage={PER_PAGE} onPage={setPage} label={t('outbox.pages')} />
        </>
      )}
    </section>
  );
}
