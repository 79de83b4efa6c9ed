/**
 * A Kredo main process reduced to its outbox, for the restart test: opens the outbox in the folder given,
 * queues the letters `letter-1` … `letter-N` (a key already in the outbox keeps its message, as when the
 * controller processes the same entries again after a restart; one found uncertain is refused, not queued), sends to the SMTP server on 127.0.0.1 and
 * prints the outcomes as one JSON line once nothing is waiting. Run with `node --import tsx`.
 */
import { KredoError } from '../../../shared/errors/kredo-error';
import type { MailSettings } from '../../../shared/ipc/mail-contract';
import { createMemoryLogger } from '../../../tests/support/memory-logger';
import { composeLetterMessage, newMessageId } from './compose-message';
import { openMailOutbox } from './mail-outbox';
import { openSmtpSession } from './smtp-session';
import { onePagePdf } from './test-pdf.test-support';

const [folder, port, count] = process.argv.slice(2);
const settings: MailSettings = { host: '127.0.0.1', port: Number(port), security: 'none', user: '', fromName: 'Acme Credit Control', fromAddress: 'credit@acme.example', replyTo: null };
let queuedAll: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  queuedAll = resolve;
});
const outbox = await openMailOutbox({
  folder: folder!,
  logger: createMemoryLogger(),
  policy: { baseDelayMs: 20, maxDelayMs: 100 },
  onOutcome: () => undefined,
  // Nothing is sent before the whole batch is queued, so the test knows which message is the third.
  connect: async () => {
    await ready;
    return openSmtpSession(settings, undefined);
  },
});
for (let index = 1; index <= Number(count); index++) {
  const key = `letter-${index}`;
  const message = { key, debtorId: `debtor-${index}`, to: { address: `debtor${index}@example.test` }, subject: `Herinnering ${index}`, text: `Factuur ${index} staat nog open.`, language: 'nl', attachment: { fileName: `${key}.pdf`, pdfBase64: onePagePdf(`Factuur ${index}`).toString('base64') } };
  await outbox
    .queue({ key, debtorId: message.debtorId, from: settings.fromAddress, to: message.to.address, subject: message.subject }, newMessageId(settings.fromAddress), (messageId) => composeLetterMessage(message, settings, messageId, new Date()))
    // An uncertain message is refused (the controller is told to check and use Send again), never queued anew.
    .catch((error: unknown) => {
      if (!(error instanceof KredoError && error.code === 'mail.stillInOutbox')) throw error;
    });
}
process.stdout.write('queued\n');
queuedAll();
outbox.kick();
const timer = setInterval(() => {
  void (async () => {
    if (outbox.waiting() > 0) return;
    clearInterval(timer);
    const outcomes = (await outbox.outcomes()).map(({ emlBase64: _eml, ...outcome }) => outcome);
    process.stdout.write(`${JSON.stringify(outcomes)}\n`);
    await outbox.close();
    process.exit(0);
  })();
}, 20);
