import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { uiDb } from '../../data/queries/ui-db';
import type { QuarantinedInsurerItem } from '../../data/db/schema';
import { useFormat } from '../../i18n/use-format';

/** More than this many is a broken insurer release, not a list to read: the rest is counted. */
const SHOWN = 200;

/**
 * Insurer data the sync could not read (issue 15): kept out of the limits, which may therefore be out of date
 * for these debtors, and listed here with what is wrong with each, newest first, until a readable version
 * arrives. Shown only while there is something to show.
 */
export function QuarantineSection() {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const items = useLiveQuery(async () => (await uiDb.insurerQuarantine.toArray()).sort((a, b) => (a.lastSeenAt < b.lastSeenAt ? 1 : a.lastSeenAt > b.lastSeenAt ? -1 : a.id.localeCompare(b.id))), []);
  if (!items || items.length === 0) return null;
  const reason = (item: QuarantinedInsurerItem) => item.problems.map((problem) => t(`quarantine.issue.${problem.issue}`, { field: problem.field })).join('; ');
  return (
    <section className="panel" aria-labelledby="quarantine-title">
      <h2 id="quarantine-title" className="section-title">{t('quarantine.title', { count: items.length })}</h2>
      <p className="note">{t('quarantine.intro')}</p>
      <table className="data-table compact" data-testid="insurer-quarantine">
        <thead>
          <tr>
            <th scope="col">{t('quarantine.columns.received')}</th>
            <th scope="col">{t('quarantine.columns.debtor')}</th>
            <th scope="col">{t('quarantine.columns.item')}</th>
            <th scope="col">{t('quarantine.columns.source')}</th>
            <th scope="col">{t('quarantine.columns.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, SHOWN).map((item) => (
            <tr key={item.id}>
              <td>{format.dateTime(new Date(item.lastSeenAt))}</td>
              <td>{item.debtorName ?? t('quarantine.unknownDebtor')}</td>
              <td>{item.coverId ? t('quarantine.cover', { id: item.coverId }) : item.eventId ? t('quarantine.event', { id: item.eventId }) : t('quarantine.unnamed')}</td>
              <td>{t(`quarantine.source.${item.source}`)}</td>
              <td>{reason(item)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > SHOWN && <p className="note">{t('quarantine.more', { count: items.length - SHOWN })}</p>}
    </section>
  );
}
