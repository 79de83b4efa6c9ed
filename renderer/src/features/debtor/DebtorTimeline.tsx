import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/domain/debtor-page/debtor-timeline';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import { DEBTOR_SETTING_FIELDS } from '../../../../shared/domain/debtors/debtor-settings';
import { isLawJurisdiction } from '../../../../shared/domain/law/jurisdiction';
import { DISPUTE_REASONS } from '../../../../shared/domain/ledger/ledger-types';
import { money } from '../../../../shared/money/money';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { useCountryName, useLanguageName } from '../../i18n/use-country-name';
import { useFormat } from '../../i18n/use-format';
import { mailTimelineText } from './mail-timeline-text';

const PAGE = 50;

const SUBMISSION_KINDS = ['limit', 'overdue', 'collection', 'claim'] as const;

const SETTING_LABEL = { country: 'debtor:identity.country', language: 'debtor:identity.language', jurisdiction: 'debtor:identity.law', segment: 'debtor:identity.segment' } as const;

/** Every event of the debtor, newest first, fifty at a time. */
export function DebtorTimeline({ events }: { readonly events: readonly TimelineEvent[] }) {
  const { t, i18n } = useTranslation(['debtor', 'limits', 'dunning']);
  const format = useFormat();
  const [limit, setLimit] = useState(PAGE);
  const countryName = useCountryName();
  const languageName = useLanguageName();
  const settingValue = (field: string, value: string): string => {
    if (field === 'country') return countryName(value);
    if (field === 'language') return languageName(value);
    if (field === 'jurisdiction' && isLawJurisdiction(value)) return t(`debtor:identity.laws.${value}`);
    return value || '–';
  };
  const describeAudit = (entry: AuditEntry): string => {
    const { details } = entry;
    const text = (key: string) => String(details[key] ?? '');
    switch (entry.action) {
      case 'payment.assigned':
        return t('debtor:timeline.paymentAssigned', { amount: format.money(money(Number(details['amountMinor']), text('currency'))) });
      case 'item.disputed': {
        const reason = DISPUTE_REASONS.find((candidate) => candidate === details['reason']);
        return t('debtor:timeline.disputeMarked', { number: text('number'), reason: reason ? t(`debtor:items.disputeReasons.${reason}`) : '–' });
      }
      case 'item.disputeSettled':
        return t('debtor:timeline.disputeSettled', { number: text('number') });
      case 'insurer.overdueQueued':
        return t('debtor:timeline.lossQueued.overdue');
      case 'insurer.collectionQueued':
        return t('debtor:timeline.lossQueued.collection');
      case 'insurer.claimQueued':
        return t('debtor:timeline.lossQueued.claim');
      case 'insurer.requestFound':
      case 'insurer.requestResent': {
        // A request or submission whose answer was lost, looked up at the insurer (shared/sync/outbox-check.ts).
        const kind = SUBMISSION_KINDS.find((candidate) => candidate === details['kind']) ?? 'limit';
        return entry.action === 'insurer.requestFound' ? t(`debtor:timeline.requestFound.${kind}`, { id: text('insurerId') }) : t(`debtor:timeline.requestResent.${kind}`);
      }
      case 'dunning.planAgreed':
        return t('debtor:timeline.planAgreed', { total: format.money(money(Number(details['totalMinor']), text('currency'))), count: Number(details['instalments']) });
      case 'dunning.planEnded':
        return t('debtor:timeline.planEnded');
      case 'mail.sent':
      case 'mail.failed':
      case 'mail.uncertain':
        return mailTimelineText(entry, i18n) ?? entry.action;
      case 'statement.made':
        return t('debtor:timeline.statementMade', { total: format.money(money(Number(details['totalDueMinor']), text('currency'))), reference: text('reference') });
      case 'debtor.merged':
        return t('debtor:timeline.merged', { name: text('mergedName'), code: text('mergedCustomerCode'), items: Number(details['items']), payments: Number(details['payments']) });
      case 'debtor.masterDataChanged':
      case 'debtor.masterDataImported': {
        const label: Record<string, string> = { contacts: t('debtor:identity.contacts'), address: t('debtor:masterData.postal'), invoiceAddress: t('debtor:masterData.invoiceAddress') };
        const fields = text('fields').split(',').filter(Boolean).map((field) => label[field] ?? field).join(', ');
        return entry.action === 'debtor.masterDataChanged' ? t('debtor:timeline.masterDataChanged', { fields }) : t('debtor:timeline.masterDataImported', { fields, source: text('file') });
      }
      case 'limit.ownSet':
      case 'limit.ownEnded': {
        const kind = t(`debtor:limits.source.${details['kind'] === 'internal' ? 'internal' : 'discretionary'}`);
        if (entry.action === 'limit.ownEnded') return t('debtor:timeline.ownLimitEnded', { kind });
        return t('debtor:timeline.ownLimitSet', { kind, amount: format.money(money(Number(details['amountMinor']), text('currency'))), from: format.date(toIsoDate(text('effectiveFrom'))), note: text('note') });
      }
      case 'debtor.settingsChanged': {
        const changes = DEBTOR_SETTING_FIELDS.filter((field) => details[field] !== undefined).map((field) =>
          t('debtor:timeline.settingChange', { field: t(SETTING_LABEL[field]), before: settingValue(field, text(`${field}Before`)), after: settingValue(field, text(field)) }),
        );
        return t('debtor:timeline.settingsChanged', { changes: changes.join('; ') });
      }
      default:
        return entry.action;
    }
  };
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
        return t('debtor:timeline.limit', { status: t(`limits:stateInSentence.${event.status}`), amount: format.money(money(event.amountMinor, event.currency)) });
      case 'dunning':
        return t(`debtor:timeline.dunning.${event.status}`, { step: t(`dunning:steps.${event.step}`) });
      case 'audit':
        if (event.entry.action === 'debtor.noteAdded') return t('debtor:timeline.note', { text: String(event.entry.details['text'] ?? '') });
        return describeAudit(event.entry);
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
