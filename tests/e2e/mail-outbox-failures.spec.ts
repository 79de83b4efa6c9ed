import type { Page } from '@playwright/test';
import { smtpReply, startTestSmtpServer, type ReceivedMessage, type TestSmtpServer } from '../../electron/main/mail/smtp-test-server.test-support';
import { expect, test } from './fixtures';
import { fill, texts } from './locale-texts';
import { pdfText } from './pdf-text';
import { AppShellPage } from './page-models/app-shell-page';
import { LimitsPage } from './page-models/limits-page';
import { MailSettingsPage } from './page-models/mail-settings-page';

test.use({ start: 'demo' });

/**
 * The e-mail outbox when things go wrong (issue 16, item 1): a recipient the server refuses for good, and
 * Kredo stopped while the outbox still holds letters. The SMTP server is real (smtp-server on 127.0.0.1);
 * it holds letters back on the test's say-so, never by a clock.
 */
const en = texts('en');
const SENDER = 'debiteurenbeheer@kredo-demo.example';
const POLL = { timeout: 60_000 };

/** Letters only: the test message of Settings › E-mail goes to the sender's own address. */
const lettersOf = (smtp: TestSmtpServer): ReceivedMessage[] => smtp.accepted.filter((message) => !message.envelopeTo.includes(SENDER));

/** Settings › E-mail for the server on 127.0.0.1 (a test message first, as the screen asks), then the first three reminders processed. */
async function sendThreeReminders(page: Page, smtp: TestSmtpServer): Promise<string[]> {
  const shell = new AppShellPage(page, 'en');
  await new MailSettingsPage(page, 'en').useLocalServer(smtp.port, { name: 'Kredo Demo B.V.', address: SENDER });
  await shell.open('dunning');
  const steps = page.getByTestId('worklist').getByRole('row').filter({ hasText: 'Send the first reminder' });
  const names: string[] = [];
  for (let index = 0; index < 3; index++) {
    names.push((await steps.nth(index).getByRole('button').first().textContent())!);
    await steps.nth(index).getByRole('checkbox').check();
  }
  await page.getByRole('button', { name: 'Process 3 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done:' })).toContainText('Done: 3 steps recorded');
  return names;
}

/** The debtors whose letters the server took, read from each letter's PDF. */
async function debtorsReached(smtp: TestSmtpServer, names: readonly string[]): Promise<string[]> {
  const letters = await Promise.all(lettersOf(smtp).map((message) => pdfText(message.parsed.attachments[0]!.content)));
  return names.filter((name) => letters.some((text) => text.includes(name)));
}

async function openDebtor(page: Page, name: string): Promise<void> {
  await new AppShellPage(page, 'en').open('portfolio');
  await new LimitsPage(page, 'en').openDebtor(name);
}

