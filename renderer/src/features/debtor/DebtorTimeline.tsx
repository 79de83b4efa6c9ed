import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/domain/debtor-page/debtor-timeline';
import { money } from '../../../../shared/money/money';
import { useFormat } from '../../i18n/use-format';

const PAGE = 50;

/** Every event of the debtor, newest first, fifty at a time. */
export function DebtorTimeline({ events }: { readonly events: readonly TimelineEvent[] }) {
  const { t } = useTranslation(['debtor', 'limits', 'dunning']);
  const format = useFormat();
  const [limit, setLimit] = useState(PAGE);
  const describe = (event: TimelineEvent): string => {
    switch (event.kind) {
      case 'invoice':
      case 'credit-note':
        return t(`debtor:timeline.${event.kind}`, { number: event.number, amount: format.money(money(event.amountMinor, event.currency)) });
      case 'payment':
        return t('debtor:timeline.payment', { amount: format.money(money(event.amountMinor, event.currency)) });
      case 'dispute':
        return t('debtor:timeline.dispute', { number: event.number, reason: t(`debtor:items.disputeReasons.${event.reason}`) });
      case 'limit':
        return t('debtor:timeline.limit', { status: t(`limits:state.${event.status}`), amount: format.money(money(event.amountMinor, event.currency)) });
      case 'dunning':
        return t(`debtor:timeline.dunning.${event.status}`, { step: t(`dunning:steps.${event.step}`) });
      case 'audit':
        if (event.entry.action === 'debtor.noteAdded') return t('debtor:timeline.note', { text: String(event.entry.details['text'] ?? '') });
        if (event.entry.action === 'payment.assigned') return t('debtor:timeline.paymentAssigned', { amount: format.money(money(Number(event.entry.details['amountMinor']), String(event.entry.details['currency']))) });
        return event.entry.action;
    }
  };
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="section-title">{t('debtor:timeline.title')}</h2>
      {events.length === 0 && <p className="note">{t('debtor:timeline.empty')}</p>}
      <ol className="timeline" aria-labelledby="timeline-title">
        {events.slice(0, limit).map((event, index) => (
          <li key={`${event.on}-${event.kind}-${index}`} className={`timeline-event timeline-${event.kind}`}>
            <time dateTime={event.on}>{event.kind === 'audit' ? format.dateTime(new Date(event.at)) : format.date(event.on)}</time>
            <span>{describe(event)}</span>
          </li>
        ))}
      </ol>
      {events.length > limit && (
        <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
          {t('debtor:timeline.showMore', { count: events.length - limit, formatted: format.number(events.length - limit) })}
        </button>
      )}
    </section>
  );
}
