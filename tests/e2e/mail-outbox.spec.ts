import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startTestSmtpServer } from '../../electron/main/mail/smtp-test-server.test-support';
import { expect, saveScreenshot, test } from './fixtures';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';
import { WelcomePage } from './page-models/welcome-page';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true }).promise;
  return (await (await pdf.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
}

/** Settings › E-mail with a real SMTP server on 127.0.0.1, then a batch of first reminders sent from the worklist. */
test('a batch of reminders is e-mailed from the worklist, each letter arriving once with its PDF, in the debtor’s language', async ({ kredo }) => {
  const smtp = await startTestSmtpServer();
  try {
    const { page } = kredo;
    await new WelcomePage(page, 'en').openDemoPortfolio();
    const shell = new AppShellPage(page, 'en');
    await shell.open('settings');
    const mail = page.getByTestId('mail-settings');
    await mail.getByLabel('SMTP server').fill('127.0.0.1');
    await mail.getByLabel('None (this computer only)').check();
    await mail.getByRole('spinbutton', { name: 'Port' }).fill(String(smtp.port));
    await mail.getByLabel('Sender name').fill('Kredo Demo B.V.');
    await mail.getByLabel('Sender address').fill('debiteurenbeheer@kredo-demo.example');
    await mail.getByRole('button', { name: 'Send a test message' }).click();
    await expect(mail.getByRole('status')).toHaveText('The mail server accepted the test message to debiteurenbeheer@kredo-demo.example.');
    await mail.getByRole('button', { name: 'Save' }).click();
    await expect(mail.getByRole('status')).toHaveText('E-mail settings saved.');
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
