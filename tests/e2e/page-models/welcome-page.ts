import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { texts } from '../locale-texts';

/** The first-run screen, addressed by role and by the texts of the given language. */
export class WelcomePage {
  readonly heading: Locator;
  readonly openDemoButton: Locator;
  readonly importButton: Locator;
  readonly languageSelect: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {
    const welcome = texts(language).welcome;
    this.heading = page.getByRole('heading', { level: 1, name: welcome.title });
    this.openDemoButton = page.getByRole('button', { name: welcome.demo.action });
    this.importButton = page.getByRole('button', { name: welcome.import.action });
    this.languageSelect = page.getByRole('combobox', { name: texts(language).shell.language.label });
  }

  async openDemoPortfolio(): Promise<void> {
    await this.openDemoButton.click();
  }
}