test('an address the server refuses shows as failed on the debtor’s timeline, the rest arrive once, and the letter goes again once the address is corrected', async ({ kredo }) => {
  let refusedAddress: string | undefined;
  // The first letter's recipient is refused for good (550), as an address that does not exist is.
  const smtp = await startTestSmtpServer({
    onRcpt: (address) => {
      if (address === SENDER) return undefined;
      refusedAddress ??= address;
      return address === refusedAddress ? smtpReply(550, `5.1.1 <${address}>: Recipient address rejected: User unknown`) : undefined;
    },
  });
  try {
    const { page } = kredo;
    const names = await sendThreeReminders(page, smtp);
    await expect.poll(() => lettersOf(smtp).length, POLL).toBe(2);
    expect(new Set(lettersOf(smtp).map((message) => message.parsed.messageId)).size).toBe(2);
    const reached = await debtorsReached(smtp, names);
    expect(reached).toHaveLength(2);
    const refusedName = names.find((name) => !reached.includes(name))!;

    // The debtor's timeline says it failed, naming the address and the server's words.
    await openDebtor(page, refusedName);
    await expect(page.locator('.timeline')).toContainText(`E-mail to ${refusedAddress} refused by the mail server: 550 5.1.1 <${refusedAddress}>: Recipient address rejected: User unknown`, POLL);
    const outbox = page.getByTestId('debtor-mail-outbox');
    await expect(outbox).toContainText(`Not delivered:`);
    await expect(outbox).toContainText(`to ${refusedAddress}. The mail server answered: 550`);

    // The controller corrects the address and sends the letter again: a new message, to the new address.
    await page.getByRole('button', { name: en.debtor.masterData.edit }).click();
    const form = page.getByRole('form', { name: en.debtor.masterData.title });
    const emails = form.getByLabel(en.debtor.masterData.email);
    for (let index = 0; index < (await emails.count()); index++) {
      if ((await emails.nth(index).inputValue()) === refusedAddress) await emails.nth(index).fill('accounts@corrected.example');
    }
    await form.getByRole('button', { name: en.debtor.masterData.save }).click();
    await outbox.getByRole('button', { name: fill(en.debtor.mailOutbox.sendAgainTo, { to: 'accounts@corrected.example' }) }).click();
    await expect.poll(() => lettersOf(smtp).length, POLL).toBe(3);
    const resent = lettersOf(smtp)[2]!;
    expect(resent.envelopeTo).toEqual(['accounts@corrected.example']);
    expect(new Set(lettersOf(smtp).map((message) => message.parsed.messageId)).size).toBe(3);
    expect(await pdfText(resent.parsed.attachments[0]!.content)).toContain(refusedName);
    await expect(page.locator('.timeline')).toContainText('Letter e-mailed to accounts@corrected.example', POLL);
    await expect(outbox.getByRole('listitem')).toHaveCount(0);
  } finally {
    await smtp.close();
  }
});

test('Kredo stopped while the outbox holds letters sends the rest after the restart, each Message-ID arriving once', async ({ kredo }) => {
  // Once the first letter is in, the server holds everything back: new connections are turned away and
  // recipients deferred, so no letter is in the middle of its transaction when Kredo stops.
  let heldOnce = false;
  const smtp: TestSmtpServer = await startTestSmtpServer({
    onMessage: (message) => {
      if (!heldOnce && !message.envelopeTo.includes(SENDER)) {
        heldOnce = true;
        smtp.hold();
      }
      return 'accept';
    },
  });
  try {
    const names = await sendThreeReminders(kredo.page, smtp);
    const server = smtp;
    await expect.poll(() => server.turnedAway, POLL).toBeGreaterThan(0);
    expect(lettersOf(server)).toHaveLength(1);

    // A letter still in the outbox shows as waiting on its debtor's page, with the time of its next try.
    const first = await debtorsReached(server, names);
    const held = names.filter((name) => !first.includes(name));
    expect(held).toHaveLength(2);
    await openDebtor(kredo.page, held[0]!);
    await expect(kredo.page.getByTestId('debtor-mail-outbox')).toContainText(/Waiting to send: “.+” to \S+@\S+ Next try at /, POLL);

    const again = await kredo.restart();
    server.release();
    await expect.poll(() => lettersOf(server).length, POLL).toBe(3);
    const ids = lettersOf(server).map((message) => message.parsed.messageId);
    expect(new Set(ids).size).toBe(3);
    expect(new Set(lettersOf(server).map((message) => message.envelopeTo.join())).size).toBe(3);
    expect((await debtorsReached(server, names)).sort()).toEqual([...names].sort());
    // Recorded as sent and gone from the outbox: nothing is left to go a second time.
    for (const name of held) {
      await openDebtor(again.page, name);
      await expect(again.page.locator('.timeline')).toContainText('Letter e-mailed to', POLL);
      await expect(again.page.locator('.timeline')).not.toContainText('refused');
      await expect(again.page.getByTestId('debtor-mail-outbox').getByRole('listitem')).toHaveCount(0);
    }
    expect(lettersOf(server).map((message) => message.parsed.messageId)).toEqual(ids);
  } finally {
    await smtp.close();
  }
});
