import { startTestSmtpServer } from '../../electron/main/mail/smtp-test-server.test-support';
import { expect, saveScreenshot, test } from './fixtures';
import { pdfText } from './pdf-text';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';
import { MailSettingsPage } from './page-models/mail-settings-page';

test.use({ start: 'demo' });

/** Settings › E-mail with a real SMTP server on 127.0.0.1, then a batch of first reminders sent from the worklist. */
test('a batch of reminders is e-mailed from the worklist, each letter arriving once with its PDF, in the debtor’s language', async ({ kredo }) => {
  const smtp = await startTestSmtpServer();
  try {
    const { page } = kredo;
    const shell = new AppShellPage(page, 'en');
    await new MailSettingsPage(page, 'en').useLocalServer(smtp.port, { name: 'Kredo Demo B.V.', address: 'debiteurenbeheer@kredo-demo.example' });
    await saveScreenshot(page, 'settings-mail-en');
    expect(smtp.accepted).toHaveLength(1);

    await shell.open('dunning');
    const steps = page.getByTestId('worklist').getByRole('row').filter({ hasText: 'Send the first reminder' });
    const first = (await steps.nth(0).getByRole('button').first().textContent())!;
    for (let index = 0; index < 3; index++) await steps.nth(index).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Process 3 selected' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toContainText('Done: 3 steps recorded');

    // Every letter with an address reaches the server; each once, with its own Message-ID and its PDF.
    await expect.poll(() => smtp.accepted.length - 1, { timeout: 60_000 }).toBe(3);
    const letters = smtp.accepted.slice(1);
    expect(new Set(letters.map((message) => message.parsed.messageId)).size).toBe(letters.length);
    expect(new Set(letters.map((message) => message.envelopeTo.join())).size).toBe(letters.length);
    for (const message of letters) {
      expect(message.parsed.attachments).toHaveLength(1);
      expect(message.parsed.attachments[0]!.contentType).toBe('application/pdf');
      expect(await pdfText(message.parsed.attachments[0]!.content)).toContain('Kredo Demo B.V.');
      expect(message.parsed.from?.value[0]?.address).toBe('debiteurenbeheer@kredo-demo.example');
      expect(['nl', 'sv', 'en']).toContain(message.parsed.headers.get('content-language'));
      expect(message.parsed.subject).toBeTruthy();
    }

    // Recorded on the debtor's timeline, with the message sent kept as the letter's e-mail.
    await shell.open('portfolio');
    await new LimitsPage(page, 'en').openDebtor(first);
    await expect(page.locator('.timeline')).toContainText('Letter e-mailed to');
    expect(smtp.accepted).toHaveLength(4);
  } finally {
    await smtp.close();
  }
});
