import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { expect } from '../fixtures';
import { fill, texts } from '../locale-texts';
import { AppShellPage } from './app-shell-page';

/** Settings › E-mail. */
export class MailSettingsPage {
  readonly section: Locator;
  private readonly mail;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    this.mail = texts(language).settings.mail;
    this.section = page.getByTestId('mail-settings');
  }

  /**
   * Points Kredo at a mail server on this computer (no TLS, no password, as the test SMTP server on 127.0.0.1
   * takes it), sends the test message the screen asks for first, and saves.
   */
  async useLocalServer(port: number, sender: { readonly name: string; readonly address: string }): Promise<void> {
    await new AppShellPage(this.page, this.language).open('settings');
    const mail = this.section;
    await mail.getByLabel(this.mail.host).fill('127.0.0.1');
    await mail.getByLabel(this.mail.securities.none).check();
    await mail.getByRole('spinbutton', { name: this.mail.port }).fill(String(port));
    await mail.getByLabel(this.mail.fromName).fill(sender.name);
    await mail.getByLabel(this.mail.fromAddress).fill(sender.address);
    await mail.getByRole('button', { name: this.mail.test }).click();
    await expect(mail.getByRole('status')).toHaveText(fill(this.mail.testSent, { address: sender.address }));
    await mail.getByRole('button', { name: this.mail.save }).click();
    await expect(mail.getByRole('status')).toHaveText(this.mail.saved);
  }
}
