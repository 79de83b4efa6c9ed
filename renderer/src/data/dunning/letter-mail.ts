import type { MailMessageRequest } from '../../../../shared/ipc/mail-contract';
import type { DunningLetterInput } from '../../letters/dunning-letter';
import type { LetterContent } from '../../letters/letter-content';
import { letterPlainText } from '../../letters/letter-plain-text';
import { letterTranslator } from '../../letters/letter-translator';

/**
 * A letter as the e-mail outbox sends it from the controller's mailbox: the subject and the plain-text body
 * in the debtor's language (the same words as the `.eml` draft, from the same `content`), the PDF attached as
 * the kept letter's own base64 text. The main process builds the MIME message with nodemailer; the key is the
 * kept letter's id, so queueing it again sends nothing twice.
 */
export function letterMailMessage(input: DunningLetterInput, content: LetterContent, letter: { readonly key: string; readonly debtorId: string; readonly fileName: string; readonly pdfBase64: string }): MailMessageRequest | undefined {
  const address = input.debtor.email;
  if (!address) return undefined;
  const t = letterTranslator(input.language);
  return {
    key: letter.key,
    debtorId: letter.debtorId,
    to: { ...(input.debtor.contactName && { name: input.debtor.contactName }), address },
    subject: content.subject,
    text: letterPlainText(content, t('attachmentNote')),
    language: input.language,
    attachment: { fileName: `${letter.fileName}.pdf`, pdfBase64: letter.pdfBase64 },
  };
}
