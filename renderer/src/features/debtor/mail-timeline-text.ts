import type { i18n as I18n } from 'i18next';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';

/** The step of a kept statement of account (data/statements/make-statement.ts), and its documents' id prefix. */
const STATEMENT = 'statement';

/**
 * Whether an e-mail line of the timeline is about a statement of account rather than a dunning letter. Lines
 * recorded since issue 16's review carry the document's step; older ones only its id, which for a statement
 * is `statement:<debtor>:<date>` (make-statement.ts's statementId).
 */
const isStatement = (entry: AuditEntry): boolean => entry.details['step'] === STATEMENT || String(entry.details['documentId'] ?? '').startsWith(`${STATEMENT}:`);

/**
 * What the e-mail outbox did with a letter or statement, as the debtor's timeline says it (record-mail-outcomes.ts
 * writes the line): a statement is named a statement — the controller defending a claim must see what the debtor
 * was sent. Undefined for any other line.
 */
export function mailTimelineText(entry: AuditEntry, i18n: Pick<I18n, 't'>): string | undefined {
  const text = (key: string) => String(entry.details[key] ?? '');
  const statement = isStatement(entry);
  switch (entry.action) {
    case 'mail.sent':
      return i18n.t(statement ? 'timeline.statementMailSent' : 'timeline.mailSent', { ns: 'debtor', to: text('to'), subject: text('subject') });
    case 'mail.failed':
      return i18n.t(statement ? 'timeline.statementMailFailed' : 'timeline.mailFailed', { ns: 'debtor', to: text('to'), response: text('response') || '–' });
    case 'mail.uncertain':
      return i18n.t(statement ? 'timeline.statementMailUncertain' : 'timeline.mailUncertain', { ns: 'debtor', to: text('to') });
    default:
      return undefined;
  }
}
