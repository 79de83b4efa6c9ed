import type { MailOutcome } from '../../../../shared/ipc/mail-contract';
import { base64ToBytes } from '../backup/backup-format';
import type { KredoDb } from '../db/kredo-db';

/**
 * Records what the e-mail outbox did with letters on each debtor's timeline — sent, refused (with the
 * server's words) or uncertain — and keeps the exact message handed to the mail server as the letter's
 * `.eml`, so it can be opened from the debtor's letters as evidence. The line names the document's step, so
 * the timeline calls a statement of account a statement (features/debtor/mail-timeline-text.ts). Each outcome is recorded once: an
 * outcome the letter already carries (the renderer was closed before it told the outbox) adds nothing.
 * Returns the keys recorded, for the outbox to forget.
 */
export async function recordMailOutcomes(db: KredoDb, outcomes: readonly MailOutcome[]): Promise<string[]> {
  const recorded: string[] = [];
  for (const outcome of outcomes) {
    await db.transaction('rw', db.documents, db.audit, async () => {
      const document = await db.documents.get(outcome.key);
      if (document?.mail?.messageId === outcome.messageId && document.mail.state === outcome.state) return;
      if (document) {
        const eml = new TextDecoder().decode(base64ToBytes(outcome.emlBase64));
        await db.documents.put({ ...document, eml, mail: { messageId: outcome.messageId, state: outcome.state, at: outcome.at, ...(outcome.code !== undefined && { code: outcome.code }) } });
      }
      await db.audit.add({
        at: outcome.at,
        actor: 'system',
        action: `mail.${outcome.state}`,
        entityType: 'debtor',
        entityId: outcome.debtorId,
        details: { documentId: outcome.key, ...(document && { step: document.step }), messageId: outcome.messageId, to: outcome.to, subject: outcome.subject, attempts: outcome.attempts, ...(outcome.code !== undefined && { code: outcome.code }), ...(outcome.response !== undefined && { response: outcome.response }) },
      });
    });
    recorded.push(outcome.key);
  }
  return recorded;
}
