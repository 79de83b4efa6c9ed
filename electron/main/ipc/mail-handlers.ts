import type { MailService } from '../mail/mail-service';
import type { IpcHandlers } from './ipc-handlers';

type MailHandlers = Pick<IpcHandlers, 'mailGetSettings' | 'mailTest' | 'mailSetSettings' | 'mailQueue' | 'mailWithdraw' | 'mailOutcomes' | 'mailAcknowledge' | 'mailOutbox' | 'mailResend' | 'mailDismiss'>;

/** Settings › E-mail and the outbox: each a pass-through to the mail service; the password never goes back. */
export function createMailHandlers(mail: MailService): MailHandlers {
  return {
    mailGetSettings: () => mail.view(),
    mailTest: ({ settings, password, subject, text }) => mail.test(settings, password, subject, text),
    mailSetSettings: ({ settings, password }) => mail.save(settings, password),
    mailQueue: ({ message }) => mail.queue(message),
    mailWithdraw: async ({ key }) => ({ withdrawn: await mail.withdraw(key) }),
    mailOutcomes: () => mail.outcomes(),
    mailOutbox: () => ({ entries: mail.list() }),
    mailResend: ({ key, to }) => mail.resend(key, to),
    mailDismiss: async ({ key }) => ({ dismissed: await mail.dismiss(key) }),
    mailAcknowledge: async ({ keys }) => {
      await mail.acknowledge(keys);
      return {};
    },
  };
}
