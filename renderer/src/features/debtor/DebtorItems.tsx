import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebtorLedger, LedgerItem } from '../../../../shared/domain/ledger/ledger-types';
import { money } from '../../../../shared/money/money';
import { daysBetween, type IsoDate } from '../../../../shared/time/iso-date';
import type { ExportColumn, ExportTable } from '../../../../shared/export/export-table';
import { DisputeSelect } from '../dunning/DisputeSelect';
import { ExportButtons, exportFileName } from '../../components/ExportButtons';
import { useFormat } from '../../i18n/use-format';

const PAGE = 200;
const TABS = ['open', 'paid'] as const;

/** The debtor's open items (what dunning and claims work on) and its settled ones, each with its dates. */
export function DebtorItems({ ledger, asOf, debtorName }: { readonly ledger: DebtorLedger | undefined; readonly asOf: IsoDate; readonly debtorName: string }) {
  const { t } = useTranslation('debtor');
  const format = useFormat();
  const [tab, setTab] = useState<'open' | 'paid'>('open');
  const [limit, setLimit] = useState(PAGE);
  const items = ledger?.items ?? [];
  const lastPaid = new Map<string, IsoDate>();
  for (const allocation of ledger?.allocations ?? []) {
    const previous = lastPaid.get(allocation.itemId);
    if (!previous || allocation.date > previous) lastPaid.set(allocation.itemId, allocation.date);
  }
  const open = items.filter((item) => item.openMinor !== 0).sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const paid = items.filter((item) => item.openMinor === 0).sort((a, b) => ((lastPaid.get(b.id) ?? '') < (lastPaid.get(a.id) ?? '') ? -1 : 1));
  const shown = (tab === 'open' ? open : paid).slice(0, limit);
  const amount = (item: LedgerItem, minor: number) => format.money(money(minor, item.currency));
  const late = (item: LedgerItem) => {
    const days = tab === 'open' ? daysBetween(item.dueDate, asOf) : daysBetween(item.dueDate, lastPaid.get(item.id) ?? item.dueDate);
    return days > 0 ? format.number(days) : '–';
  };

  // All the tab's items, not only the page shown. Amounts get a column per currency: a money column has one currency.
  const exportTable = (): ExportTable => {
    const list = tab === 'open' ? open : paid;
    const currencies = [...new Set(list.map((item) => item.currency))].sort();
    const second = tab === 'open' ? t('items.openAmount') : t('items.paidOn');
    const columns: ExportColumn[] = [
      { header: t('items.number'), kind: 'text' },
      { header: t('items.invoiceDate'), kind: 'date' },
      { header: t('items.dueDate'), kind: 'date' },
      ...currencies.map((currency): ExportColumn => ({ header: t('items.amount'), kind: 'money', currency })),
      ...(tab === 'open' ? currencies.map((currency): ExportColumn => ({ header: second, kind: 'money', currency })) : [{ header: second, kind: 'date' } as ExportColumn]),
      { header: tab === 'open' ? t('items.daysOverdue') : t('items.daysLate'), kind: 'integer' },
      { header: t('items.status'), kind: 'text' },
    ];
    const rows = list.map((item) => {
      const days = tab === 'open' ? daysBetween(item.dueDate, asOf) : daysBetween(item.dueDate, lastPaid.get(item.id) ?? item.dueDate);
      const perCurrency = (minor: number) => currencies.map((currency) => (currency === item.currency ? minor : null));
      return [
        item.number, item.invoiceDate, item.dueDate, ...perCurrency(item.amountMinor),
        ...(tab === 'open' ? perCurrency(item.openMinor) : [lastPaid.get(item.id) ?? null]),
        Math.max(0, days),
        item.dispute ? t('items.disputed', { reason: t(`items.disputeReasons.${item.dispute.reason}`) }) : item.kind === 'credit-note' ? t('items.creditNote') : '',
      ];
    });
    return { title: t(tab === 'open' ? 'items.openLabel' : 'items.paidLabel'), columns, rows };
  };

  return (
    <section className="panel" aria-labelledby="items-title">
      <h2 id="items-title" className="section-title">{t('items.title')}</h2>
      <ExportButtons table={exportTable} fileName={exportFileName(`${debtorName} ${t(tab === 'open' ? 'items.openLabel' : 'items.paidLabel')}`, asOf)} />
      <div role="tablist" className="tabs" aria-label={t('items.title')}>
        {TABS.map((key) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} className={tab === key ? 'tab is-active' : 'tab'} onClick={() => { setTab(key); setLimit(PAGE); }}>
            {t(`items.${key}`, { count: key === 'open' ? open.length : paid.length, formatted: format.number(key === 'open' ? open.length : paid.length) })}
          </button>
        ))}
      </div>
      <div className="table-scroll" role="tabpanel" tabIndex={0}>
        <table className="data-table compact" aria-label={t(tab === 'open' ? 'items.openLabel' : 'items.paidLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('items.number')}</th>
              <th scope="col">{t('items.invoiceDate')}</th>
              <th scope="col">{t('items.dueDate')}</th>
              <th scope="col" className="numeric">{t('items.amount')}</th>
              <th scope="col" className="numeric">{tab === 'open' ? t('items.openAmount') : t('items.paidOn')}</th>
              <th scope="col" className="numeric">{tab === 'open' ? t('items.daysOverdue') : t('items.daysLate')}</th>
              <th scope="col">{t('items.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.id}>
                <td>{item.number}</td>
                <td>{format.date(item.invoiceDate)}</td>
                <td>{format.date(item.dueDate)}</td>
                <td className="numeric">{amount(item, item.amountMinor)}</td>
                <td className="numeric">{tab === 'open' ? amount(item, item.openMinor) : lastPaid.has(item.id) ? format.date(lastPaid.get(item.id)!) : '–'}</td>
                <td className="numeric">{late(item)}</td>
                <td>{tab === 'open' && item.kind === 'invoice' ? <DisputeSelect item={item} /> : item.dispute ? t('items.disputed', { reason: t(`items.disputeReasons.${item.dispute.reason}`) }) : item.kind === 'credit-note' ? t('items.creditNote') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(tab === 'open' ? open : paid).length > limit && (
        <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
          {t('items.showMore')}
        </button>
      )}
    </section>
  );
}
